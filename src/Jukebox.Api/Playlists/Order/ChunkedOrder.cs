namespace Jukebox.Api.Playlists.Order;

/// <summary>
/// A playlist's items in order at one <see cref="Version"/>: each item's row id, sort key and
/// <see cref="PlaylistItemRow"/>, by index. It turns an index into a key without walking the
/// database's index from either end of the playlist (OFFSET), which on a long playlist was most of
/// the cost of reading a page or making a change, and serves a page's items without reading them
/// again. Immutable: a change makes a new one.
/// </summary>
/// <remarks>
/// The items are held in chunks of at most <see cref="ChunkSize"/>, and a change copies only the
/// chunks it touches and the list of chunks; the others are shared with the order before it. A
/// change that copied the whole order (two arrays of 80 KB each for 10,000 items) allocated on the
/// large object heap every time, which brought on full collections that paused a change now and then
/// for tens of milliseconds. No collection library offers an immutable list of two parallel arrays
/// with this sharing (ImmutableList is a tree of one node per item, about 50 bytes each), hence this.
/// </remarks>
public sealed class ChunkedOrder
{
    /// <summary>Items per chunk at most: a chunk's arrays stay below the large object heap's 85,000 bytes.</summary>
    public const int ChunkSize = 512;

    /// <summary>A run of consecutive items; never changed once made.</summary>
    private sealed class Chunk(long[] ids, long[] keys, PlaylistItemRow[] rows)
    {
        public readonly long[] Ids = ids;
        public readonly long[] Keys = keys;
        public readonly PlaylistItemRow[] Rows = rows;

        public int Count => Ids.Length;
    }

    private readonly Chunk[] _chunks;

    /// <summary>The index of each chunk's first item.</summary>
    private readonly int[] _starts;

    public ChunkedOrder(long version, long[] ids, long[] keys, PlaylistItemRow[] rows)
    {
        if (ids.Length != keys.Length || ids.Length != rows.Length)
        {
            throw new ArgumentException("Every item needs an id, a key and a row.", nameof(rows));
        }
        Version = version;
        var chunks = new List<Chunk>(ids.Length / ChunkSize + 1);
        Split(ids, keys, rows, chunks);
        (_chunks, _starts, Count) = Index(chunks);
    }

    private ChunkedOrder(long version, Chunk[] chunks, int[] starts, int count)
    {
        Version = version;
        _chunks = chunks;
        _starts = starts;
        Count = count;
    }

    private ChunkedOrder(long version, List<Chunk> chunks)
    {
        Version = version;
        (_chunks, _starts, Count) = Index(chunks);
    }

    /// <summary>The playlist's version (<see cref="Data.Entities.Playlist.Version"/>) this is the order of.</summary>
    public long Version { get; }

    public int Count { get; }

    public long IdAt(int index)
    {
        var (chunk, at) = Locate(index);
        return _chunks[chunk].Ids[at];
    }

    public long KeyAt(int index)
    {
        var (chunk, at) = Locate(index);
        return _chunks[chunk].Keys[at];
    }

    public PlaylistItemRow RowAt(int index)
    {
        var (chunk, at) = Locate(index);
        return _chunks[chunk].Rows[at];
    }

    /// <summary>The rows of the <paramref name="count"/> items from <paramref name="start"/> on (fewer at the end).</summary>
    public List<PlaylistItemRow> Rows(int start, int count)
    {
        count = Math.Max(0, Math.Min(count, Count - start));
        var rows = new List<PlaylistItemRow>(count);
        if (count == 0)
        {
            return rows;
        }
        var (chunk, at) = Locate(start);
        while (rows.Count < count)
        {
            var source = _chunks[chunk].Rows;
            var take = Math.Min(source.Length - at, count - rows.Count);
            rows.AddRange(source.AsSpan(at, take));
            chunk++;
            at = 0;
        }
        return rows;
    }

    /// <summary>The index of the item with <paramref name="key"/>: how many items have a smaller key.</summary>
    public int IndexOfKey(long key)
    {
        // The last chunk whose first key is at most the key holds it, or the place for it.
        int lo = 0, hi = _chunks.Length - 1, chunk = 0;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_chunks[mid].Keys[0] <= key)
            {
                chunk = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }
        if (_chunks.Length == 0)
        {
            return 0;
        }
        var at = Array.BinarySearch(_chunks[chunk].Keys, key);
        return _starts[chunk] + (at >= 0 ? at : ~at);
    }

    public ChunkedOrder WithVersion(long version) => new(version, _chunks, _starts, Count);

    /// <summary>The items with <paramref name="ids"/>, <paramref name="keys"/> and <paramref name="rows"/> put at <paramref name="index"/>.</summary>
    public ChunkedOrder Insert(int index, IReadOnlyList<long> ids, IReadOnlyList<long> keys, IReadOnlyList<PlaylistItemRow> rows)
    {
        if ((uint)index > (uint)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(index));
        }
        if (ids.Count == 0)
        {
            return this;
        }
        // The chunk that gets the items: the one holding the index, or the last one for an append.
        var chunk = _chunks.Length == 0 ? -1 : index == Count ? _chunks.Length - 1 : Locate(index).Chunk;
        var chunks = new List<Chunk>(_chunks.Length + 2);
        chunks.AddRange(_chunks.AsSpan(0, Math.Max(chunk, 0)));
        var old = chunk < 0 ? new Chunk([], [], []) : _chunks[chunk];
        var at = chunk < 0 ? 0 : index - _starts[chunk];
        var newIds = new long[old.Count + ids.Count];
        var newKeys = new long[newIds.Length];
        var newRows = new PlaylistItemRow[newIds.Length];
        Array.Copy(old.Ids, newIds, at);
        Array.Copy(old.Keys, newKeys, at);
        Array.Copy(old.Rows, newRows, at);
        for (var i = 0; i < ids.Count; i++)
        {
            newIds[at + i] = ids[i];
            newKeys[at + i] = keys[i];
            newRows[at + i] = rows[i];
        }
        Array.Copy(old.Ids, at, newIds, at + ids.Count, old.Count - at);
        Array.Copy(old.Keys, at, newKeys, at + ids.Count, old.Count - at);
        Array.Copy(old.Rows, at, newRows, at + ids.Count, old.Count - at);
        Split(newIds, newKeys, newRows, chunks);
        if (chunk >= 0)
        {
            chunks.AddRange(_chunks.AsSpan(chunk + 1));
        }
        return new ChunkedOrder(Version, chunks);
    }

    /// <summary>The order without the items at <paramref name="sortedIndices"/> (ascending, distinct).</summary>
    public ChunkedOrder Remove(IReadOnlyList<int> sortedIndices)
    {
        if (sortedIndices.Count == 0)
        {
            return this;
        }
        var chunks = new List<Chunk>(_chunks.Length);
        var next = 0;
        for (var c = 0; c < _chunks.Length; c++)
        {
            var chunk = _chunks[c];
            var end = _starts[c] + chunk.Count;
            var first = next;
            while (next < sortedIndices.Count && sortedIndices[next] < end)
            {
                next++;
            }
            if (first == next)
            {
                chunks.Add(chunk);
                continue;
            }
            var kept = chunk.Count - (next - first);
            if (kept == 0)
            {
                continue;
            }
            var ids = new long[kept];
            var keys = new long[kept];
            var rows = new PlaylistItemRow[kept];
            var to = 0;
            var from = 0;
            for (var r = first; r <= next; r++)
            {
                var removed = r < next ? sortedIndices[r] - _starts[c] : chunk.Count;
                var length = removed - from;
                Array.Copy(chunk.Ids, from, ids, to, length);
                Array.Copy(chunk.Keys, from, keys, to, length);
                Array.Copy(chunk.Rows, from, rows, to, length);
                to += length;
                from = removed + 1;
            }
            // Removals would otherwise leave ever smaller chunks: a small one joins its predecessor when both fit in one.
            if (kept < ChunkSize / 4 && chunks.Count > 0 && chunks[^1].Count + kept <= ChunkSize)
            {
                var before = chunks[^1];
                chunks[^1] = new Chunk([.. before.Ids, .. ids], [.. before.Keys, .. keys], [.. before.Rows, .. rows]);
            }
            else
            {
                chunks.Add(new Chunk(ids, keys, rows));
            }
        }
        return new ChunkedOrder(Version, chunks);
    }

    /// <summary>
    /// The items at <paramref name="sortedIndices"/> taken out and put back, in order and with
    /// <paramref name="keys"/>, at <paramref name="anchor"/> of the list that remained.
    /// </summary>
    public ChunkedOrder Move(int[] sortedIndices, int anchor, long[] keys) =>
        Remove(sortedIndices).Insert(anchor, [.. sortedIndices.Select(IdAt)], keys, [.. sortedIndices.Select(RowAt)]);

    /// <summary>
    /// The same items with new keys at <paramref name="sortedIndices"/>, which must keep the keys in
    /// order (a respacing around a gap).
    /// </summary>
    public ChunkedOrder WithKeys(IReadOnlyList<int> sortedIndices, IReadOnlyList<long> keys)
    {
        var chunks = (Chunk[])_chunks.Clone();
        var i = 0;
        while (i < sortedIndices.Count)
        {
            var (c, _) = Locate(sortedIndices[i]);
            var newKeys = (long[])_chunks[c].Keys.Clone();
            var end = _starts[c] + newKeys.Length;
            for (; i < sortedIndices.Count && sortedIndices[i] < end; i++)
            {
                newKeys[sortedIndices[i] - _starts[c]] = keys[i];
            }
            chunks[c] = new Chunk(_chunks[c].Ids, newKeys, _chunks[c].Rows);
        }
        return new ChunkedOrder(Version, chunks, _starts, Count);
    }

    /// <summary>The keys <see cref="OrderStore.RenumberAsync"/> gives: the i-th item (from 1) gets i × spacing.</summary>
    public ChunkedOrder Renumbered()
    {
        var chunks = new Chunk[_chunks.Length];
        for (var c = 0; c < chunks.Length; c++)
        {
            var keys = new long[_chunks[c].Count];
            for (var i = 0; i < keys.Length; i++)
            {
                keys[i] = (_starts[c] + i + 1L) * SortKeys.Spacing;
            }
            chunks[c] = new Chunk(_chunks[c].Ids, keys, _chunks[c].Rows);
        }
        return new ChunkedOrder(Version, chunks, _starts, Count);
    }

    /// <summary>The chunk holding <paramref name="index"/> and the index within it.</summary>
    private (int Chunk, int At) Locate(int index)
    {
        if ((uint)index >= (uint)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(index));
        }
        var chunk = Array.BinarySearch(_starts, index);
        if (chunk < 0)
        {
            chunk = ~chunk - 1;
        }
        return (chunk, index - _starts[chunk]);
    }

    /// <summary>Adds the items as chunks of at most <see cref="ChunkSize"/>, of about equal sizes.</summary>
    private static void Split(long[] ids, long[] keys, PlaylistItemRow[] rows, List<Chunk> chunks)
    {
        if (ids.Length <= ChunkSize)
        {
            if (ids.Length > 0)
            {
                chunks.Add(new Chunk(ids, keys, rows));
            }
            return;
        }
        var parts = (ids.Length + ChunkSize - 1) / ChunkSize;
        for (var p = 0; p < parts; p++)
        {
            var from = (int)((long)ids.Length * p / parts);
            var to = (int)((long)ids.Length * (p + 1) / parts);
            chunks.Add(new Chunk(ids[from..to], keys[from..to], rows[from..to]));
        }
    }

    private static (Chunk[] Chunks, int[] Starts, int Count) Index(List<Chunk> chunks)
    {
        var starts = new int[chunks.Count];
        var count = 0;
        for (var c = 0; c < starts.Length; c++)
        {
            starts[c] = count;
            count += chunks[c].Count;
        }
        return ([.. chunks], starts, count);
    }
}
