using Jukebox.Data.Entities;
using Microsoft.Extensions.Caching.Memory;

namespace Jukebox.Api.Playlists;

/// <summary>What a page of items shows of each: the item and who added it when.</summary>
public readonly record struct PlaylistItemRow(string? TrackId, string? EpisodeId, string? LocalUri, DateTimeOffset AddedAt, string? AddedById)
{
    public static PlaylistItemRow Of(PlaylistItem item) => new(item.TrackId, item.EpisodeId, item.LocalUri, item.AddedAt, item.AddedById);
}

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
public sealed class PlaylistOrder
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

    public PlaylistOrder(long version, long[] ids, long[] keys, PlaylistItemRow[] rows)
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

    private PlaylistOrder(long version, Chunk[] chunks, int[] starts, int count)
    {
        Version = version;
        _chunks = chunks;
        _starts = starts;
        Count = count;
    }

    private PlaylistOrder(long version, List<Chunk> chunks)
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

    public PlaylistOrder WithVersion(long version) => new(version, _chunks, _starts, Count);

    /// <summary>The items with <paramref name="ids"/>, <paramref name="keys"/> and <paramref name="rows"/> put at <paramref name="index"/>.</summary>
    public PlaylistOrder Insert(int index, IReadOnlyList<long> ids, IReadOnlyList<long> keys, IReadOnlyList<PlaylistItemRow> rows)
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
        return new PlaylistOrder(Version, chunks);
    }

    /// <summary>The order without the items at <paramref name="sortedIndices"/> (ascending, distinct).</summary>
    public PlaylistOrder Remove(IReadOnlyList<int> sortedIndices)
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
        return new PlaylistOrder(Version, chunks);
    }

    /// <summary>
    /// The items at <paramref name="sortedIndices"/> taken out and put back, in order and with
    /// <paramref name="keys"/>, at <paramref name="anchor"/> of the list that remained.
    /// </summary>
    public PlaylistOrder Move(int[] sortedIndices, int anchor, long[] keys) =>
        Remove(sortedIndices).Insert(anchor, [.. sortedIndices.Select(IdAt)], keys, [.. sortedIndices.Select(RowAt)]);

    /// <summary>
    /// The same items with new keys at <paramref name="sortedIndices"/>, which must keep the keys in
    /// order (a respacing around a gap).
    /// </summary>
    public PlaylistOrder WithKeys(IReadOnlyList<int> sortedIndices, IReadOnlyList<long> keys)
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
        return new PlaylistOrder(Version, chunks, _starts, Count);
    }

    /// <summary>The keys <see cref="PlaylistRanks.RenumberAsync"/> gives: the i-th item (from 1) gets i × spacing.</summary>
    public PlaylistOrder Renumbered()
    {
        var chunks = new Chunk[_chunks.Length];
        for (var c = 0; c < chunks.Length; c++)
        {
            var keys = new long[_chunks[c].Count];
            for (var i = 0; i < keys.Length; i++)
            {
                keys[i] = (_starts[c] + i + 1L) * PlaylistRanks.Spacing;
            }
            chunks[c] = new Chunk(_chunks[c].Ids, keys, _chunks[c].Rows);
        }
        return new PlaylistOrder(Version, chunks, _starts, Count);
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

/// <summary>
/// This node's recent <see cref="PlaylistOrder"/>s, one per playlist. An order is only used for the
/// version it was made at: a read compares it with the version it reads from the database, a change
/// with the version it finds under the playlist's row lock, so a change made on another node (a newer
/// version) is never answered from an older order; the order is read again instead. Every change to
/// a playlist's items increments its version (<see cref="PlaylistEditor"/>), which is what makes this
/// safe. Bounded by a number of items (about 72 bytes each: an id, a key and a row whose strings are
/// shared with the catalog and between the items one user added).
/// </summary>
public sealed class PlaylistOrders : IDisposable
{
    /// <summary>About 72 MB of orders: 100 playlists of 10,000 items.</summary>
    public const long BudgetItems = 1_000_000;

    private static readonly TimeSpan IdleFor = TimeSpan.FromMinutes(10);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = BudgetItems });

    /// <summary>
    /// The order at <paramref name="version"/>, if this node has it. When the caller knows the item
    /// count of that version, an order with another count is not returned: a check that costs nothing,
    /// in case something changed the items without a new version.
    /// </summary>
    public PlaylistOrder? Find(string playlistId, long version, int? itemCount = null) =>
        _cache.TryGetValue(playlistId, out PlaylistOrder? order) && order!.Version == version && (itemCount is null || order.Count == itemCount)
            ? order
            : null;

    public void Remember(string playlistId, PlaylistOrder order)
    {
        // Two changes on this node may finish in either order; the older one's order must not replace the newer.
        if (_cache.TryGetValue(playlistId, out PlaylistOrder? known) && known!.Version > order.Version)
        {
            return;
        }
        _cache.Set(playlistId, order, new MemoryCacheEntryOptions { Size = order.Count + 1, SlidingExpiration = IdleFor });
    }

    /// <summary>The order each playlist's committing change is about to leave, by playlist.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Handoff> _handoffs = new(StringComparer.Ordinal);

    /// <summary>
    /// Says that a change holding the playlist's row lock commits <paramref name="version"/> next. The
    /// next change on this node gets the lock the moment that commit ends, before the committing
    /// change has kept its order; it waits for that order (<see cref="HandedOverAsync"/>) rather than
    /// reading the whole playlist again. Complete the handoff once committed, with the order or null.
    /// </summary>
    public Handoff Expect(string playlistId, long version)
    {
        var handoff = new Handoff(this, playlistId, version);
        _handoffs[playlistId] = handoff;
        return handoff;
    }

    /// <summary>The order of <paramref name="version"/> once the change committing it on this node has kept it; null when none is.</summary>
    public Task<PlaylistOrder?> HandedOverAsync(string playlistId, long version) =>
        _handoffs.TryGetValue(playlistId, out var handoff) && handoff.Version == version ? handoff.Order : Task.FromResult<PlaylistOrder?>(null);

    public void Dispose() => _cache.Dispose();

    /// <summary>A committing change's promise of its order (see <see cref="Expect"/>).</summary>
    public sealed class Handoff(PlaylistOrders orders, string playlistId, long version)
    {
        private readonly TaskCompletionSource<PlaylistOrder?> _order = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public long Version { get; } = version;

        public Task<PlaylistOrder?> Order => _order.Task;

        /// <summary>Keeps <paramref name="order"/> (null when the change did not commit or left none) and ends the wait; only the first call counts.</summary>
        public void Complete(PlaylistOrder? order)
        {
            if (!_order.TrySetResult(order))
            {
                return;
            }
            ((ICollection<KeyValuePair<string, Handoff>>)orders._handoffs).Remove(new(playlistId, this));
            if (order is not null)
            {
                orders.Remember(playlistId, order);
            }
        }
    }
}
