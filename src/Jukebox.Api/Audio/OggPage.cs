using System.Buffers.Binary;

namespace Jukebox.Api.Audio;

/// <summary>
/// One page of an Ogg stream (RFC 3533, section 6): read whole from a stream, and written back with
/// its checksum computed again after a change. Hand-written: no .NET library without native code
/// writes Ogg pages (NVorbis and Concentus read and decode them).
/// </summary>
internal sealed class OggPage
{
    public const byte Continued = 0x01;
    public const byte FirstOfStream = 0x02;
    public const byte LastOfStream = 0x04;

    private const int HeaderLength = 27;
    private static readonly uint[] CrcTable = MakeCrcTable();

    private byte[] _bytes;

    private OggPage(byte[] bytes) => _bytes = bytes;

    public byte Flags => _bytes[5];

    /// <summary>The codec's position where the last packet completed on this page ends; -1 when none does.</summary>
    public long Granule => BinaryPrimitives.ReadInt64LittleEndian(_bytes.AsSpan(6));

    public uint Serial => BinaryPrimitives.ReadUInt32LittleEndian(_bytes.AsSpan(14));

    private int Segments => _bytes[26];

    /// <summary>The page's data: the packets, or parts of them, it carries.</summary>
    public ReadOnlySpan<byte> Body => _bytes.AsSpan(HeaderLength + Segments);

    public ReadOnlySpan<byte> Bytes => _bytes;

    /// <returns>The page at the stream's position, or null when none is there (the stream ends or holds something else).</returns>
    public static OggPage? Read(Stream stream)
    {
        var header = new byte[HeaderLength];
        if (stream.ReadAtLeast(header, HeaderLength, throwOnEndOfStream: false) < HeaderLength || !header.AsSpan(0, 4).SequenceEqual("OggS"u8) || header[4] != 0)
        {
            return null;
        }
        var table = new byte[header[26]];
        if (stream.ReadAtLeast(table, table.Length, throwOnEndOfStream: false) < table.Length)
        {
            return null;
        }
        var length = table.Sum(b => b);
        var bytes = new byte[HeaderLength + table.Length + length];
        header.CopyTo(bytes, 0);
        table.CopyTo(bytes, HeaderLength);
        return stream.ReadAtLeast(bytes.AsSpan(HeaderLength + table.Length), length, throwOnEndOfStream: false) < length ? null : new OggPage(bytes);
    }

    /// <summary>
    /// Makes this the stream's last page, ending at <paramref name="granule"/> (at most the page's own:
    /// a decoder drops what the packets hold beyond it): a packet left unfinished on the page, which
    /// would go on on the next page, is left out.
    /// </summary>
    public void EndStream(long granule)
    {
        var table = _bytes.AsSpan(HeaderLength, Segments);
        // A lacing value of 255 means the packet goes on; the last one below 255 ends the last whole packet.
        var kept = table.LastIndexOfAnyInRange((byte)0, (byte)254) + 1;
        var dropped = 0;
        foreach (var lacing in table[kept..])
        {
            dropped += lacing;
        }
        var body = Body[..^dropped].ToArray();
        var bytes = new byte[HeaderLength + kept + body.Length];
        _bytes.AsSpan(0, HeaderLength + kept).CopyTo(bytes);
        body.CopyTo(bytes, HeaderLength + kept);
        bytes[26] = (byte)kept;
        bytes[5] |= LastOfStream;
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(6), Math.Min(granule, Granule));
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(22), 0);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(22), Crc(bytes));
        _bytes = bytes;
    }

    /// <summary>
    /// Ogg's CRC-32: polynomial 0x04C11DB7, initial value 0, bits not reflected, no final XOR, over the
    /// page with its checksum field set to 0.
    /// </summary>
    public static uint Crc(ReadOnlySpan<byte> page)
    {
        var crc = 0u;
        foreach (var b in page)
        {
            crc = (crc << 8) ^ CrcTable[(crc >> 24) ^ b];
        }
        return crc;
    }

    private static uint[] MakeCrcTable()
    {
        var table = new uint[256];
        for (var i = 0u; i < 256; i++)
        {
            var r = i << 24;
            for (var bit = 0; bit < 8; bit++)
            {
                r = (r & 0x80000000) != 0 ? (r << 1) ^ 0x04C11DB7 : r << 1;
            }
            table[i] = r;
        }
        return table;
    }
}
