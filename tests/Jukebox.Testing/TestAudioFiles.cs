using System.Buffers.Binary;
using SkiaSharp;

namespace Jukebox.Testing;

/// <summary>
/// Audio files made by the tests themselves, so that no encoder has to be installed: silent MP3
/// (MPEG-1 Layer III frames whose side information is all zero, which every decoder plays as
/// silence), silent FLAC (frames of constant subframes), silent Ogg Opus and silent WAV (PCM), tagged with TagLib# as
/// a user's files would be.
/// </summary>
public static partial class TestAudioFiles
{
    /// <summary>An MPEG-1 Layer III frame header: 128 kbit/s, 44.1 kHz, mono, no CRC, no padding.</summary>
    private static readonly byte[] FrameHeader = [0xFF, 0xFB, 0x90, 0xC0];

    /// <summary>144 × 128000 / 44100 bytes, rounded down as a frame without padding is.</summary>
    public const int Mp3FrameBytes = 417;

    public const int Mp3SampleRate = 44_100;
    public const int Mp3FrameSamples = 1152;

    public static byte[] SilentMp3(TimeSpan length)
    {
        var frames = (int)Math.Ceiling(length.TotalSeconds * Mp3SampleRate / Mp3FrameSamples);
        var mp3 = new byte[frames * Mp3FrameBytes];
        for (var i = 0; i < frames; i++)
        {
            FrameHeader.CopyTo(mp3, i * Mp3FrameBytes);
        }
        return mp3;
    }

    public const int FlacBlockSamples = 4096;
    public const int FlacSampleRate = 8000;

    /// <summary>
    /// 8 kHz, mono, 16-bit FLAC of <paramref name="blocks"/> blocks of 4096 samples, each frame one
    /// CONSTANT subframe of <paramref name="level"/> (FLAC format spec, "FRAME"): 0 is silence, and
    /// −8 (0xFFF8) puts a frame's sync code inside every frame's audio. The two checksums a frame
    /// carries are computed here: no library at hand writes FLAC.
    /// </summary>
    public static byte[] SilentFlac(int blocks, short level = 0)
    {
        using var flac = new MemoryStream();
        flac.Write("fLaC"u8);
        // The last metadata block (0x80), STREAMINFO (type 0), 34 bytes long.
        flac.Write([0x80, 0, 0, 34]);
        var info = new byte[34];
        info[0] = info[2] = FlacBlockSamples >> 8; // minimum and maximum block size: 4096
        // Sample rate (20 bits), channels − 1 (3 bits), bits per sample − 1 (5 bits), total samples (36 bits);
        // frame sizes (bytes 4–9) and the MD5 signature (bytes 18–33) stay 0, "unknown".
        var packed = ((ulong)FlacSampleRate << 44) | (0UL << 41) | (15UL << 36) | ((ulong)blocks * FlacBlockSamples);
        for (var i = 0; i < 8; i++)
        {
            info[10 + i] = (byte)(packed >> (56 - 8 * i));
        }
        flac.Write(info);
        for (var frame = 0; frame < blocks; frame++)
        {
            // Sync, fixed blocking; block size 4096 (1100) and 8 kHz (0100); mono, 16 bits; frame number (below 128: one byte).
            byte[] header = [0xFF, 0xF8, 0xC4, 0x08, checked((byte)frame)];
            byte[] body = [.. header, Crc8(header), 0x00, (byte)(level >> 8), (byte)level];
            var crc = Crc16(body);
            flac.Write(body);
            flac.Write([(byte)(crc >> 8), (byte)crc]);
        }
        return flac.ToArray();
    }

    private static byte Crc8(ReadOnlySpan<byte> bytes)
    {
        byte crc = 0;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (byte)((crc & 0x80) != 0 ? (crc << 1) ^ 0x07 : crc << 1);
            }
        }
        return crc;
    }

    private static ushort Crc16(ReadOnlySpan<byte> bytes)
    {
        ushort crc = 0;
        foreach (var b in bytes)
        {
            crc ^= (ushort)(b << 8);
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (ushort)((crc & 0x8000) != 0 ? (crc << 1) ^ 0x8005 : crc << 1);
            }
        }
        return crc;
    }

    /// <summary>8 kHz, mono, 16-bit PCM silence in a RIFF WAVE file.</summary>
    public static byte[] SilentWav(TimeSpan length)
    {
        const int rate = 8000;
        var dataBytes = (int)(length.TotalSeconds * rate) * 2;
        using var wav = new MemoryStream();
        using (var writer = new BinaryWriter(wav))
        {
            writer.Write("RIFF"u8);
            writer.Write(36 + dataBytes);
            writer.Write("WAVEfmt "u8);
            writer.Write(16);
            writer.Write((short)1);
            writer.Write((short)1);
            writer.Write(rate);
            writer.Write(rate * 2);
            writer.Write((short)2);
            writer.Write((short)16);
            writer.Write("data"u8);
            writer.Write(dataBytes);
            writer.Write(new byte[dataBytes]);
        }
        return wav.ToArray();
    }

    /// <summary>The pre-skip an Ogg Opus file made here declares (RFC 7845, section 5.1), in 48 kHz samples.</summary>
    public const int OpusPreSkip = 312;

    /// <summary>
    /// Mono Ogg Opus silence (RFC 7845): the ID header and an empty comment header, then 20 ms packets
    /// of one silent CELT frame (TOC 0xF8: CELT-only, fullband, 20 ms, mono; 0xFF 0xFE: silence), 50 to
    /// a page. Pages and their CRC-32 are written here: no library at hand writes Ogg.
    /// </summary>
    public static byte[] SilentOpus(TimeSpan length)
    {
        const uint serial = 0x4A4B4258;
        using var ogg = new MemoryStream();
        var head = new byte[19];
        "OpusHead"u8.CopyTo(head);
        head[8] = 1;
        head[9] = 1;
        BinaryPrimitives.WriteUInt16LittleEndian(head.AsSpan(10), OpusPreSkip);
        BinaryPrimitives.WriteUInt32LittleEndian(head.AsSpan(12), 48_000);
        var vendor = "jukebox tests"u8;
        var tags = new byte[8 + 4 + vendor.Length + 4];
        "OpusTags"u8.CopyTo(tags);
        BinaryPrimitives.WriteUInt32LittleEndian(tags.AsSpan(8), (uint)vendor.Length);
        vendor.CopyTo(tags.AsSpan(12));
        var sequence = 0u;
        WriteOggPage(ogg, 0x02, 0, serial, sequence++, [head]);
        WriteOggPage(ogg, 0x00, 0, serial, sequence++, [tags]);
        var packets = (int)Math.Ceiling(length.TotalSeconds * 50);
        for (var sent = 0; sent < packets;)
        {
            var count = Math.Min(50, packets - sent);
            sent += count;
            var silence = Enumerable.Repeat(new byte[] { 0xF8, 0xFF, 0xFE }, count).ToList();
            WriteOggPage(ogg, sent == packets ? (byte)0x04 : (byte)0, OpusPreSkip + sent * 960L, serial, sequence++, silence);
        }
        return ogg.ToArray();
    }

    private static void WriteOggPage(Stream ogg, byte flags, long granule, uint serial, uint sequence, IReadOnlyList<byte[]> packets)
    {
        var lacing = packets.SelectMany(p => Enumerable.Repeat((byte)255, p.Length / 255).Append((byte)(p.Length % 255))).ToArray();
        var page = new byte[27 + lacing.Length + packets.Sum(p => p.Length)];
        "OggS"u8.CopyTo(page);
        page[5] = flags;
        BinaryPrimitives.WriteInt64LittleEndian(page.AsSpan(6), granule);
        BinaryPrimitives.WriteUInt32LittleEndian(page.AsSpan(14), serial);
        BinaryPrimitives.WriteUInt32LittleEndian(page.AsSpan(18), sequence);
        page[26] = checked((byte)lacing.Length);
        lacing.CopyTo(page, 27);
        var at = 27 + lacing.Length;
        foreach (var packet in packets)
        {
            packet.CopyTo(page, at);
            at += packet.Length;
        }
        BinaryPrimitives.WriteUInt32LittleEndian(page.AsSpan(22), OggCrc(page));
        ogg.Write(page);
    }

    /// <summary>Ogg's CRC-32 (polynomial 0x04C11DB7, not reflected, initial value 0) of a page whose checksum field is 0.</summary>
    public static uint OggCrc(ReadOnlySpan<byte> page)
    {
        var crc = 0u;
        foreach (var b in page)
        {
            crc ^= (uint)b << 24;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 0x80000000) != 0 ? (crc << 1) ^ 0x04C11DB7 : crc << 1;
            }
        }
        return crc;
    }

    /// <summary>A JPEG of one colour, as cover art embedded in a file.</summary>
    public static byte[] Picture(int width, int height, SKColor color)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height));
        surface.Canvas.Clear(color);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }

    /// <summary>Writes <paramref name="audio"/> to <paramref name="path"/> and tags it (with a front cover when one is given).</summary>
    public static string Write(string path, byte[] audio, Action<TagLib.Tag> tag, byte[]? cover = null)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, audio);
        using var file = TagLib.File.Create(path);
        tag(file.Tag);
        if (cover is not null)
        {
            file.Tag.Pictures = [new TagLib.Picture(new TagLib.ByteVector(cover)) { Type = TagLib.PictureType.FrontCover, MimeType = "image/jpeg" }];
        }
        file.Save();
        return path;
    }
}
