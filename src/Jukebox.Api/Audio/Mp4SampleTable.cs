using System.Buffers.Binary;

namespace Jukebox.Api.Audio;

/// <summary>
/// An MP4 track's sample table (its stbl box): how long each sample lasts (stts), how big it is
/// (stsz), how samples make chunks (stsc) and where each chunk is in the file (stco, co64). Cut to
/// its first samples, it is written again for those samples laid out one chunk after another.
/// </summary>
internal sealed class Mp4SampleTable
{
    private readonly List<(uint Count, uint Delta)> _times = [];
    private readonly List<(uint FirstChunk, uint PerChunk, uint Description)> _chunkRuns = [];
    private long[] _sizes = [];

    /// <summary>The size of every sample when they are all one size (stsz then lists none), else 0.</summary>
    private uint _fixedSize;
    private long[] _chunkOffsets = [];

    /// <summary>The chunks (their place in the file, their length in bytes and samples) the first samples lie in, the last one cut short.</summary>
    public List<(long Offset, long Length, uint Samples, uint Description)> Chunks { get; } = [];

    /// <summary>How long the first samples last, in the track's timescale.</summary>
    public long Duration { get; private set; }

    private int _samples;

    /// <returns>The table, or null when a box it needs is missing or malformed.</returns>
    public static Mp4SampleTable? Read(Mp4Box stbl)
    {
        try
        {
            var table = new Mp4SampleTable();
            var stts = Entries(stbl.Child("stts"), 8);
            for (var i = 0; i < stts.Count; i++)
            {
                table._times.Add((U32(stts.Bytes, 8 + i * 8), U32(stts.Bytes, 12 + i * 8)));
            }
            var stsz = stbl.Child("stsz")?.Payload ?? [];
            var count = (int)U32(stsz, 8);
            table._fixedSize = U32(stsz, 4);
            table._sizes = [.. Enumerable.Range(0, count).Select(i => (long)(table._fixedSize != 0 ? table._fixedSize : U32(stsz, 12 + i * 4)))];
            var stsc = Entries(stbl.Child("stsc"), 12);
            for (var i = 0; i < stsc.Count; i++)
            {
                table._chunkRuns.Add((U32(stsc.Bytes, 8 + i * 12), U32(stsc.Bytes, 12 + i * 12), U32(stsc.Bytes, 16 + i * 12)));
            }
            var wide = stbl.Child("co64") is not null;
            var offsets = Entries(stbl.Child("co64") ?? stbl.Child("stco"), wide ? 8 : 4);
            table._chunkOffsets = [.. Enumerable.Range(0, offsets.Count)
                .Select(i => wide ? (long)BinaryPrimitives.ReadUInt64BigEndian(offsets.Bytes.AsSpan(8 + i * 8)) : U32(offsets.Bytes, 8 + i * 4))];
            return table._times.Count > 0 && table._chunkRuns is [{ FirstChunk: 1 }, ..] && table._chunkOffsets.Length > 0 ? table : null;
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>Keeps the first samples that last <paramref name="limit"/> (in the track's timescale), or all when they last less.</summary>
    public void Cut(long limit)
    {
        foreach (var (count, delta) in _times)
        {
            var taken = Duration + (long)count * delta < limit || delta == 0 ? count : (uint)((limit - Duration + delta - 1) / delta);
            (_samples, Duration) = (_samples + (int)taken, Duration + (long)taken * delta);
            if (taken < count)
            {
                break;
            }
        }
        _samples = Math.Min(_samples, _sizes.Length);
        var sample = 0;
        for (var chunk = 0; chunk < _chunkOffsets.Length && sample < _samples; chunk++)
        {
            var run = _chunkRuns.Last(r => r.FirstChunk <= chunk + 1);
            var samples = (int)Math.Min(run.PerChunk, _samples - sample);
            Chunks.Add((_chunkOffsets[chunk], _sizes.AsSpan(sample, samples).ToArray().Sum(), (uint)samples, run.Description));
            sample += samples;
        }
        _samples = sample;
    }

    /// <summary>The boxes of the cut table, its chunks one after another from <paramref name="dataStart"/> in the new file.</summary>
    public IEnumerable<Mp4Box> Boxes(long dataStart)
    {
        var left = (long)_samples;
        var times = new List<(uint Count, uint Delta)>();
        foreach (var (count, delta) in _times.TakeWhile(_ => left > 0))
        {
            times.Add(((uint)Math.Min(count, left), delta));
            left -= count;
        }
        yield return Table("stts", [], times.Select(t => new[] { t.Count, t.Delta }));
        var runs = new List<uint[]>();
        for (var i = 0; i < Chunks.Count; i++)
        {
            if (runs.Count == 0 || runs[^1][1] != Chunks[i].Samples || runs[^1][2] != Chunks[i].Description)
            {
                runs.Add([(uint)i + 1, Chunks[i].Samples, Chunks[i].Description]);
            }
        }
        yield return Table("stsc", [], runs);
        yield return Table("stsz", [_fixedSize, (uint)_samples], _fixedSize != 0 ? [] : _sizes.Take(_samples).Select(s => new[] { (uint)s }));
        var offsets = new List<uint[]>();
        foreach (var chunk in Chunks)
        {
            offsets.Add([checked((uint)dataStart)]);
            dataStart += chunk.Length;
        }
        yield return Table("stco", [], offsets);
    }

    /// <summary>A full box of 32-bit fields: version and flags 0, the fields given, then the entry count and the entries.</summary>
    private static Mp4Box Table(string type, uint[] fields, IEnumerable<uint[]> entries)
    {
        var list = entries.ToList();
        uint[] values = [0, .. fields, .. type == "stsz" ? [] : new[] { (uint)list.Count }, .. list.SelectMany(e => e)];
        var payload = new byte[values.Length * 4];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(payload.AsSpan(i * 4), values[i]);
        }
        return new Mp4Box(type) { Payload = payload };
    }

    private static (byte[] Bytes, int Count) Entries(Mp4Box? box, int entryLength)
    {
        var bytes = box?.Payload ?? [];
        var count = (int)U32(bytes, 4);
        return bytes.Length < 8 + (long)count * entryLength ? throw new ArgumentOutOfRangeException(nameof(box)) : (bytes, count);
    }

    private static uint U32(byte[] bytes, int at) => BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(at));
}
