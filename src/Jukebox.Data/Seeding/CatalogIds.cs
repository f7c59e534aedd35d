using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Jukebox.Data.Seeding;

/// <summary>
/// Deterministic ids for generated catalog items, so that the demo catalog has the same ids on every
/// machine and every run.
/// </summary>
public static class CatalogIds
{
    public static string For(string kind, long number) => FromSeed($"jukebox:{kind}:{number}");

    public static string FromSeed(string seed)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(seed), hash);
        return Base62.Id(BinaryPrimitives.ReadUInt128BigEndian(hash[..16]));
    }
}
