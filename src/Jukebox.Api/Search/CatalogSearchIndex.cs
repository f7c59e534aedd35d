using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using Jukebox.Api.Catalog;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Jukebox.Api.Search;

public sealed class SearchOptions
{
    /// <summary>Where the catalog index is kept between runs; empty keeps it in memory and rebuilds it at every start.</summary>
    public string IndexDirectory { get; set; } = "";
}

/// <summary>
/// The Lucene index of the catalog snapshot (tracks, albums, artists, shows, episodes, audiobooks).
/// It is built in the background once the snapshot is loaded, on all cores, and kept on disk under
/// the data directory named by a hash of everything it holds: the next start whose catalog hashes
/// the same opens it instead of building it again. Until an index for the current snapshot is ready,
/// the previous one (if any) answers.
/// </summary>
public sealed class CatalogSearchIndex(SearchOptions options, ILogger<CatalogSearchIndex> logger) : IDisposable
{
    /// <summary>Changes whenever the documents' layout changes, so older stored indexes are not reused.</summary>
    private const string LayoutVersion = "1";

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

    /// <summary>The newest index that is ready, possibly of an older snapshot; null before the first one is.</summary>
    public CatalogIndexState? Latest => _latest;

    private CatalogIndexState OpenOrBuild(CatalogSnapshot catalog)
    {
        var started = Stopwatch.GetTimestamp();
        var sources = SearchItems.Sources(catalog);
        var markets = new MarketKeys();
        var fingerprint = Fingerprint(sources, markets);
        var directory = OpenStored(fingerprint);
        var built = directory is null;
        directory ??= Build(sources, markets, fingerprint);
        var state = new CatalogIndexState(DirectoryReader.Open(directory), directory, markets, HipsterPopularity(catalog));
        lock (_gate)
        {
            var previous = _latest;
            _latest = state;
            // Requests that took the previous state may still be searching; readers close with the process.
            _ = previous;
        }
        logger.LogInformation("Search index {Action} in {Elapsed}: {Documents} documents.",
            built ? "built" : "opened", Stopwatch.GetElapsedTime(started), state.Reader.NumDocs);
        return state;
    }

    private static string Fingerprint(object[] sources, MarketKeys markets)
    {
        // Order-independent (a sum), since the database may return rows in any order.
        ulong sum = 0;
        Parallel.ForEach(Partitioner.Create(0, sources.Length, 50_000), range =>
        {
            ulong local = 0;
            for (var i = range.Item1; i < range.Item2; i++)
            {
                local += SearchItems.From(sources[i], markets).Hash(markets);
            }
            Interlocked.Add(ref sum, local);
        });
        return string.Create(CultureInfo.InvariantCulture, $"v{LayoutVersion}-{sources.Length}-{sum:x16}");
    }

    private LuceneDirectory? OpenStored(string fingerprint)
    {
        if (options.IndexDirectory.Length == 0)
        {
            return null;
        }
        var path = Path.Combine(options.IndexDirectory, fingerprint);
        if (!System.IO.Directory.Exists(path))
        {
            return null;
        }
        var directory = FSDirectory.Open(path);
        if (DirectoryReader.IndexExists(directory))
        {
            return directory;
        }
        directory.Dispose();
        return null;
    }

    private LuceneDirectory Build(object[] sources, MarketKeys markets, string fingerprint)
    {
        var inMemory = options.IndexDirectory.Length == 0;
        var buildPath = inMemory ? "" : Path.Combine(options.IndexDirectory, $"building-{Guid.NewGuid():N}");
        LuceneDirectory directory = inMemory ? new RAMDirectory() : FSDirectory.Open(buildPath);
        var config = new IndexWriterConfig(SearchAnalyzer.Version, SearchAnalyzer.Instance)
        {
            OpenMode = OpenMode.CREATE,
            RAMBufferSizeMB = 256,
        };
        using (var writer = new IndexWriter(directory, config))
        {
            Parallel.ForEach(Partitioner.Create(0, sources.Length, 10_000), range =>
            {
                for (var i = range.Item1; i < range.Item2; i++)
                {
                    writer.AddDocument(SearchItems.From(sources[i], markets).ToDocument(markets));
                }
            });
            writer.ForceMerge(1);
            writer.Commit();
        }
        if (inMemory)
        {
            return directory;
        }
        directory.Dispose();
        var finalPath = Path.Combine(options.IndexDirectory, fingerprint);
        try
        {
            System.IO.Directory.Move(buildPath, finalPath);
        }
        catch (IOException) when (System.IO.Directory.Exists(finalPath))
        {
            // Another node sharing the folder built the same index first.
            System.IO.Directory.Delete(buildPath, recursive: true);
        }
        RemoveOtherIndexes(fingerprint);
        return FSDirectory.Open(finalPath);
    }

    /// <summary>Indexes of older catalogs are of no further use.</summary>
    private void RemoveOtherIndexes(string keep)
    {
        foreach (var dir in new DirectoryInfo(options.IndexDirectory).EnumerateDirectories("v*"))
        {
            if (dir.Name != keep)
            {
                try
                {
                    dir.Delete(recursive: true);
                }
                catch (IOException e)
                {
                    logger.LogWarning(e, "Could not remove the old search index {Path}.", dir.FullName);
                }
            }
        }
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

/// <summary>One opened catalog index and what queries against it need.</summary>
public sealed class CatalogIndexState : IDisposable
{
    private readonly ConcurrentDictionary<string, Filter> _typeFilters = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Query> _marketQueries = new(StringComparer.Ordinal);
    private readonly LuceneDirectory _directory;
    private readonly MarketKeys _markets;

    internal CatalogIndexState(DirectoryReader reader, LuceneDirectory directory, MarketKeys markets, int hipsterPopularity)
    {
        Reader = reader;
        Searcher = new IndexSearcher(reader);
        _directory = directory;
        _markets = markets;
        HipsterPopularity = hipsterPopularity;
    }

    public DirectoryReader Reader { get; }
    public IndexSearcher Searcher { get; }
    public int HipsterPopularity { get; }

    /// <summary>Only documents of the type; the bit set is computed once per type.</summary>
    public Filter TypeFilter(string type) =>
        _typeFilters.GetOrAdd(type, t => new CachingWrapperFilter(new QueryWrapperFilter(new TermQuery(new Term(SearchFields.Type, t)))));

    /// <summary>Documents playable in <paramref name="market"/> (after relinking, for tracks).</summary>
    public Query PlayableIn(string market) => _marketQueries.GetOrAdd(market, m =>
    {
        var any = new BooleanQuery(disableCoord: true);
        foreach (var key in _markets.KeysContaining(m))
        {
            any.Add(new TermQuery(new Term(SearchFields.Market, key)), Occur.SHOULD);
        }
        return new ConstantScoreQuery(any) { Boost = 0f };
    });

    public void Dispose()
    {
        Reader.Dispose();
        _directory.Dispose();
    }
}
