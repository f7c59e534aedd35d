using System.Buffers.Binary;

namespace Jukebox.Api.Audio;

/// <summary>
/// The first 30 seconds of a FLAC file, without decoding: its STREAMINFO and tags, then its frames up
/// to the first one that starts at 30 seconds or later. A frame's length is written nowhere, so the
/// frames are walked: the next frame is the next header (see <see cref="FlacFrameHeader"/>) that
/// numbers the sample where the frame before it ends. STREAMINFO's total is rewritten for the frames
/// kept and its MD5 signature (of the whole file's audio) set to 0, "unknown"; pictures, padding, the
/// seek table and the other blocks are left out. Hand-written: no .NET library without native code
/// cuts FLAC (NAudio reads no FLAC, TagLib# only edits its metadata).
/// </summary>
public static class FlacPreview
{
    /// <summary>
    /// Farther than any frame reaches (65535 samples of 8 channels of 32 bits, stored verbatim, are 2 MiB):
    /// a file without the next frame within it is damaged, and is not read to its end looking for one.
    /// </summary>
    private const int MaxFrameBytes = 4 * 1024 * 1024;

    private const int StreamInfo = 0;
    private const int VorbisComment = 4;

    /// <param name="start">Where the "fLaC" marker is (after an ID3v2 tag), as the import found it.</param>
    /// <param name="end">Where the frames end (before an ID3v1 or APE tag).</param>
    /// <returns>The preview, or null when the file is not FLAC as the format describes it.</returns>
    public static byte[]? Cut(Stream file, long start, long end)
    {
        file.Position = start;
        var flac = new StreamPrefix(file, end - start);
        if (!flac.Span(0, 4).SequenceEqual("fLaC"u8))
        {
            return null;
        }
        var kept = new List<byte[]>();
        byte[]? info = null;
        var at = 4;
        for (var last = false; !last;)
        {
            var header = flac.Span(at, 4);
            if (header.Length < 4)
            {
                return null;
            }
            last = (header[0] & 0x80) != 0;
            var type = header[0] & 0x7F;
            var length = (header[1] << 16) | (header[2] << 8) | header[3];
            var body = flac.Span(at + 4, length);
            if (body.Length < length)
            {
                return null;
            }
            if (type == StreamInfo && info is null && length == 34)
            {
                info = body.ToArray();
            }
            else if (type == VorbisComment)
            {
                kept.Add([(byte)type, header[1], header[2], header[3], .. body]);
            }
            at += 4 + length;
        }
        var sampleRate = info is null ? 0 : (info[10] << 12) | (info[11] << 4) | (info[12] >> 4);
        if (info is null || sampleRate == 0 || Frames(flac, at, (long)TrackAudio.PreviewLength.TotalSeconds * sampleRate) is not var (cut, samples))
        {
            return null;
        }
        // Total samples: the low 4 bits of byte 13 and bytes 14–17; the MD5 signature: bytes 18–33.
        info[13] = (byte)((info[13] & 0xF0) | (int)((samples >> 32) & 0x0F));
        BinaryPrimitives.WriteUInt32BigEndian(info.AsSpan(14), (uint)samples);
        info.AsSpan(18).Clear();
        kept.Insert(0, [StreamInfo, 0, 0, 34, .. info]);
        kept[^1][0] |= 0x80;

        using var preview = new MemoryStream();
        preview.Write("fLaC"u8);
        foreach (var block in kept)
        {
            preview.Write(block);
        }
        preview.Write(flac.Span(at, cut - at));
        return preview.ToArray();
    }

    /// <summary>
    /// Where the preview's frames end (the first frame starting at <paramref name="limit"/> or later,
    /// or the end of the frames), and how many samples they hold; null when no frame starts at <paramref name="first"/>
    /// or one is not followed by another within <see cref="MaxFrameBytes"/>.
    /// </summary>
    private static (int End, long Samples)? Frames(StreamPrefix flac, int first, long limit)
    {
        if (FlacFrameHeader.Read(flac.Span(first, FlacFrameHeader.MaxLength)) is not { } frame)
        {
            return null;
        }
        // With fixed blocking a frame is numbered, and every frame but the last has the first one's size.
        var fixedSize = frame.BlockSize;
        long SampleOf(FlacFrameHeader header) => header.VariableBlocking ? header.Number : header.Number * fixedSize;
        var firstSample = SampleOf(frame);
        var at = first;
        while (true)
        {
            var next = SampleOf(frame) + frame.BlockSize;
            var found = false;
            for (var candidate = at + frame.Length + 1; flac.Has(candidate + 2); candidate++)
            {
                if (candidate - at > MaxFrameBytes)
                {
                    return null;
                }
                if (flac[candidate] != 0xFF || (flac[candidate + 1] & 0xFE) != 0xF8)
                {
                    continue;
                }
                if (FlacFrameHeader.Read(flac.Span(candidate, FlacFrameHeader.MaxLength)) is { } header
                    && header.VariableBlocking == frame.VariableBlocking && SampleOf(header) == next)
                {
                    (frame, at, found) = (header, candidate, true);
                    break;
                }
            }
            if (!found)
            {
                return (flac.Read, next - firstSample);
            }
            if (next - firstSample >= limit)
            {
                return (at, next - firstSample);
            }
        }
    }
}
