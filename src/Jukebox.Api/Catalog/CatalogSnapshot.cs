namespace Jukebox.Api.Catalog;

/// <summary>
/// An immutable in-memory copy of the read-only catalog, built from the database. Catalog reads are
/// the hot path of the API; serving them from memory keeps a lookup to a dictionary probe. It is a
/// cache: every node builds its own from the shared database and can rebuild it at any time.
/// </summary>
public sealed class CatalogSnapshot
{
    public required IReadOnlyDictionary<string, CatalogArtist> Artists { get; init; }
    public required IReadOnlyDictionary<string, CatalogAlbum> Albums { get; init; }
    public required IReadOnlyDictionary<string, CatalogTrack> Tracks { get; init; }
    public required IReadOnlyDictionary<string, CatalogShow> Shows { get; init; }
    public required IReadOnlyDictionary<string, CatalogEpisode> Episodes { get; init; }
    public required IReadOnlyDictionary<string, CatalogAudiobook> Audiobooks { get; init; }
    public required IReadOnlyDictionary<string, CatalogChapter> Chapters { get; init; }

    /// <summary>In browse order.</summary>
    public required IReadOnlyList<CatalogCategory> Categories { get; init; }

    /// <summary>The most recent releases, newest first.</summary>
    public required IReadOnlyList<CatalogAlbum> NewReleases { get; init; }

    public static CatalogSnapshot Empty { get; } = new()
    {
        Artists = new Dictionary<string, CatalogArtist>(),
        Albums = new Dictionary<string, CatalogAlbum>(),
        Tracks = new Dictionary<string, CatalogTrack>(),
        Shows = new Dictionary<string, CatalogShow>(),
        Episodes = new Dictionary<string, CatalogEpisode>(),
        Audiobooks = new Dictionary<string, CatalogAudiobook>(),
        Chapters = new Dictionary<string, CatalogChapter>(),
        Categories = [],
        NewReleases = [],
    };
}
