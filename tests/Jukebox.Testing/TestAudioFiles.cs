using SkiaSharp;

namespace Jukebox.Testing;

/// <summary>
/// Audio files made by the tests themselves, so that no encoder has to be installed: silent MP3
/// (MPEG-1 Layer III frames whose side information is all zero, which every decoder plays as
/// silence), silent FLAC (frames of constant subframes) and silent WAV (PCM), tagged with TagLib# as
/// a user's files would be.
/// </summary>
public static class TestAudioFiles
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
    /// CONSTANT subframe of zero (FLAC format spec, "FRAME"). The two checksums a frame carries are
    /// computed here: no library at hand writes FLAC.
    /// </summary>
    public static byte[] SilentFlac(int blocks)
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
            byte[] body = [.. header, Crc8(header), 0x00, 0x00, 0x00];
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
