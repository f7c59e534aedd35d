using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace Jukebox.Data.Seeding;

/// <summary>
/// Deterministic 22-character base62 ids for generated catalog items, so that the demo catalog has
/// the same ids on every machine and every run.
/// </summary>
public static class CatalogIds
{
    private const string Alphabet = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    public static string For(string kind, long number) => FromSeed($"jukebox:{kind}:{number}");

    public static string FromSeed(string seed)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(seed), hash);
        return Encode(hash[..16]);
    }

    public static string NewRandom()
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        return Encode(bytes);
    }

    private static string Encode(ReadOnlySpan<byte> bytes)
    {
        // 62^22 > 2^128, so 16 bytes always fit in 22 digits.
        var value = new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
        Span<char> chars = stackalloc char[22];
        for (var i = chars.Length - 1; i >= 0; i--)
        {
            value = BigInteger.DivRem(value, 62, out var digit);
            chars[i] = Alphabet[(int)digit];
        }
        return new string(chars);
    }
}
