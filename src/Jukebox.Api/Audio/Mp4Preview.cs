using System.Buffers.Binary;
using System.Text;

namespace Jukebox.Api.Audio;

/// <summary>
/// The first 30 seconds of an M4A (MP4 audio) file, without decoding: its movie header (moov) rewritten
/// for the first samples that last 30 seconds (see <see cref="Mp4SampleTable"/>; the durations of mvhd,
/// tkhd, mdhd and the edit list with it), then one mdat box with only those samples' bytes. Tags and
/// cover art (udta, meta) are left out. Files with more than one track, or fragmented, have no preview.
/// Hand-written: no .NET library without native code rewrites MP4 sample tables (TagLib# only edits tags).
/// </summary>
public static class Mp4Preview
{
    /// <returns>The preview, or null when the file is not one audio track in a plain MP4 file.</returns>
    public static byte[]? Cut(Stream file)
    {
        try
        {
            return CutBoxes(file);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException)
        {
            // A box shorter than its fields, or a size beyond what a preview holds.
            return null;
        }
    }

    private static byte[]? CutBoxes(Stream file)
    {
        byte[]? ftyp = null, moovBytes = null;
        for (long at = 0; at + 8 <= file.Length;)
        {
            var header = Read(file, at, 16);
            long size = BinaryPrimitives.ReadUInt32BigEndian(header);
            var type = Encoding.Latin1.GetString(header, 4, 4);
            size = size == 1 ? (long)BinaryPrimitives.ReadUInt64BigEndian(header.AsSpan(8)) : size == 0 ? file.Length - at : size;
            if (size < 8 || type == "moof")
            {
                return null;
            }
            if (type is "ftyp" or "moov")
            {
                var box = Read(file, at, checked((int)size));
                (ftyp, moovBytes) = type == "ftyp" ? (box, moovBytes) : (ftyp, box);
            }
            at += size;
        }
        if (ftyp is null || moovBytes is null || Mp4Box.ReadAll(moovBytes) is not [{ Type: "moov" } moov]
            || moov.Children!.Where(c => c.Type == "trak").ToList() is not [var trak]
            || trak.Child("mdia") is not { } mdia || mdia.Child("hdlr") is not { Payload.Length: >= 12 } hdlr
            || Encoding.Latin1.GetString(hdlr.Payload, 8, 4) != "soun"
            || mdia.Child("minf")?.Child("stbl") is not { } stbl || Mp4SampleTable.Read(stbl) is not { } table
            || moov.Child("mvhd") is not { } mvhd || trak.Child("tkhd") is not { } tkhd || mdia.Child("mdhd") is not { } mdhd)
        {
            return null;
        }
        var mediaScale = TimeScale(mdhd);
        var movieScale = TimeScale(mvhd);
        table.Cut((long)TrackAudio.PreviewLength.TotalSeconds * mediaScale);
        var movieDuration = (table.Duration * movieScale + mediaScale - 1) / mediaScale;
        SetDuration(mdhd, 16, 24, table.Duration);
        SetDuration(mvhd, 16, 24, movieDuration);
        SetDuration(tkhd, 20, 28, movieDuration);
        if (trak.Child("edts")?.Child("elst") is { } elst)
        {
            ClampEdits(elst, movieDuration);
        }
        moov.Children = [.. moov.Children!.Where(c => c.Type is "mvhd" or "trak")];
        trak.Children = [.. trak.Children!.Where(c => c.Type is "tkhd" or "edts" or "mdia")];
        // The sample tables kept: the sample description, and the four rewritten for the chunks (an
        // audio track's samples are all sync samples; sample groups and the like are left out).
        var description = stbl.Child("stsd");
        if (description is null)
        {
            return null;
        }
        var dataStart = ftyp.Length + 8;
        stbl.Children = [description, .. table.Boxes(0)];
        dataStart += (int)moov.Length;
        stbl.Children = [description, .. table.Boxes(dataStart)];

        using var preview = new MemoryStream();
        preview.Write(ftyp);
        moov.WriteTo(preview);
        var dataLength = table.Chunks.Sum(c => c.Length);
        var mdat = new byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(mdat, checked((uint)(8 + dataLength)));
        "mdat"u8.CopyTo(mdat.AsSpan(4));
        preview.Write(mdat);
        foreach (var chunk in table.Chunks)
        {
            preview.Write(Read(file, chunk.Offset, checked((int)chunk.Length)));
        }
        return preview.ToArray();
    }

    private static byte[] Read(Stream file, long at, int length)
    {
        file.Position = at;
        var bytes = new byte[length];
        file.ReadAtLeast(bytes, length, throwOnEndOfStream: false);
        return bytes;
    }

    /// <summary>mvhd's and mdhd's timescale: after version and flags, and the creation and modification times (32 or 64 bits).</summary>
    private static long TimeScale(Mp4Box box) =>
        BinaryPrimitives.ReadUInt32BigEndian(box.Payload.AsSpan(box.Payload[0] == 1 ? 20 : 12));

    /// <summary>Writes a header's duration, at <paramref name="at"/> (version 0, 32 bits) or <paramref name="wideAt"/> (version 1, 64 bits).</summary>
    private static void SetDuration(Mp4Box box, int at, int wideAt, long duration)
    {
        if (box.Payload[0] == 1)
        {
            BinaryPrimitives.WriteUInt64BigEndian(box.Payload.AsSpan(wideAt), (ulong)duration);
        }
        else
        {
            BinaryPrimitives.WriteUInt32BigEndian(box.Payload.AsSpan(at), checked((uint)duration));
        }
    }

    /// <summary>Shortens the edit list's segments (movie timescale) to the preview's length.</summary>
    private static void ClampEdits(Mp4Box elst, long movieDuration)
    {
        var wide = elst.Payload[0] == 1;
        var entry = wide ? 20 : 12;
        var count = BinaryPrimitives.ReadUInt32BigEndian(elst.Payload.AsSpan(4));
        for (var i = 0; i < count && 8 + (i + 1) * entry <= elst.Payload.Length; i++)
        {
            var at = elst.Payload.AsSpan(8 + i * entry);
            var segment = wide ? (long)BinaryPrimitives.ReadUInt64BigEndian(at) : BinaryPrimitives.ReadUInt32BigEndian(at);
            var kept = Math.Min(segment, movieDuration);
            movieDuration -= kept;
            if (wide)
            {
                BinaryPrimitives.WriteUInt64BigEndian(at, (ulong)kept);
            }
            else
            {
                BinaryPrimitives.WriteUInt32BigEndian(at, (uint)kept);
            }
        }
    }
}
