using System.Buffers;
using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Microsoft.Extensions.Caching.Memory;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Jukebox.Api.Search;

/// <summary>One opened catalog index and what queries against it need.</summary>
public sealed class CatalogIndexState : IDisposable
{
    private readonly ConcurrentDictionary<(string Market, string Type), Lazy<FixedBitSet>> _markets = new();
    private readonly LuceneDirectory _directory;
    private readonly MarketKeys _marketKeys;
    private readonly string[] _ids;
    private readonly Dictionary<string, (int From, int To)> _types;

    /// <summary>The words of the requests' bit sets; a type's set of tracks is over 100 KB, which would otherwise go to the large object heap at every search.</summary>
    internal ArrayPool<long> Pool { get; } = ArrayPool<long>.Create(maxArrayLength: 1 << 24, maxArraysPerBucket: 256);

    /// <summary>The documents of frequent words in a type: a FixedBitSet per (term, start of the type's range), sized in bytes.</summary>
    internal MemoryCache? Words { get; }
    internal int CachedWordMinimum { get; }

    internal CatalogIndexState(
        DirectoryReader reader, LuceneDirectory directory, MarketKeys markets, string[] ids, Dictionary<string, (int From, int To)> types,
        int hipsterPopularity, SearchOptions options)
    {
        Words = options.WordCacheMegabytes > 0 ? new MemoryCache(new MemoryCacheOptions { SizeLimit = options.WordCacheMegabytes * 1024L * 1024 }) : null;
        CachedWordMinimum = options.CachedWordMinimum;
        Reader = reader;
        Searcher = new IndexSearcher(reader);
        _directory = directory;
        _marketKeys = markets;
        _ids = ids;
        _types = types;
        HipsterPopularity = hipsterPopularity;
    }

    public DirectoryReader Reader { get; }
    public IndexSearcher Searcher { get; }
    public int HipsterPopularity { get; }

    /// <summary>
    /// One page of the hits of <paramref name="query"/> among the items of <paramref name="type"/>
    /// (playable in <paramref name="market"/> when given), best first, and the number of hits.
    /// </summary>
    /// <remarks>
    /// Documents are numbered in the order equally relevant hits are listed in, and each type is one
    /// range of them. With a plan, each simple query's documents in that range are read once into a
    /// bit set, and the tiers and the count are set operations on them: the page is the first bits of
    /// the first tiers, and nothing is scored or sorted.
    /// </remarks>
    internal (List<string> Ids, int Total) Search(CompiledQuery query, string type, string? market, int offset, int limit)
    {
        if (!_types.TryGetValue(type, out var range))
        {
            return ([], 0);
        }
        var playable = market is null || type == "artist" ? null : PlayableIn(market, type, range);
        if (query.Plan is not { } plan)
        {
            return Sorted(query.Query, range, playable, offset, limit);
        }
        using var sets = new RangeSets(this, range);
        var wanted = offset + limit;
        var ids = new List<string>(limit);
        var seen = 0;
        var tier = sets.New();
        var scratch = sets.New();
        foreach (var combinations in plan.Tiers)
        {
            tier.Clear(0, tier.Length);
            foreach (var combination in combinations)
            {
                sets.Matching(combination, scratch);
                tier.Or(scratch);
            }
            sets.Restrict(tier, plan.Excluded, playable);
            for (var bit = tier.NextSetBit(0); bit >= 0 && seen < wanted; bit = bit + 1 < tier.Length ? tier.NextSetBit(bit + 1) : -1)
            {
                if (seen++ >= offset)
                {
                    ids.Add(_ids[range.From + bit]);
                }
            }
            if (seen == wanted)
            {
                break;
            }
        }
        // When the tiers ran out before the page was full, every hit has been seen.
        return (ids, seen < wanted ? seen : sets.Count(plan, playable));
    }

    /// <summary>The same page by scoring and sorting every hit: what <see cref="Search"/> must agree with, and what a query without a plan uses.</summary>
    private (List<string> Ids, int Total) Sorted(Query query, (int From, int To) range, FixedBitSet? playable, int offset, int limit)
    {
        // In document order, so equal scores keep the index's order.
        var collector = TopScoreDocCollector.Create(offset + limit, docsScoredInOrder: true);
        var total = 0;
        var weight = Searcher.CreateNormalizedWeight(query);
        foreach (var leaf in Reader.Leaves)
        {
            var from = Math.Max(range.From - leaf.DocBase, 0);
            var to = Math.Min(range.To - leaf.DocBase, leaf.Reader.MaxDoc);
            if (from >= to || weight.GetScorer(leaf, null) is not { } scorer)
            {
                continue;
            }
            collector.SetNextReader(leaf);
            collector.SetScorer(scorer);
            for (var doc = scorer.Advance(from); doc < to; doc = scorer.NextDoc())
            {
                if (playable is null || playable.Get(leaf.DocBase + doc - range.From))
                {
                    collector.Collect(doc);
                    total++;
                }
            }
        }
        return ([.. collector.GetTopDocs(offset, limit).ScoreDocs.Select(d => _ids[d.Doc])], total);
    }

    internal (List<string> Ids, int Total) Sorted(Query query, string type, string? market, int offset, int limit) =>
        _types.TryGetValue(type, out var range)
            ? Sorted(query, range, market is null || type == "artist" ? null : PlayableIn(market, type, range), offset, limit)
            : ([], 0);

    /// <summary>
    /// The items of the type playable in <paramref name="market"/> (after relinking, for tracks): those
    /// whose market key is one of the keys whose list has the code. Made at the first search with that
    /// market and type, and kept: at most one bit per document per market, some 140 KB per million.
    /// </summary>
    private FixedBitSet PlayableIn(string market, string type, (int From, int To) range) => _markets.GetOrAdd((market, type), key => new Lazy<FixedBitSet>(() =>
    {
        var bits = new FixedBitSet(range.To - range.From);
        foreach (var k in _marketKeys.KeysContaining(key.Market))
        {
            RangeSets.Add(Reader, new Term(SearchFields.Market, k), range, bits);
        }
        return bits;
    })).Value;

    public void Dispose()
    {
        Words?.Dispose();
        Reader.Dispose();
        _directory.Dispose();
    }
}
