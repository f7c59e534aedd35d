using Microsoft.Extensions.Caching.Memory;

namespace Jukebox.Api.Playlists;

/// <summary>
/// A playlist's items in order at one <see cref="Version"/>: each item's row id and sort key, by
/// index. It turns an index into a key without walking the database's index from either end of the
/// playlist (OFFSET), which on a long playlist was most of the cost of reading a page or making a
/// change. Immutable: a change makes a new one.
/// </summary>
public sealed class PlaylistOrder
{
    private readonly long[] _ids;
    private readonly long[] _keys;

    public PlaylistOrder(long version, long[] ids, long[] keys)
    {
        if (ids.Length != keys.Length)
        {
            throw new ArgumentException("Every item needs an id and a key.", nameof(keys));
        }
        Version = version;
        _ids = ids;
        _keys = keys;
    }

    /// <summary>The playlist's version (<see cref="Data.Entities.Playlist.Version"/>) this is the order of.</summary>
    public long Version { get; }

    public int Count => _keys.Length;

    public long IdAt(int index) => _ids[index];

    public long KeyAt(int index) => _keys[index];

    /// <summary>The index of the item with <paramref name="key"/>: how many items have a smaller key.</summary>
    public int IndexOfKey(long key)
    {
        var at = Array.BinarySearch(_keys, key);
        return at >= 0 ? at : ~at;
    }

    public PlaylistOrder WithVersion(long version) => new(version, _ids, _keys);

    /// <summary>The items with <paramref name="ids"/> and <paramref name="keys"/> put at <paramref name="index"/>.</summary>
    public PlaylistOrder Insert(int index, IReadOnlyList<long> ids, IReadOnlyList<long> keys)
    {
        var newIds = new long[Count + ids.Count];
        var newKeys = new long[Count + ids.Count];
        Array.Copy(_ids, newIds, index);
        Array.Copy(_keys, newKeys, index);
        for (var i = 0; i < ids.Count; i++)
        {
            newIds[index + i] = ids[i];
            newKeys[index + i] = keys[i];
        }
        Array.Copy(_ids, index, newIds, index + ids.Count, Count - index);
        Array.Copy(_keys, index, newKeys, index + ids.Count, Count - index);
        return new PlaylistOrder(Version, newIds, newKeys);
    }

    /// <summary>The order without the items at <paramref name="sortedIndices"/> (ascending, distinct).</summary>
    public PlaylistOrder Remove(IReadOnlyList<int> sortedIndices)
    {
        var newIds = new long[Count - sortedIndices.Count];
        var newKeys = new long[newIds.Length];
        var to = 0;
        var from = 0;
        foreach (var removed in sortedIndices.Append(Count))
        {
            var length = removed - from;
            Array.Copy(_ids, from, newIds, to, length);
            Array.Copy(_keys, from, newKeys, to, length);
            to += length;
            from = removed + 1;
        }
        return new PlaylistOrder(Version, newIds, newKeys);
    }

    /// <summary>
    /// The items at <paramref name="sortedIndices"/> taken out and put back, in order and with
    /// <paramref name="keys"/>, at <paramref name="anchor"/> of the list that remained.
    /// </summary>
    public PlaylistOrder Move(int[] sortedIndices, int anchor, long[] keys) =>
        Remove(sortedIndices).Insert(anchor, [.. sortedIndices.Select(IdAt)], keys);

    /// <summary>
    /// The same items with new keys at <paramref name="sortedIndices"/>, which must keep the keys in
    /// order (a respacing around a gap).
    /// </summary>
    public PlaylistOrder WithKeys(IReadOnlyList<int> sortedIndices, IReadOnlyList<long> keys)
    {
        var newKeys = (long[])_keys.Clone();
        for (var i = 0; i < sortedIndices.Count; i++)
        {
            newKeys[sortedIndices[i]] = keys[i];
        }
        return new PlaylistOrder(Version, _ids, newKeys);
    }

    /// <summary>The keys <see cref="PlaylistRanks.RenumberAsync"/> gives: the i-th item (from 1) gets i × spacing.</summary>
    public PlaylistOrder Renumbered() =>
        new(Version, _ids, [.. Enumerable.Range(1, Count).Select(i => i * PlaylistRanks.Spacing)]);
}

/// <summary>
/// This node's recent <see cref="PlaylistOrder"/>s, one per playlist. An order is only used for the
/// version it was made at: a read compares it with the version it reads from the database, a change
/// with the version it finds under the playlist's row lock, so a change made on another node (a newer
/// version) is never answered from an older order; the order is read again instead. Every change to
/// a playlist's items increments its version (<see cref="PlaylistEditor"/>), which is what makes this
/// safe. Bounded by a number of items (16 bytes each).
/// </summary>
public sealed class PlaylistOrders : IDisposable
{
    /// <summary>About 64 MB of orders: 400 playlists of 10,000 items.</summary>
    public const long BudgetItems = 4_000_000;

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

    /// <summary>The order this node has of the playlist, of whichever version; for a read that checks the version itself.</summary>
    public PlaylistOrder? Latest(string playlistId) => _cache.TryGetValue(playlistId, out PlaylistOrder? order) ? order : null;

    public void Remember(string playlistId, PlaylistOrder order)
    {
        // Two changes on this node may finish in either order; the older one's order must not replace the newer.
        if (_cache.TryGetValue(playlistId, out PlaylistOrder? known) && known!.Version > order.Version)
        {
            return;
        }
        _cache.Set(playlistId, order, new MemoryCacheEntryOptions { Size = order.Count + 1, SlidingExpiration = IdleFor });
    }

    public void Dispose() => _cache.Dispose();
}
