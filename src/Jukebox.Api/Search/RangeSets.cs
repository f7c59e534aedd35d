using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Microsoft.Extensions.Caching.Memory;

namespace Jukebox.Api.Search;

/// <summary>
/// Bit sets over one type's range of documents (bit i is document From + i) for one search: the
/// documents of each simple query, read once, and the sets made from them. Their words come from
/// the state's pool and go back to it at the end.
/// </summary>
internal sealed class RangeSets(IndexView state, (int From, int To) range) : IDisposable
{
    private readonly Dictionary<Query, FixedBitSet> _queries = [];
    private readonly List<long[]> _rented = [];

    public FixedBitSet New()
    {
        var words = state.Pool.Rent(FixedBitSet.Bits2words(range.To - range.From));
        Array.Clear(words);
        _rented.Add(words);
        return new FixedBitSet(words, range.To - range.From);
    }

    /// <summary>The documents of the range that <paramref name="query"/> matches.</summary>
    public FixedBitSet Of(Query query)
    {
        if (!_queries.TryGetValue(query, out var bits))
        {
            if (query is TermQuery word && state.Words?.Get<FixedBitSet>((word.Term, range.From)) is { } cached)
            {
                // Only ever read: the sets of a search are made in sets of its own.
                _queries[query] = cached;
                return cached;
            }
            bits = New();
            switch (query)
            {
                case TermQuery term:
                    if (Add(state.Reader, term.Term, range, bits) >= state.CachedWordMinimum && state.Words is { } words)
                    {
                        var kept = new FixedBitSet(bits.Length);
                        kept.Or(bits);
                        words.Set((term.Term, range.From), kept, new MemoryCacheEntryOptions { Size = kept.GetBits().Length * sizeof(long) });
                    }
                    break;
                // Unions and intersections as set operations: cheaper than Lucene's scorers, which
                // also keep the clauses' documents in a priority queue to score them.
                case ConstantScoreQuery { Query: { } inner }:
                    bits.Or(Of(inner));
                    break;
                case DisjunctionMaxQuery any:
                    foreach (var disjunct in any.Disjuncts)
                    {
                        bits.Or(Of(disjunct));
                    }
                    break;
                case BooleanQuery boolean when boolean.MinimumNumberShouldMatch == 0:
                    Boolean(boolean, bits);
                    break;
                default:
                    Score(query, bits);
                    break;
            }
            _queries[query] = bits;
        }
        return bits;
    }

    /// <summary>Lucene's rules: every required clause if there is one (optional ones then only score), else one of the optional ones; none of the prohibited ones.</summary>
    private void Boolean(BooleanQuery query, FixedBitSet bits)
    {
        var required = query.Clauses.Where(c => c.Occur == Occur.MUST).ToList();
        var first = true;
        foreach (var clause in required.Count > 0 ? required : query.Clauses.Where(c => c.Occur == Occur.SHOULD))
        {
            if (first || required.Count == 0)
            {
                bits.Or(Of(clause.Query));
            }
            else
            {
                bits.And(Of(clause.Query));
            }
            first = false;
        }
        foreach (var clause in query.Clauses.Where(c => c.Occur == Occur.MUST_NOT))
        {
            bits.AndNot(Of(clause.Query));
        }
    }

    private void Score(Query query, FixedBitSet bits)
    {
        var weight = state.Searcher.CreateNormalizedWeight(query);
        foreach (var leaf in state.Reader.Leaves)
        {
            var from = Math.Max(range.From - leaf.DocBase, 0);
            var to = Math.Min(range.To - leaf.DocBase, leaf.Reader.MaxDoc);
            if (from < to && weight.GetScorer(leaf, null) is { } scorer)
            {
                for (var doc = scorer.Advance(from); doc < to; doc = scorer.NextDoc())
                {
                    bits.Set(leaf.DocBase + doc - range.From);
                }
            }
        }
    }

    /// <summary>Adds the documents of the range holding <paramref name="term"/>, read from the postings without frequencies or positions; returns their number.</summary>
    public static int Add(IndexReader reader, Term term, (int From, int To) range, FixedBitSet bits)
    {
        var count = 0;
        DocsEnum? docs = null;
        foreach (var leaf in reader.Leaves)
        {
            var from = Math.Max(range.From - leaf.DocBase, 0);
            var to = Math.Min(range.To - leaf.DocBase, leaf.Reader.MaxDoc);
            if (from >= to || leaf.AtomicReader.GetTerms(term.Field)?.GetEnumerator() is not { } terms || !terms.SeekExact(term.Bytes))
            {
                continue;
            }
            docs = terms.Docs(null, docs, DocsFlags.NONE);
            for (var doc = docs.Advance(from); doc < to; doc = docs.NextDoc())
            {
                bits.Set(leaf.DocBase + doc - range.From);
                count++;
            }
        }
        return count;
    }

    /// <summary>Sets <paramref name="result"/> to the documents at <paramref name="level"/>.</summary>
    public void Matching(Level level, FixedBitSet result)
    {
        result.Clear(0, result.Length);
        result.Or(Of(level.Include[0]));
        foreach (var include in level.Include.Skip(1))
        {
            result.And(Of(include));
        }
        foreach (var exclude in level.Exclude)
        {
            result.AndNot(Of(exclude));
        }
    }

    public void Restrict(FixedBitSet bits, IReadOnlyList<Query> excluded, FixedBitSet? playable)
    {
        foreach (var exclude in excluded)
        {
            bits.AndNot(Of(exclude));
        }
        if (playable is not null)
        {
            bits.And(playable);
        }
    }

    /// <summary>The number of hits: documents at some level of every required clause.</summary>
    public int Count(SearchPlan plan, FixedBitSet? playable)
    {
        var hits = New();
        var clause = New();
        var level = New();
        for (var i = 0; i < plan.Required.Count; i++)
        {
            var target = i == 0 ? hits : clause;
            target.Clear(0, target.Length);
            foreach (var l in plan.Required[i])
            {
                Matching(l, level);
                target.Or(level);
            }
            if (i > 0)
            {
                hits.And(clause);
            }
        }
        Restrict(hits, plan.Excluded, playable);
        return hits.Cardinality;
    }

    public void Dispose()
    {
        foreach (var words in _rented)
        {
            state.Pool.Return(words);
        }
    }
}
