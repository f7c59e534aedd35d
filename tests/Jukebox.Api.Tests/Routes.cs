using Jukebox.Api.Catalog;

namespace Jukebox.Api.Tests;

/// <summary>
/// The catalog operations, written as templates whose placeholders ({album}, {artist}, {track},
/// {show}, {episode}, {audiobook}, {chapter}, {category}) <see cref="Fill"/> replaces with real ids,
/// so that one theory can state a rule for every operation it applies to.
/// </summary>
internal static class Routes
{
    /// <summary>Operations that look one item up by the id in their path.</summary>
    public static readonly TheoryData<string> ById = new()
    {
        "/v1/albums/{id}", "/v1/albums/{id}/tracks",
        "/v1/artists/{id}", "/v1/artists/{id}/albums", "/v1/artists/{id}/top-tracks", "/v1/artists/{id}/related-artists",
        "/v1/tracks/{id}",
        "/v1/shows/{id}", "/v1/shows/{id}/episodes", "/v1/episodes/{id}",
        "/v1/audiobooks/{id}", "/v1/audiobooks/{id}/chapters", "/v1/chapters/{id}",
    };

    /// <summary>Multi-gets: path, the id placeholder they take, the most ids they accept, the array they answer.</summary>
    public static readonly TheoryData<string, string, int, string> MultiGets = new()
    {
        { "/v1/albums", "{album}", 20, "albums" },
        { "/v1/artists", "{artist}", 50, "artists" },
        { "/v1/tracks", "{track}", 50, "tracks" },
        { "/v1/shows", "{show}", 50, "shows" },
        { "/v1/episodes", "{episode}", 50, "episodes" },
        { "/v1/audiobooks", "{audiobook}", 50, "audiobooks" },
        { "/v1/chapters", "{chapter}", 50, "chapters" },
    };

    /// <summary>Paged operations: URL template, spec path, default limit, largest limit.</summary>
    public static readonly TheoryData<string, string, int, int> Paged = new()
    {
        { "/v1/albums/{album}/tracks", "/albums/{id}/tracks", 20, 50 },
        // The spec (following Spotify's 2026 limits) caps an artist's albums at 10 a page, 5 by default.
        { "/v1/artists/{artist}/albums", "/artists/{id}/albums", 5, 10 },
        { "/v1/shows/{show}/episodes", "/shows/{id}/episodes", 20, 50 },
        { "/v1/audiobooks/{audiobook}/chapters", "/audiobooks/{id}/chapters", 20, 50 },
        { "/v1/browse/categories", "/browse/categories", 20, 50 },
        { "/v1/browse/categories/{category}/playlists", "/browse/categories/{category_id}/playlists", 20, 50 },
        { "/v1/browse/featured-playlists", "/browse/featured-playlists", 20, 50 },
        { "/v1/browse/new-releases", "/browse/new-releases", 20, 50 },
    };

    /// <summary>Operations that take a market.</summary>
    public static readonly TheoryData<string> WithMarket = new()
    {
        "/v1/albums/{album}", "/v1/albums?ids={album}", "/v1/albums/{album}/tracks",
        "/v1/artists/{artist}/albums", "/v1/artists/{artist}/top-tracks",
        "/v1/tracks/{track}", "/v1/tracks?ids={track}",
        "/v1/shows/{show}", "/v1/shows?ids={show}", "/v1/shows/{show}/episodes",
        "/v1/episodes/{episode}", "/v1/episodes?ids={episode}",
        "/v1/audiobooks/{audiobook}", "/v1/audiobooks?ids={audiobook}", "/v1/audiobooks/{audiobook}/chapters",
        "/v1/chapters/{chapter}", "/v1/chapters?ids={chapter}",
    };

    /// <summary>The template with every placeholder replaced by the id of an item that has content.</summary>
    public static string Fill(CatalogSnapshot catalog, string template)
    {
        var first = catalog.Albums.Values.OrderBy(a => a.Id, StringComparer.Ordinal).First(a => a.Tracks.Length > 0);
        return template
            .Replace("{album}", first.Id, StringComparison.Ordinal)
            .Replace("{artist}", ArtistWithMostAlbums(catalog).Id, StringComparison.Ordinal)
            .Replace("{track}", first.Tracks[0].Id, StringComparison.Ordinal)
            .Replace("{show}", catalog.Shows.Keys.Min(StringComparer.Ordinal)!, StringComparison.Ordinal)
            .Replace("{episode}", catalog.Episodes.Keys.Min(StringComparer.Ordinal)!, StringComparison.Ordinal)
            .Replace("{audiobook}", catalog.Audiobooks.Keys.Min(StringComparer.Ordinal)!, StringComparison.Ordinal)
            .Replace("{chapter}", catalog.Chapters.Keys.Min(StringComparer.Ordinal)!, StringComparison.Ordinal)
            .Replace("{category}", catalog.Categories[0].Id, StringComparison.Ordinal);
    }

    public static CatalogArtist ArtistWithMostAlbums(CatalogSnapshot catalog) =>
        catalog.Artists.Values.OrderByDescending(a => a.OwnAlbums.Count).ThenBy(a => a.Id, StringComparer.Ordinal).First();

    /// <summary><paramref name="url"/> with another query parameter.</summary>
    public static string With(this string url, string parameter) => url + (url.Contains('?') ? '&' : '?') + parameter;
}
