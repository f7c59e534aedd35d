using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using Jukebox.Api.Catalog;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Jukebox.Api.Search;

public sealed class SearchOptions
{
    /// <summary>Where the catalog index is kept between runs; empty keeps it in memory and rebuilds it at every start.</summary>
    public string IndexDirectory { get; set; } = "";

    /// <summary>How many documents one thread writes into a part of the index (fewer parts than this gives are not made).</summary>
    internal int DocumentsPerPart { get; set; } = 100_000;

    /// <summary>
    /// Memory for the documents of frequent words, per type, kept between searches so that their
    /// postings are not read again at every search; 0 keeps none.
    /// </summary>
    public int WordCacheMegabytes { get; set; } = 64;

    /// <summary>Words found in fewer documents of a type are not kept: they are cheap to read again.</summary>
    internal int CachedWordMinimum { get; set; } = 4096;
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
    private const string LayoutVersion = "2";

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
        var (fingerprint, order) = Prepare(sources, markets);
        var prepared = Stopwatch.GetElapsedTime(started);
        var ids = Array.ConvertAll(order, o => o.Id);
        var (directory, reader) = OpenStored(fingerprint, ids);
        var built = directory is null;
        if (directory is null)
        {
            directory = Build(sources, order, markets, fingerprint);
            reader = DirectoryReader.Open(directory);
            if (!InOrder(reader, ids))
            {
                throw new InvalidOperationException("The search index does not hold its documents in the order they were added.");
            }
        }
        var state = new CatalogIndexState(reader!, directory, markets, ids, TypeRanges(order), HipsterPopularity(catalog), options);
        lock (_gate)
        {
            var previous = _latest;
            _latest = state;
            // Requests that took the previous state may still be searching; readers close with the process.
            _ = previous;
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

    /// <summary>
    /// Whether the index holds <paramref name="ids"/> in that order (checked on a sample): the searches
    /// rely on it, so a stored index that does not (a bug, or a damaged folder) is rebuilt.
    /// </summary>
    private static bool InOrder(DirectoryReader reader, string[] ids)
    {
        if (reader.MaxDoc != ids.Length || reader.HasDeletions)
        {
            return false;
        }
        const int Samples = 256;
        for (var k = 0; k < Math.Min(Samples, ids.Length); k++)
        {
            var doc = (int)((long)k * (ids.Length - 1) / Math.Max(1, Math.Min(Samples, ids.Length) - 1));
            if (reader.Document(doc, SearchFields.IdOnly).Get(SearchFields.Id) != ids[doc])
            {
                return false;
            }
        }
        return true;
    }

    private (LuceneDirectory?, DirectoryReader?) OpenStored(string fingerprint, string[] ids)
    {
        if (options.IndexDirectory.Length == 0)
        {
            return (null, null);
        }
        var path = Path.Combine(options.IndexDirectory, fingerprint);
        if (!System.IO.Directory.Exists(path))
        {
            return (null, null);
        }
        var directory = FSDirectory.Open(path);
        if (DirectoryReader.IndexExists(directory))
        {
            var reader = DirectoryReader.Open(directory);
            if (InOrder(reader, ids))
            {
                return (directory, reader);
            }
            reader.Dispose();
            logger.LogWarning("The stored search index {Path} does not match the catalog; building it again.", path);
        }
        directory.Dispose();
        System.IO.Directory.Delete(path, recursive: true);
        return (null, null);
    }

    /// <summary>
    /// Writes the documents in <paramref name="order"/>. Contiguous parts of that order are written by
    /// one thread each, into an index of their own (a writer shared by several threads would interleave
    /// their documents), and the parts are then added to the index one after the other, as segments,
    /// which keeps the order without a merge.
    /// </summary>
    private LuceneDirectory Build(object[] sources, SearchOrder[] order, MarketKeys markets, string fingerprint)
    {
        var inMemory = options.IndexDirectory.Length == 0;
        var buildPath = inMemory ? "" : Path.Combine(options.IndexDirectory, $"building-{Guid.NewGuid():N}");
        var partCount = Math.Clamp(order.Length / options.DocumentsPerPart, 1, 2 * Environment.ProcessorCount);
        var parts = new LuceneDirectory[partCount];
        try
        {
            Parallel.For(0, partCount, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, p =>
            {
                parts[p] = inMemory ? new RAMDirectory() : FSDirectory.Open(Path.Combine(buildPath + "-parts", p.ToString(CultureInfo.InvariantCulture)));
                var config = new IndexWriterConfig(SearchAnalyzer.Version, SearchAnalyzer.Instance)
                {
                    OpenMode = OpenMode.CREATE,
                    RAMBufferSizeMB = 128,
                    UseCompoundFile = false,
                    // Merges only neighbouring segments, so a part that flushes more than once stays in order.
                    MergePolicy = new LogByteSizeMergePolicy(),
                };
                using var writer = new IndexWriter(parts[p], config);
                var to = (int)((long)order.Length * (p + 1) / partCount);
                for (var i = (int)((long)order.Length * p / partCount); i < to; i++)
                {
                    writer.AddDocument(SearchItems.From(sources[order[i].Source], markets).ToDocument(markets));
                }
                writer.Commit();
            });
            LuceneDirectory directory = inMemory ? new RAMDirectory() : FSDirectory.Open(buildPath);
            var joined = new IndexWriterConfig(SearchAnalyzer.Version, SearchAnalyzer.Instance)
            {
                OpenMode = OpenMode.CREATE,
                MergePolicy = NoMergePolicy.NO_COMPOUND_FILES,
            };
            using (var writer = new IndexWriter(directory, joined))
            {
                writer.AddIndexes(parts);
                writer.Commit();
            }
            if (inMemory)
            {
                return directory;
            }
            directory.Dispose();
        }
        finally
        {
            foreach (var part in parts)
            {
                part?.Dispose();
            }
            if (!inMemory && System.IO.Directory.Exists(buildPath + "-parts"))
            {
                System.IO.Directory.Delete(buildPath + "-parts", recursive: true);
            }
        }
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
    private readonly ConcurrentDictionary<(string Market, string Type), Lazy<FixedBitSet>> _markets = new();
    private readonly LuceneDirectory _directory;
    private readonly MarketKeys _marketKeys;
    private readonly string[] _ids;
    private readonly Dictionary<string, (int From, int To)> _types;

    /// <summary>The words of the requests' bit sets; a type's set of tracks is over 100 KB, which would otherwise go to the large object heap at every search.</summary>
    private readonly ArrayPool<long> _pool = ArrayPool<long>.Create(maxArrayLength: 1 << 24, maxArraysPerBucket: 256);

    /// <summary>The documents of frequent words in a type: a FixedBitSet per (term, start of the type's range), sized in bytes.</summary>
    private readonly MemoryCache? _words;
    private readonly int _cachedWordMinimum;

    internal CatalogIndexState(
        DirectoryReader reader, LuceneDirectory directory, MarketKeys markets, string[] ids, Dictionary<string, (int From, int To)> types,
        int hipsterPopularity, SearchOptions options)
    {
        _words = options.WordCacheMegabytes > 0 ? new MemoryCache(new MemoryCacheOptions { SizeLimit = options.WordCacheMegabytes * 1024L * 1024 }) : null;
        _cachedWordMinimum = options.CachedWordMinimum;
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

    /// <summary>
    /// Bit sets over one type's range of documents (bit i is document From + i) for one search: the
    /// documents of each simple query, read once, and the sets made from them. Their words come from
    /// the state's pool and go back to it at the end.
    /// </summary>
    private sealed class RangeSets(CatalogIndexState state, (int From, int To) range) : IDisposable
    {
        private readonly Dictionary<Query, FixedBitSet> _queries = [];
        private readonly List<long[]> _rented = [];

        public FixedBitSet New()
        {
            var words = state._pool.Rent(FixedBitSet.Bits2words(range.To - range.From));
            Array.Clear(words);
            _rented.Add(words);
            return new FixedBitSet(words, range.To - range.From);
        }

        /// <summary>The documents of the range that <paramref name="query"/> matches.</summary>
        public FixedBitSet Of(Query query)
        {
            if (!_queries.TryGetValue(query, out var bits))
            {
                if (query is TermQuery word && state._words?.Get<FixedBitSet>((word.Term, range.From)) is { } cached)
                {
                    // Only ever read: the sets of a search are made in sets of its own.
                    _queries[query] = cached;
                    return cached;
                }
                bits = New();
                switch (query)
                {
                    case TermQuery term:
                        if (Add(state.Reader, term.Term, range, bits) >= state._cachedWordMinimum && state._words is { } words)
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
                state._pool.Return(words);
            }
        }
    }

    public void Dispose()
    {
        _words?.Dispose();
        Reader.Dispose();
        _directory.Dispose();
    }
}
