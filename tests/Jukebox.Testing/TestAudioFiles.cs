using SkiaSharp;

namespace Jukebox.Testing;

/// <summary>
/// Audio files made by the tests themselves, so that no encoder has to be installed: silent MP3
/// (MPEG-1 Layer III frames whose side information is all zero, which every decoder plays as
/// silence) and silent WAV (PCM), tagged with TagLib# as a user's files would be.
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
