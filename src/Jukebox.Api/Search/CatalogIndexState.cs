using System.Collections.Concurrent;
using Jukebox.Api.Catalog;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Jukebox.Api.Search;

/// <summary>
/// The catalog index of one snapshot: the built index (<see cref="CatalogIndexBase"/>) and, for a
/// snapshot patched from the one it was built for, the documents the patches replaced or deleted
/// (dead, left out of every search) and the current versions of the changed ones (an overlay
/// reader, see <see cref="CatalogIndexOverlay"/>). A search merges both with the same rules.
/// </summary>
public sealed class CatalogIndexState : IDisposable
{
    private readonly CatalogIndexBase _base;

    /// <summary>By type, the dead documents of its range (bit i is document From + i).</summary>
    private readonly IReadOnlyDictionary<string, FixedBitSet> _dead;
    private readonly IndexView? _overlay;
    private readonly ConcurrentDictionary<(string? Market, string Type), Lazy<FixedBitSet?>> _allowed = new();

    internal CatalogIndexState(CatalogIndexBase built, IReadOnlyDictionary<string, FixedBitSet> dead, IndexView? overlay, int hipsterPopularity)
    {
        _base = built;
        _dead = dead;
        _overlay = overlay is { Reader.NumDocs: > 0 } ? overlay : null;
        HipsterPopularity = hipsterPopularity;
    }

    /// <summary>The built index (without the patches).</summary>
    public DirectoryReader Reader => _base.View.Reader;
    public IndexSearcher Searcher => _base.View.Searcher;
    public int HipsterPopularity { get; }

    /// <summary>The number of documents the patches since the build replaced, made or deleted.</summary>
    internal int Patched => (_overlay?.Reader.MaxDoc ?? 0) + _dead.Values.Sum(d => d.Cardinality);

    internal CatalogIndexBase Base => _base;

    /// <summary>
    /// One page of the hits of <paramref name="query"/> among the items of <paramref name="type"/>
    /// (playable in <paramref name="market"/> when given), best first, and the number of hits.
    /// </summary>
    /// <remarks>
    /// Documents are numbered in the order equally relevant hits are listed in, and each type is one
    /// range of them. With a plan, each simple query's documents in that range are read once into a
    /// bit set, and the tiers and the count are set operations on them: the page is the first bits of
    /// the first tiers, and nothing is scored or sorted. The overlay's hits of each tier are put in
    /// the same order and merged in.
    /// </remarks>
    internal (List<string> Ids, int Total) Search(CompiledQuery query, string type, string? market, int offset, int limit)
    {
        var range = _base.Types.GetValueOrDefault(type);
        if (range.To == range.From && _overlay is null)
        {
            return ([], 0);
        }
        if (query.Plan is not { } plan)
        {
            return Sorted(query.Query, type, market, offset, limit);
        }
        var allowed = Allowed(market, type, range);
        using var sets = new RangeSets(_base.View, range);
        using var extra = _overlay is null ? null : new OverlayHits(_overlay, type, market, _base.Markets);
        var wanted = offset + limit;
        var ids = new List<string>(limit);
        var seen = 0;
        var tier = sets.New();
        var scratch = sets.New();
        var extraTier = extra?.Sets.New();
        var extraScratch = extra?.Sets.New();
        foreach (var combinations in plan.Tiers)
        {
            Tier(sets, combinations, tier, scratch);
            sets.Restrict(tier, plan.Excluded, allowed);
            List<(long Rank, string Id)> others = [];
            if (extra is not null)
            {
                Tier(extra.Sets, combinations, extraTier!, extraScratch!);
                extra.Sets.Restrict(extraTier!, plan.Excluded, extra.Allowed);
                others = extra.InOrder(extraTier!);
            }
            var next = 0;
            for (var bit = NextBit(tier, 0); (bit >= 0 || next < others.Count) && seen < wanted;)
            {
                string id;
                if (bit >= 0 && (next == others.Count || OverlayHits.Compare((_base.Ranks[range.From + bit], _base.Ids[range.From + bit]), others[next]) < 0))
                {
                    id = _base.Ids[range.From + bit];
                    bit = NextBit(tier, bit + 1);
                }
                else
                {
                    id = others[next++].Id;
                }
                if (seen++ >= offset)
                {
                    ids.Add(id);
                }
            }
            if (seen == wanted)
            {
                break;
            }
        }
        // When the tiers ran out before the page was full, every hit has been seen.
        return (ids, seen < wanted ? seen : sets.Count(plan, allowed) + (extra?.Sets.Count(plan, extra.Allowed) ?? 0));
    }

    private static void Tier(RangeSets sets, IReadOnlyList<Level> combinations, FixedBitSet tier, FixedBitSet scratch)
    {
        tier.Clear(0, tier.Length);
        foreach (var combination in combinations)
        {
            sets.Matching(combination, scratch);
            tier.Or(scratch);
        }
    }

    private static int NextBit(FixedBitSet bits, int from) => from < bits.Length ? bits.NextSetBit(from) : -1;

    /// <summary>The same page by scoring and sorting every hit: what <see cref="Search"/> must agree with, and what a query without a plan uses.</summary>
    internal (List<string> Ids, int Total) Sorted(Query query, string type, string? market, int offset, int limit)
    {
        var range = _base.Types.GetValueOrDefault(type);
        var (hits, total) = range.To > range.From ? SortedBuilt(query, range, Allowed(market, type, range), offset + limit) : ([], 0);
        if (_overlay is null)
        {
            return ([.. hits.Skip(offset).Select(h => h.Id)], total);
        }
        // The overlay's hits scored alike (every clause scores a constant), then ordered with the built ones.
        using var extra = new OverlayHits(_overlay, type, market, _base.Markets);
        var weight = _overlay.Searcher.CreateNormalizedWeight(query);
        foreach (var leaf in _overlay.Reader.Leaves)
        {
            if (weight.GetScorer(leaf, null) is { } scorer)
            {
                for (var doc = scorer.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = scorer.NextDoc())
                {
                    if (extra.Allowed.Get(leaf.DocBase + doc))
                    {
                        var (rank, id) = extra.KeyOf(leaf.DocBase + doc);
                        hits.Add((scorer.GetScore(), rank, id));
                        total++;
                    }
                }
            }
        }
        hits.Sort((a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : OverlayHits.Compare((a.Rank, a.Id), (b.Rank, b.Id)));
        return ([.. hits.Skip(offset).Take(limit).Select(h => h.Id)], total);
    }

    private (List<(float Score, long Rank, string Id)> Hits, int Total) SortedBuilt(Query query, (int From, int To) range, FixedBitSet? allowed, int wanted)
    {
        // In document order, so equal scores keep the index's order.
        var collector = TopScoreDocCollector.Create(Math.Max(wanted, 1), docsScoredInOrder: true);
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
                if (allowed is null || allowed.Get(leaf.DocBase + doc - range.From))
                {
                    collector.Collect(doc);
                    total++;
                }
            }
        }
        return ([.. collector.GetTopDocs(0, wanted).ScoreDocs.Select(d => (d.Score, _base.Ranks[d.Doc], _base.Ids[d.Doc]))], total);
    }

    /// <summary>The documents of the type's range a hit may be: playable in the market (when given) and not dead; null for all.</summary>
    private FixedBitSet? Allowed(string? market, string type, (int From, int To) range)
    {
        var playable = market is null || type == "artist" || range.To == range.From ? null : _base.PlayableIn(market, type, range);
        if (!_dead.TryGetValue(type, out var dead))
        {
            return playable;
        }
        return _allowed.GetOrAdd((playable is null ? null : market, type), _ => new Lazy<FixedBitSet?>(() =>
        {
            var bits = new FixedBitSet(range.To - range.From);
            if (playable is null)
            {
                bits.Set(0, bits.Length);
            }
            else
            {
                bits.Or(playable);
            }
            bits.AndNot(dead);
            return bits;
        })).Value;
    }

    /// <summary>
    /// The index of the snapshot <paramref name="delta"/> patched this one's into: the built index with
    /// the reindexed documents dead, and their current versions (if they still exist) in the overlay.
    /// </summary>
    internal CatalogIndexState Patch(CatalogDelta delta, int hipsterPopularity)
    {
        var dead = new Dictionary<string, FixedBitSet>(_dead, StringComparer.Ordinal);
        var documents = new List<(string Type, string Id, SearchItem? Item)>();
        foreach (var (type, ids) in delta.Reindexed)
        {
            if (ids.Count == 0)
            {
                continue;
            }
            var range = _base.Types.GetValueOrDefault(type);
            if (range.To > range.From)
            {
                var bits = new FixedBitSet(range.To - range.From);
                if (_dead.TryGetValue(type, out var before))
                {
                    bits.Or(before);
                }
                foreach (var id in ids)
                {
                    RangeSets.Add(Reader, new Term(SearchFields.Id, id), range, bits);
                }
                dead[type] = bits;
            }
            foreach (var id in ids)
            {
                documents.Add((type, id, SearchItems.Source(delta.After, type, id) is { } source ? SearchItems.From(source, _base.Markets) : null));
            }
        }
        var reader = _base.Overlay.Apply(documents, _base.Markets);
        return new CatalogIndexState(_base, dead, new IndexView(reader, _base.View.Pool, null, 0), hipsterPopularity);
    }

    /// <summary>Disposes the built index, shared by the states patched from this one.</summary>
    public void Dispose() => _base.Dispose();
}
