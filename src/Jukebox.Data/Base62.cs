using System.Security.Cryptography;

namespace Jukebox.Data;

/// <summary>Spotify's ids: 22 base62 characters, which hold any 128-bit value (62^22 > 2^128).</summary>
public static class Base62
{
    public const int IdLength = 22;

    // Digits, lower case, upper case: the order the demo catalog's ids were made in, so they stay the same.
    private const string Alphabet = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    public static string Id(UInt128 value)
    {
        Span<char> chars = stackalloc char[IdLength];
        for (var i = chars.Length - 1; i >= 0; i--)
        {
            (value, var digit) = UInt128.DivRem(value, 62);
            chars[i] = Alphabet[(int)digit];
        }
        return new string(chars);
    }

    /// <summary>A new random id (playlists, keys of uploaded covers).</summary>
    public static string RandomId() => RandomNumberGenerator.GetString(Alphabet, IdLength);

    public static bool IsId(ReadOnlySpan<char> id)
    {
        if (id.Length != IdLength)
        {
            return false;
        }
        foreach (var c in id)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }
        return true;
    }
}
