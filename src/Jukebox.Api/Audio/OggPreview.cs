using System.Buffers.Binary;

namespace Jukebox.Api.Audio;

/// <summary>
/// The first 30 seconds of an Ogg Vorbis or Ogg Opus file, without decoding: its pages up to the first
/// one whose granule position reaches 30 seconds, that page made the stream's last (see
/// <see cref="OggPage.EndStream"/>) and ending at exactly 30 seconds, which decoders honour by dropping
/// the rest of its last packet (RFC 7845, section 4.5; Vorbis I, appendix A.2). Granule positions count
/// samples: at 48 kHz after the pre-skip for Opus, at the identification header's rate for Vorbis. A file
/// of several multiplexed streams (audio with video) has no preview.
/// </summary>
public static class OggPreview
{
    /// <returns>The preview, or null when the file is no single Vorbis or Opus stream.</returns>
    public static byte[]? Cut(Stream file)
    {
        file.Position = 0;
        if (OggPage.Read(file) is not { } first || (first.Flags & OggPage.FirstOfStream) == 0 || Codec(first.Body) is not var (rate, offset))
        {
            return null;
        }
        var end = offset + (long)TrackAudio.PreviewLength.TotalSeconds * rate;
        var pages = new List<OggPage> { first };
        // A file cut short ends with its last whole page.
        for (var page = first; (page.Flags & OggPage.LastOfStream) == 0 && page.Granule < end;)
        {
            if (OggPage.Read(file) is not { } next)
            {
                break;
            }
            page = next;
            if (page.Serial != first.Serial)
            {
                return null;
            }
            pages.Add(page);
        }
        pages[^1].EndStream(end);
        using var preview = new MemoryStream();
        foreach (var kept in pages)
        {
            preview.Write(kept.Bytes);
        }
        return preview.ToArray();
    }

    /// <summary>The granule rate and the granule position where the audio starts, from the stream's first packet.</summary>
    private static (long Rate, long Offset)? Codec(ReadOnlySpan<byte> packet)
    {
        if (packet.Length >= 19 && packet.StartsWith("OpusHead"u8))
        {
            return (48_000, BinaryPrimitives.ReadUInt16LittleEndian(packet[10..]));
        }
        if (packet.Length >= 30 && packet[0] == 1 && packet[1..7].SequenceEqual("vorbis"u8)
            && BinaryPrimitives.ReadUInt32LittleEndian(packet[12..]) is var rate and > 0)
        {
            return (rate, 0);
        }
        return null;
    }
}
