using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using Jukebox.Api.Catalog;
using Lucene.Net.Index;
using Microsoft.Extensions.Logging;

namespace Jukebox.Api.Search;

/// <summary>
/// The Lucene index of the catalog snapshot (tracks, albums, artists, shows, episodes, audiobooks).
/// It is built in the background once the snapshot is loaded, on all cores, and kept on disk under
/// the data directory named by a hash of everything it holds: the next start whose catalog hashes
/// the same opens it instead of building it again. Until an index for the current snapshot is ready,
/// the previous one (if any) answers. A snapshot patched from another (<see cref="ForPatched"/>) gets
/// that one's index with the changed documents updated, not a new build.
/// </summary>
public sealed class CatalogSearchIndex(SearchOptions options, ILogger<CatalogSearchIndex> logger) : IDisposable
{
    /// <summary>Changes whenever the documents' layout changes, so older stored indexes are not reused.</summary>
    private const string LayoutVersion = "2";

    private readonly CatalogIndexStore _store = new(options, logger);
    private readonly ConditionalWeakTable<CatalogSnapshot, Task<CatalogIndexState>> _builds = [];
    private readonly System.Threading.Lock _gate = new();
    private CatalogIndexState? _latest;

    /// <summary>The index of <paramref name="catalog"/>; the first call starts opening or building it.</summary>
    public Task<CatalogIndexState> ForAsync(CatalogSnapshot catalog)
    {
        lock (_gate)
        {
            if (!_builds.TryGetValue(catalog, out var build) || build.IsFaulted)
            {
                build = Task.Run(() => OpenOrBuild(catalog));
                _builds.AddOrUpdate(catalog, build);
            }
            return build;
        }
    }

    /// <summary>
    /// The index of a patched snapshot: the index of the snapshot before with the changed documents
    /// replaced (<see cref="CatalogIndexState.Patch"/>). Built anew instead when there is no index of
    /// the snapshot before, or when the patches since its build reach <see cref="SearchOptions.MaxPatchedDocuments"/>.
    /// </summary>
    public Task<CatalogIndexState> ForPatched(CatalogDelta delta)
    {
        lock (_gate)
        {
            if (!_builds.TryGetValue(delta.Before, out var previous) || previous.IsFaulted)
            {
                return ForAsync(delta.After);
            }
            var build = Task.Run(() => PatchAsync(previous, delta));
            _builds.AddOrUpdate(delta.After, build);
            return build;
        }
    }

    private async Task<CatalogIndexState> PatchAsync(Task<CatalogIndexState> previous, CatalogDelta delta)
    {
        var before = await previous;
        if (before.Patched + delta.Reindexed.Values.Sum(ids => ids.Count) > Math.Max(options.MaxPatchedDocuments, before.Base.Ids.Length / 10))
        {
            return OpenOrBuild(delta.After);
        }
        var started = Stopwatch.GetTimestamp();
        var state = before.Patch(delta, delta.Reindexed["album"].Count > 0 ? HipsterPopularity(delta.After) : before.HipsterPopularity);
        lock (_gate)
        {
            _latest = state;
        }
        logger.LogInformation("Search index patched in {Elapsed}: {Documents} documents changed since it was built.",
            Stopwatch.GetElapsedTime(started), state.Patched);
        return state;
    }

    /// <summary>The newest index that is ready, possibly of an older snapshot; null before the first one is.</summary>
    public CatalogIndexState? Latest => _latest;

    /// <summary>
    /// The builds and patches still running: a stop waits for them before the data folder's files are
    /// closed (or, with --ephemeral, removed).
    /// </summary>
    public Task Running()
    {
        lock (_gate)
        {
            return Task.WhenAll(_builds.Select(build => build.Value).Where(build => !build.IsCompleted));
        }
    }

    private CatalogIndexState OpenOrBuild(CatalogSnapshot catalog)
    {
        var started = Stopwatch.GetTimestamp();
        var sources = SearchItems.Sources(catalog);
        var markets = new MarketKeys();
        var (fingerprint, order) = Prepare(sources, markets);
        var prepared = Stopwatch.GetElapsedTime(started);
        var ids = Array.ConvertAll(order, o => o.Id);
        // The order's ids are kept by the built index; the array above is only for the checks.
        var (directory, reader) = _store.OpenStored(fingerprint, ids);
        var built = directory is null;
        if (directory is null)
        {
            directory = _store.Build(sources, order, markets, fingerprint);
            reader = DirectoryReader.Open(directory);
            if (!CatalogIndexStore.InOrder(reader, ids))
            {
                throw new InvalidOperationException("The search index does not hold its documents in the order they were added.");
            }
        }
        var state = new CatalogIndexState(new CatalogIndexBase(reader!, directory, markets, order, TypeRanges(order), options),
            new Dictionary<string, Lucene.Net.Util.FixedBitSet>(), null, HipsterPopularity(catalog));
        lock (_gate)
        {
            // The previous state is not disposed: requests that took it may still be searching.
            _latest = state;
        }
        logger.LogInformation("Search index {Action} in {Elapsed} ({Prepared} reading the catalog): {Documents} documents in {Segments} segments.",
            built ? "built" : "opened", Stopwatch.GetElapsedTime(started), prepared, state.Reader.NumDocs, state.Reader.Leaves.Count);
        return state;
    }

    /// <summary>The fingerprint of the catalog's documents, and the order in which the index holds them.</summary>
    private static (string Fingerprint, SearchOrder[] Order) Prepare(object[] sources, MarketKeys markets)
    {
        // Order-independent (a sum), since the database may return rows in any order.
        ulong sum = 0;
        var order = new SearchOrder[sources.Length];
        Parallel.ForEach(Partitioner.Create(0, sources.Length, 50_000), range =>
        {
            ulong local = 0;
            for (var i = range.Item1; i < range.Item2; i++)
            {
                var item = SearchItems.From(sources[i], markets);
                local += item.Hash(markets);
                order[i] = SearchOrder.Of(item, i);
            }
            Interlocked.Add(ref sum, local);
        });
        Array.Sort(order);
        return (string.Create(CultureInfo.InvariantCulture, $"v{LayoutVersion}-{sources.Length}-{sum:x16}"), order);
    }

    /// <summary>Each type's range of document numbers.</summary>
    private static Dictionary<string, (int From, int To)> TypeRanges(SearchOrder[] order)
    {
        var ranges = new Dictionary<string, (int From, int To)>(StringComparer.Ordinal);
        var from = 0;
        for (var i = 1; i <= order.Length; i++)
        {
            if (i == order.Length || order[i].Type != order[from].Type)
            {
                ranges[SearchItems.Types[order[from].Type]] = (from, i);
                from = i;
            }
        }
        return ranges;
    }

    /// <summary>tag:hipster: the popularity at the tenth percentile of all albums.</summary>
    private static int HipsterPopularity(CatalogSnapshot catalog)
    {
        if (catalog.Albums.Count == 0)
        {
            return -1;
        }
        var popularity = catalog.Albums.Values.Select(a => a.Popularity).Order().ToArray();
        return popularity[(popularity.Length - 1) / 10];
    }

    public void Dispose()
    {
        _latest?.Dispose();
    }
}
