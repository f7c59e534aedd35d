using System.Collections.Frozen;
using System.Text.Json;

namespace Jukebox.Api.Catalog;

/// <summary>
/// A list of markets shared by every item that has exactly that list. Most of the catalog shares a
/// handful of sets, so membership tests and the JSON array are computed once per set. Its converter is
/// the type's, not a property's: a property converter would keep the objects that carry a set off the
/// JSON source generator's fast path.
/// </summary>
[System.Text.Json.Serialization.JsonConverter(typeof(MarketSetJsonConverter))]
public sealed class MarketSet
{
    public MarketSet(IReadOnlyList<string> codes)
    {
        Codes = codes;
        Members = codes.ToFrozenSet(StringComparer.Ordinal);
        Json = JsonSerializer.SerializeToUtf8Bytes(codes, CatalogJsonContext.Default.IReadOnlyListString);
    }

    public IReadOnlyList<string> Codes { get; }
    public FrozenSet<string> Members { get; }

    /// <summary>The UTF-8 JSON array, written verbatim into responses.</summary>
    public byte[] Json { get; }

    public bool Contains(string market) => Members.Contains(market);
}

[System.Text.Json.Serialization.JsonSerializable(typeof(IReadOnlyList<string>))]
internal sealed partial class CatalogJsonContext : System.Text.Json.Serialization.JsonSerializerContext;

public sealed class CatalogArtist
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public int Popularity { get; init; }
    public long Followers { get; init; }
    public required IReadOnlyList<string> Genres { get; init; }

    /// <summary>Images of its own, served as they are; null for the generated ones (see <see cref="CatalogImages"/>).</summary>
    public IReadOnlyList<Http.ImageObject>? Images { get; init; }

    // The links between objects (these lists, an album's artists and tracks, a track's artists and
    // other instances) are filled while a snapshot is built; once it is published, a change that
    // patches the catalog (CatalogPatch) replaces a link whole and never edits one in place.

    /// <summary>Albums with this artist among the album artists, newest first.</summary>
    public List<CatalogAlbum> OwnAlbums { get; set; } = [];

    /// <summary>Albums by others on which this artist plays a track, newest first.</summary>
    public List<CatalogAlbum> AppearsOn { get; set; } = [];

    /// <summary>The artist's tracks, most popular first.</summary>
    public List<CatalogTrack> Tracks { get; set; } = [];
}

public sealed class CatalogAlbum
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string AlbumType { get; init; }
    public required string ReleaseDate { get; init; }
    public required string ReleaseDatePrecision { get; init; }
    public required string Label { get; init; }
    public required string Upc { get; init; }
    public string? Ean { get; init; }
    public int Popularity { get; init; }
    public required IReadOnlyList<string> Genres { get; init; }
    public required MarketSet Markets { get; init; }
    public required string CopyrightText { get; init; }
    public required string PhonogramText { get; init; }

    /// <summary>Images of its own, served as they are; null for the generated ones (see <see cref="CatalogImages"/>).</summary>
    public IReadOnlyList<Http.ImageObject>? Images { get; init; }
    public CatalogArtist[] Artists { get; set; } = [];

    /// <summary>In disc and track order.</summary>
    public CatalogTrack[] Tracks { get; set; } = [];
}

public sealed class CatalogTrack
{
    public required string Id { get; init; }
    public required CatalogAlbum Album { get; init; }
    public required string Name { get; init; }
    public int DiscNumber { get; init; }
    public int TrackNumber { get; init; }
    public int DurationMs { get; init; }
    public bool Explicit { get; init; }
    public required string Isrc { get; init; }
    public string? PreviewUrl { get; init; }
    public int Popularity { get; init; }
    public required MarketSet Markets { get; init; }
    public CatalogArtist[] Artists { get; set; } = [];

    /// <summary>Other instances of the same recording (same ISRC) that relinking may substitute.</summary>
    public CatalogTrack[] OtherInstances { get; set; } = [];
}

public sealed class CatalogShow
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Publisher { get; init; }
    public required string Description { get; init; }
    public required string HtmlDescription { get; init; }
    public bool Explicit { get; init; }
    public required IReadOnlyList<string> Languages { get; init; }
    public required string MediaType { get; init; }
    public bool IsExternallyHosted { get; init; }
    public required MarketSet Markets { get; init; }
    public required string CopyrightText { get; init; }

    /// <summary>Images of its own, served as they are; null for the generated ones (see <see cref="CatalogImages"/>).</summary>
    public IReadOnlyList<Http.ImageObject>? Images { get; init; }

    /// <summary>Newest first, as Spotify lists a show's episodes.</summary>
    public CatalogEpisode[] Episodes { get; set; } = [];
}

public sealed class CatalogEpisode
{
    public required string Id { get; init; }
    public required CatalogShow Show { get; init; }
    public required string Name { get; init; }
    public required string Description { get; init; }
    public required string HtmlDescription { get; init; }
    public int DurationMs { get; init; }
    public bool Explicit { get; init; }
    public required IReadOnlyList<string> Languages { get; init; }
    public required string ReleaseDate { get; init; }
    public required string ReleaseDatePrecision { get; init; }
    public string? AudioPreviewUrl { get; init; }
    public bool IsExternallyHosted { get; init; }

    /// <summary>Images of its own, served as they are; null for the generated ones (see <see cref="CatalogImages"/>).</summary>
    public IReadOnlyList<Http.ImageObject>? Images { get; init; }
}

public sealed class CatalogAudiobook
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required IReadOnlyList<string> Authors { get; init; }
    public required IReadOnlyList<string> Narrators { get; init; }
    public required string Publisher { get; init; }
    public required string Description { get; init; }
    public required string HtmlDescription { get; init; }
    public string? Edition { get; init; }
    public bool Explicit { get; init; }
    public required IReadOnlyList<string> Languages { get; init; }
    public required string MediaType { get; init; }
    public required MarketSet Markets { get; init; }
    public required string CopyrightText { get; init; }

    /// <summary>Images of its own, served as they are; null for the generated ones (see <see cref="CatalogImages"/>).</summary>
    public IReadOnlyList<Http.ImageObject>? Images { get; init; }

    /// <summary>In chapter order.</summary>
    public CatalogChapter[] Chapters { get; set; } = [];
}

public sealed class CatalogChapter
{
    public required string Id { get; init; }
    public required CatalogAudiobook Audiobook { get; init; }
    public int ChapterNumber { get; init; }
    public required string Name { get; init; }
    public required string Description { get; init; }
    public required string HtmlDescription { get; init; }
    public int DurationMs { get; init; }
    public bool Explicit { get; init; }
    public required IReadOnlyList<string> Languages { get; init; }
    public required string ReleaseDate { get; init; }
    public required string ReleaseDatePrecision { get; init; }
    public string? AudioPreviewUrl { get; init; }

    /// <summary>Images of its own, served as they are; null for the generated ones (see <see cref="CatalogImages"/>).</summary>
    public IReadOnlyList<Http.ImageObject>? Images { get; init; }
}

public sealed class CatalogCategory
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required IReadOnlyDictionary<string, string> LocalizedNames { get; init; }

    public string NameFor(string? locale) =>
        locale is not null && LocalizedNames.TryGetValue(locale, out var name) ? name : Name;
}
