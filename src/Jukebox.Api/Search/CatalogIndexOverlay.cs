using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Jukebox.Api.Search;

/// <summary>
/// The documents changed since a catalog index was built, in a small index in memory that follows
/// each change with Lucene's own updates (UpdateDocument, DeleteDocuments) and a near-real-time
/// reader per patched snapshot. Its documents are in no particular order: searches order its few
/// hits themselves and merge them with the built index's (<see cref="CatalogIndexState"/>).
/// </summary>
internal sealed class CatalogIndexOverlay : IDisposable
{
    /// <summary>The type and id of an overlay document, what an update replaces.</summary>
    private const string Key = "key";

    private readonly RAMDirectory _directory = new();
    private readonly System.Threading.Lock _gate = new();
    private IndexWriter? _writer;

    /// <summary>Replaces (or, for a null item, deletes) the documents, and reads the index as it now is.</summary>
    public DirectoryReader Apply(IEnumerable<(string Type, string Id, SearchItem? Item)> documents, MarketKeys markets)
    {
        lock (_gate)
        {
            _writer ??= new IndexWriter(_directory, new IndexWriterConfig(SearchAnalyzer.Version, SearchAnalyzer.Instance)
            {
                OpenMode = OpenMode.CREATE,
                MergeScheduler = new SerialMergeScheduler(),
            });
            foreach (var (type, id, item) in documents)
            {
                var key = new Term(Key, type + ":" + id);
                if (item is null)
                {
                    _writer.DeleteDocuments(key);
                }
                else
                {
                    var document = item.ToDocument(markets);
                    document.Add(new StringField(Key, key.Text, Field.Store.NO));
                    _writer.UpdateDocument(key, document);
                }
            }
            return DirectoryReader.Open(_writer, applyAllDeletes: true);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _writer?.Dispose();
            _directory.Dispose();
        }
    }
}

/// <summary>
/// One search's view of an overlay reader for one type: its live documents of the type (playable in
/// the market, when given), and the order among them: by rank, highest first, then by id, as in the
/// built index.
/// </summary>
internal sealed class OverlayHits : IDisposable
{
    private readonly NumericDocValues? _ranks;

    public OverlayHits(IndexView view, string type, string? market, MarketKeys markets)
    {
        View = view;
        Range = (0, view.Reader.MaxDoc);
        Sets = new RangeSets(view, Range);
        Allowed = Sets.New();
        RangeSets.Add(view.Reader, new Term(SearchFields.Type, type), Range, Allowed);
        if (MultiFields.GetLiveDocs(view.Reader) is { } live)
        {
            for (var doc = 0; doc < Range.To; doc++)
            {
                if (!live.Get(doc))
                {
                    Allowed.Clear(doc);
                }
            }
        }
        if (market is not null && type != "artist")
        {
            var playable = Sets.New();
            foreach (var k in markets.KeysContaining(market))
            {
                RangeSets.Add(view.Reader, new Term(SearchFields.Market, k), Range, playable);
            }
            Allowed.And(playable);
        }
        _ranks = MultiDocValues.GetNumericValues(view.Reader, SearchFields.Rank);
    }

    public IndexView View { get; }
    public (int From, int To) Range { get; }
    public RangeSets Sets { get; }

    /// <summary>The documents a hit may be.</summary>
    public FixedBitSet Allowed { get; }

    public (long Rank, string Id) KeyOf(int doc) =>
        (_ranks?.Get(doc) ?? 0, View.Reader.Document(doc, SearchFields.IdOnly).Get(SearchFields.Id));

    /// <summary>The documents of <paramref name="bits"/> in search order.</summary>
    public List<(long Rank, string Id)> InOrder(FixedBitSet bits)
    {
        var keys = new List<(long Rank, string Id)>();
        for (var doc = bits.Length == 0 ? -1 : bits.NextSetBit(0); doc >= 0; doc = doc + 1 < bits.Length ? bits.NextSetBit(doc + 1) : -1)
        {
            keys.Add(KeyOf(doc));
        }
        keys.Sort(Compare);
        return keys;
    }

    /// <summary>The order of equally relevant hits: higher rank first, then by id.</summary>
    public static int Compare((long Rank, string Id) a, (long Rank, string Id) b)
    {
        var c = b.Rank.CompareTo(a.Rank);
        return c != 0 ? c : string.CompareOrdinal(a.Id, b.Id);
    }

    public void Dispose() => Sets.Dispose();
}
