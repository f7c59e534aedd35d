using System.Buffers;
using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Microsoft.Extensions.Caching.Memory;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Jukebox.Api.Search;

/// <summary>An opened index and what searching its documents as bit sets needs (see <see cref="RangeSets"/>).</summary>
internal sealed class IndexView(DirectoryReader reader, ArrayPool<long> pool, MemoryCache? words, int cachedWordMinimum)
{
    public DirectoryReader Reader { get; } = reader;
    public IndexSearcher Searcher { get; } = new(reader);
    public ArrayPool<long> Pool { get; } = pool;

    /// <summary>The documents of frequent words in a type: a FixedBitSet per (term, start of the type's range), sized in bytes.</summary>
    public MemoryCache? Words { get; } = words;
    public int CachedWordMinimum { get; } = cachedWordMinimum;
}

/// <summary>
/// The catalog index as it was built for one snapshot, with its documents in search order and each
/// type one range of them. It never changes: the snapshots patched from that one share it, each
/// with the documents it replaced marked dead and its changed documents in a small index of its own
/// (<see cref="CatalogIndexOverlay"/>).
/// </summary>
internal sealed class CatalogIndexBase : IDisposable
{
    private readonly ConcurrentDictionary<(string Market, string Type), Lazy<FixedBitSet>> _markets = new();
    private readonly LuceneDirectory _directory;

    public CatalogIndexBase(
        DirectoryReader reader, LuceneDirectory directory, MarketKeys markets, SearchOrder[] order, Dictionary<string, (int From, int To)> types,
        SearchOptions options)
    {
        var pool = ArrayPool<long>.Create(maxArrayLength: 1 << 24, maxArraysPerBucket: 256);
        var words = options.WordCacheMegabytes > 0 ? new MemoryCache(new MemoryCacheOptions { SizeLimit = options.WordCacheMegabytes * 1024L * 1024 }) : null;
        View = new IndexView(reader, pool, words, options.CachedWordMinimum);
        _directory = directory;
        Markets = markets;
        Ids = Array.ConvertAll(order, o => o.Id);
        Ranks = Array.ConvertAll(order, o => o.Rank);
        Types = types;
        Overlay = new CatalogIndexOverlay();
    }

    public IndexView View { get; }
    public MarketKeys Markets { get; }

    /// <summary>The id and the rank of each document, by document number.</summary>
    public string[] Ids { get; }
    public long[] Ranks { get; }
    public Dictionary<string, (int From, int To)> Types { get; }

    /// <summary>Where the snapshots patched from this one keep their changed documents.</summary>
    public CatalogIndexOverlay Overlay { get; }

    /// <summary>
    /// The items of the type playable in <paramref name="market"/> (after relinking, for tracks): those
    /// whose market key is one of the keys whose list has the code. Made at the first search with that
    /// market and type, and kept: at most one bit per document per market, some 140 KB per million.
    /// </summary>
    public FixedBitSet PlayableIn(string market, string type, (int From, int To) range) => _markets.GetOrAdd((market, type), key => new Lazy<FixedBitSet>(() =>
    {
        var bits = new FixedBitSet(range.To - range.From);
        foreach (var k in Markets.KeysContaining(key.Market))
        {
            RangeSets.Add(View.Reader, new Term(SearchFields.Market, k), range, bits);
        }
        return bits;
    })).Value;

    public void Dispose()
    {
        View.Words?.Dispose();
        View.Reader.Dispose();
        _directory.Dispose();
        Overlay.Dispose();
    }
}
