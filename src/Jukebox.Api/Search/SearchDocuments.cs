using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using Jukebox.Api.Catalog;
using Lucene.Net.Documents;

namespace Jukebox.Api.Search;

/// <summary>The index's field names.</summary>
internal static class SearchFields
{
    public const string Type = "type";
    public const string Id = "id";
    public const string Name = "name";
    public const string Artist = "artist";
    public const string Album = "album";

    /// <summary>Secondary free text: a playlist's description, a show's publisher, a book's authors.</summary>
    public const string Other = "other";

    /// <summary>The whole name, folded (<see cref="SearchAnalyzer.Exact"/>), for exact-name matches.</summary>
    public const string Exact = "exact";
    public const string Year = "year";
    public const string Genre = "genre";
    public const string Isrc = "isrc";
    public const string Upc = "upc";

    /// <summary>yyyyMMdd of an album released on a known day.</summary>
    public const string Released = "released";
    public const string Popularity = "popularity";

    /// <summary>Popularity in the high 32 bits and a stable hash of the id below: the order among equally relevant hits.</summary>
    public const string Rank = "rank";

    /// <summary>The key of the markets where the item (or, for a track, an instance of its recording) is playable.</summary>
    public const string Market = "market";

    public static readonly ISet<string> IdOnly = new HashSet<string> { Id };
}

/// <summary>What the index holds about one catalog item.</summary>
internal sealed class SearchItem
{
    public required string Type { get; init; }
    public required string Id { get; init; }
    public required string Name { get; init; }
    public IReadOnlyList<string> Artists { get; init; } = [];
    public string? Album { get; init; }
    public IReadOnlyList<string> Other { get; init; } = [];
    public IReadOnlyList<string> Genres { get; init; } = [];
    public IReadOnlyList<int> Years { get; init; } = [];
    public string? Isrc { get; init; }
    public string? Upc { get; init; }
    public int Released { get; init; }
    public int Popularity { get; init; }
    public MarketSet? Markets { get; init; }

    public long Rank => ((long)Popularity << 32) | XxHash32.HashToUInt32(MemoryMarshal.AsBytes(Id.AsSpan()));

    private static readonly FieldType TextType = new(TextField.TYPE_NOT_STORED) { OmitNorms = true };

    static SearchItem() => TextType.Freeze();

    public Document ToDocument(MarketKeys markets)
    {
        var doc = new Document
        {
            new StringField(SearchFields.Type, Type, Field.Store.NO),
            new StringField(SearchFields.Id, Id, Field.Store.YES),
            new Field(SearchFields.Name, Name, TextType),
            new StringField(SearchFields.Exact, SearchAnalyzer.Exact(Name), Field.Store.NO),
            new NumericDocValuesField(SearchFields.Rank, Rank),
        };
        foreach (var artist in Artists)
        {
            doc.Add(new Field(SearchFields.Artist, artist, TextType));
        }
        if (Album is not null)
        {
            doc.Add(new Field(SearchFields.Album, Album, TextType));
        }
        foreach (var other in Other)
        {
            doc.Add(new Field(SearchFields.Other, other, TextType));
        }
        foreach (var genre in Genres)
        {
            doc.Add(new StringField(SearchFields.Genre, genre.ToLowerInvariant(), Field.Store.NO));
        }
        foreach (var year in Years)
        {
            doc.Add(new Int32Field(SearchFields.Year, year, Field.Store.NO));
        }
        if (Isrc is not null)
        {
            doc.Add(new StringField(SearchFields.Isrc, Isrc.ToLowerInvariant(), Field.Store.NO));
        }
        if (Upc is not null)
        {
            doc.Add(new StringField(SearchFields.Upc, Upc.ToLowerInvariant(), Field.Store.NO));
        }
        if (Released > 0)
        {
            doc.Add(new Int32Field(SearchFields.Released, Released, Field.Store.NO));
        }
        if (Type == "album")
        {
            doc.Add(new Int32Field(SearchFields.Popularity, Popularity, Field.Store.NO));
        }
        if (Markets is not null)
        {
            doc.Add(new StringField(SearchFields.Market, markets.KeyOf(Markets), Field.Store.NO));
        }
        return doc;
    }

    /// <summary>A stable hash of everything the document holds, so a stored index can be checked against the catalog.</summary>
    public ulong Hash(MarketKeys markets)
    {
        var hash = new XxHash64();
        void Add(string? s)
        {
            hash.Append(MemoryMarshal.AsBytes((s ?? "\0").AsSpan()));
            hash.Append([0, 0]);
        }
        Add(Type);
        Add(Id);
        Add(Name);
        foreach (var a in Artists) { Add(a); }
        Add(Album);
        foreach (var o in Other) { Add(o); }
        foreach (var g in Genres) { Add(g); }
        foreach (var y in Years) { Add(y.ToString(CultureInfo.InvariantCulture)); }
        Add(Isrc);
        Add(Upc);
        Add(Released.ToString(CultureInfo.InvariantCulture));
        Add(Popularity.ToString(CultureInfo.InvariantCulture));
        Add(Markets is null ? null : markets.KeyOf(Markets));
        return hash.GetCurrentHashAsUInt64();
    }
}

/// <summary>
/// Names each distinct market list by a hash of its codes. The index stores that key rather than
/// some 180 codes per item, and a market filter becomes "one of the keys whose list has this code".
/// </summary>
internal sealed class MarketKeys
{
    // Read for every document of the catalog by every thread that builds, so reads take no lock.
    private readonly ConcurrentDictionary<MarketSet, string> _keys = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, MarketSet> _unions = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public string KeyOf(MarketSet set) => _keys.TryGetValue(set, out var key) ? key : _keys.GetOrAdd(set, NewKey);

    private static string NewKey(MarketSet set) =>
        XxHash64.HashToUInt64(MemoryMarshal.AsBytes(string.Join(',', set.Codes.Order(StringComparer.Ordinal)).AsSpan()))
            .ToString("x16", CultureInfo.InvariantCulture);

    /// <summary>Where a track is playable after relinking: its own markets and those of its other instances.</summary>
    public MarketSet Playable(CatalogTrack track)
    {
        if (track.OtherInstances.Length == 0)
        {
            return track.Markets;
        }
        var codes = track.Markets.Codes.Concat(track.OtherInstances.SelectMany(o => o.Markets.Codes)).Distinct().Order(StringComparer.Ordinal).ToList();
        var name = string.Join(',', codes);
        lock (_gate)
        {
            if (!_unions.TryGetValue(name, out var set))
            {
                _unions[name] = set = new MarketSet(codes);
            }
            return set;
        }
    }

    /// <summary>The keys of every list that contains <paramref name="market"/>.</summary>
    public IReadOnlyList<string> KeysContaining(string market) =>
        [.. _keys.Where(k => k.Key.Contains(market)).Select(k => k.Value).Distinct()];
}

/// <summary>
/// Where a document goes in the catalog index: grouped by type, then by <see cref="SearchItem.Rank"/>
/// (highest first), then by id. Documents are added in this order, so document numbers follow the order
/// in which equally relevant hits are listed, and each type is one range of document numbers.
/// </summary>
internal readonly record struct SearchOrder(int Type, long Rank, string Id, int Source) : IComparable<SearchOrder>
{
    public static SearchOrder Of(SearchItem item, int source) => new(SearchItems.TypeOrder(item.Type), item.Rank, item.Id, source);

    public int CompareTo(SearchOrder other)
    {
        var c = Type.CompareTo(other.Type);
        if (c == 0)
        {
            c = other.Rank.CompareTo(Rank);
        }
        return c != 0 ? c : string.CompareOrdinal(Id, other.Id);
    }
}

/// <summary>Turns the catalog snapshot into <see cref="SearchItem"/>s.</summary>
internal static class SearchItems
{
    /// <summary>The catalog's searchable types, in the order of their ranges in the index.</summary>
    public static readonly IReadOnlyList<string> Types = ["track", "album", "artist", "show", "episode", "audiobook"];

    public static int TypeOrder(string type) => type switch
    {
        "track" => 0,
        "album" => 1,
        "artist" => 2,
        "show" => 3,
        "episode" => 4,
        "audiobook" => 5,
        _ => throw new ArgumentException($"{type} is not a catalog type.", nameof(type)),
    };

    /// <summary>Every searchable catalog object, in a list that builders can split between threads.</summary>
    public static object[] Sources(CatalogSnapshot catalog) =>
    [
        .. catalog.Tracks.Values, .. catalog.Albums.Values, .. catalog.Artists.Values,
        .. catalog.Shows.Values, .. catalog.Episodes.Values, .. catalog.Audiobooks.Values,
    ];

    /// <summary>The searchable object of the type with the id, or null when the snapshot has none.</summary>
    public static object? Source(CatalogSnapshot catalog, string type, string id) => type switch
    {
        "track" => catalog.Tracks.GetValueOrDefault(id),
        "album" => catalog.Albums.GetValueOrDefault(id),
        "artist" => catalog.Artists.GetValueOrDefault(id),
        "show" => catalog.Shows.GetValueOrDefault(id),
        "episode" => catalog.Episodes.GetValueOrDefault(id),
        "audiobook" => catalog.Audiobooks.GetValueOrDefault(id),
        _ => throw new ArgumentException($"{type} is not a catalog type.", nameof(type)),
    };

    public static SearchItem From(object source, MarketKeys markets) => source switch
    {
        CatalogTrack t => Track(t, markets),
        CatalogAlbum a => Album(a),
        CatalogArtist a => Artist(a),
        CatalogShow s => Show(s),
        CatalogEpisode e => Episode(e),
        CatalogAudiobook b => Audiobook(b),
        _ => throw new ArgumentException($"{source.GetType().Name} is not searchable.", nameof(source)),
    };

    private static SearchItem Track(CatalogTrack t, MarketKeys markets) => new()
    {
        Type = "track", Id = t.Id, Name = t.Name, Artists = [.. t.Artists.Select(a => a.Name)], Album = t.Album.Name,
        Genres = t.Artists.Length == 1 ? t.Artists[0].Genres : [.. t.Artists.SelectMany(a => a.Genres).Distinct()],
        Years = [Year(t.Album.ReleaseDate)], Isrc = t.Isrc, Popularity = t.Popularity, Markets = markets.Playable(t),
    };

    private static SearchItem Album(CatalogAlbum a) => new()
    {
        Type = "album", Id = a.Id, Name = a.Name, Artists = [.. a.Artists.Select(x => x.Name)], Years = [Year(a.ReleaseDate)],
        Upc = a.Upc, Released = a.ReleaseDatePrecision == "day" ? Day(a.ReleaseDate) : 0, Popularity = a.Popularity, Markets = a.Markets,
    };

    private static SearchItem Artist(CatalogArtist a) => new()
    {
        Type = "artist", Id = a.Id, Name = a.Name, Genres = a.Genres,
        Years = [.. a.OwnAlbums.Select(x => Year(x.ReleaseDate)).Distinct().Order()], Popularity = a.Popularity,
    };

    private static SearchItem Show(CatalogShow s) => new()
    {
        Type = "show", Id = s.Id, Name = s.Name, Other = [s.Publisher], Markets = s.Markets,
    };

    private static SearchItem Episode(CatalogEpisode e) => new()
    {
        // Among equally relevant episodes the newer come first.
        Type = "episode", Id = e.Id, Name = e.Name, Other = [e.Show.Name], Popularity = Day(e.ReleaseDate), Markets = e.Show.Markets,
    };

    private static SearchItem Audiobook(CatalogAudiobook b) => new()
    {
        Type = "audiobook", Id = b.Id, Name = b.Name, Other = [.. b.Authors, .. b.Narrators, b.Publisher], Markets = b.Markets,
    };

    public static int Year(string releaseDate) => int.Parse(releaseDate.AsSpan(0, 4), CultureInfo.InvariantCulture);

    /// <summary>yyyyMMdd of a yyyy-MM-dd date.</summary>
    public static int Day(string date) => date.Length >= 10
        ? int.Parse(string.Concat(date.AsSpan(0, 4), date.AsSpan(5, 2), date.AsSpan(8, 2)), CultureInfo.InvariantCulture)
        : Year(date) * 10_000 + 101;
}
