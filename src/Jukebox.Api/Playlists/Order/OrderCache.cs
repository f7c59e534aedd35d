using System.Collections.Concurrent;
using Jukebox.Cluster;
using Microsoft.Extensions.Caching.Memory;

namespace Jukebox.Api.Playlists.Order;

/// <summary>
/// This node's recent <see cref="ChunkedOrder"/>s, one per playlist. An order is only used for the
/// version it was made at: a read compares it with the version it reads from the database, a change
/// with the version it finds under the playlist's row lock, so a change made on another node (a newer
/// version) is never answered from an older order; the order is read again instead. Every change to
/// a playlist's items increments its version (<see cref="ChangeTransaction"/>), which is what makes this
/// safe. Bounded by a number of items (about 72 bytes each: an id, a key and a row whose strings are
/// shared with the catalog and between the items one user added). A resync empties it: user data
/// replaced wholesale (a sandbox restore) can bring back a playlist's version with other items.
/// </summary>
public sealed class OrderCache : IDisposable
{
    private readonly IDisposable? _resync;

    public OrderCache()
    {
    }

    public OrderCache(IClusterBus bus) => _resync = bus.OnResync(() =>
    {
        _cache.Clear();
        return Task.CompletedTask;
    });

    /// <summary>About 72 MB of orders: 100 playlists of 10,000 items.</summary>
    public const long BudgetItems = 1_000_000;

    private static readonly TimeSpan IdleFor = TimeSpan.FromMinutes(10);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = BudgetItems });

    /// <summary>
    /// The order at <paramref name="version"/>, if this node has it. When the caller knows the item
    /// count of that version, an order with another count is not returned: a check that costs nothing,
    /// in case something changed the items without a new version.
    /// </summary>
    public ChunkedOrder? Find(string playlistId, long version, int? itemCount = null) =>
        _cache.TryGetValue(playlistId, out ChunkedOrder? order) && order!.Version == version && (itemCount is null || order.Count == itemCount)
            ? order
            : null;

    public void Remember(string playlistId, ChunkedOrder order)
    {
        // Two changes on this node may finish in either order; the older one's order must not replace the newer.
        if (_cache.TryGetValue(playlistId, out ChunkedOrder? known) && known!.Version > order.Version)
        {
            return;
        }
        _cache.Set(playlistId, order, new MemoryCacheEntryOptions { Size = order.Count + 1, SlidingExpiration = IdleFor });
    }

    /// <summary>The order each playlist's committing change is about to leave, by playlist.</summary>
    private readonly ConcurrentDictionary<string, Handoff> _handoffs = new(StringComparer.Ordinal);

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
    public Task<ChunkedOrder?> HandedOverAsync(string playlistId, long version) =>
        _handoffs.TryGetValue(playlistId, out var handoff) && handoff.Version == version ? handoff.Order : Task.FromResult<ChunkedOrder?>(null);

    public void Dispose()
    {
        _resync?.Dispose();
        _cache.Dispose();
    }

    /// <summary>A committing change's promise of its order (see <see cref="Expect"/>).</summary>
    public sealed class Handoff(OrderCache orders, string playlistId, long version)
    {
        private readonly TaskCompletionSource<ChunkedOrder?> _order = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public long Version { get; } = version;

        public Task<ChunkedOrder?> Order => _order.Task;

        /// <summary>Keeps <paramref name="order"/> (null when the change did not commit or left none) and ends the wait; only the first call counts.</summary>
        public void Complete(ChunkedOrder? order)
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
