namespace Jukebox.Conformance.Tests;

/// <summary>
/// A valid request for every operation of the spec, keyed "METHOD /path" as the spec writes it.
/// Ids come from <see cref="Discovery"/>; an operation that changes state prepares it first (saving
/// before listing, following before unfollowing, playing before pausing), so no operation depends
/// on another having run before it.
/// </summary>
internal static partial class Recipes
{
    public static readonly IReadOnlyDictionary<string, Recipe> All =
        Catalog().Concat(Library()).Concat(Playlists()).Concat(Player())
            .ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal);

    private static async Task<Discovery.Catalog> Music(ConformanceTarget t) => await t.Discovered.CatalogAsync();
    private static async Task<Discovery.Spoken> Spoken(ConformanceTarget t) => await t.Discovered.SpokenAsync();

    private static string Join(IEnumerable<string> values) => string.Join(',', values);

    private static Dictionary<string, Recipe> Catalog() => new()
    {
        ["GET /albums/{id}"] = Recipe.Get(async t => $"/v1/albums/{(await Music(t)).Albums[0]}?market=US"),
        ["GET /albums"] = Recipe.Get(async t => $"/v1/albums?ids={Join((await Music(t)).Albums)}&market=US"),
        ["GET /albums/{id}/tracks"] = Recipe.Get(async t => $"/v1/albums/{(await Music(t)).Albums[0]}/tracks?market=US&limit=5"),
        ["GET /artists/{id}"] = Recipe.Get(async t => $"/v1/artists/{(await Music(t)).Artists[0]}"),
        ["GET /artists"] = Recipe.Get(async t => $"/v1/artists?ids={Join((await Music(t)).Artists)}"),
        ["GET /artists/{id}/albums"] = Recipe.Get(async t => $"/v1/artists/{(await Music(t)).Artists[0]}/albums?include_groups=album,single&market=US&limit=5"),
        ["GET /artists/{id}/top-tracks"] = Recipe.Get(async t => $"/v1/artists/{(await Music(t)).Artists[0]}/top-tracks?market=US"),
        ["GET /artists/{id}/related-artists"] = Recipe.Get(async t => $"/v1/artists/{(await Music(t)).Artists[0]}/related-artists"),
        ["GET /tracks/{id}"] = Recipe.Get(async t => $"/v1/tracks/{(await Music(t)).Tracks[0]}?market=US"),
        ["GET /tracks"] = Recipe.Get(async t => $"/v1/tracks?ids={Join((await Music(t)).Tracks)}&market=US"),
        ["GET /shows/{id}"] = Recipe.Get(async t => $"/v1/shows/{(await Spoken(t)).Shows[0]}?market=US"),
        ["GET /shows"] = Recipe.Get(async t => $"/v1/shows?ids={Join((await Spoken(t)).Shows)}&market=US"),
        ["GET /shows/{id}/episodes"] = Recipe.Get(async t => $"/v1/shows/{(await Spoken(t)).Shows[0]}/episodes?market=US&limit=5"),
        ["GET /episodes/{id}"] = Recipe.Get(async t => $"/v1/episodes/{(await Spoken(t)).Episodes[0]}?market=US"),
        ["GET /episodes"] = Recipe.Get(async t => $"/v1/episodes?ids={Join((await Spoken(t)).Episodes)}&market=US"),
        ["GET /audiobooks/{id}"] = Recipe.Get(async t => $"/v1/audiobooks/{(await Spoken(t)).Audiobooks[0]}?market=US"),
        ["GET /audiobooks"] = Recipe.Get(async t => $"/v1/audiobooks?ids={Join((await Spoken(t)).Audiobooks)}&market=US"),
        ["GET /audiobooks/{id}/chapters"] = Recipe.Get(async t => $"/v1/audiobooks/{(await Spoken(t)).Audiobooks[0]}/chapters?market=US&limit=5"),
        ["GET /chapters/{id}"] = Recipe.Get(async t => $"/v1/chapters/{(await Spoken(t)).Chapters[0]}?market=US"),
        ["GET /chapters"] = Recipe.Get(async t => $"/v1/chapters?ids={Join((await Spoken(t)).Chapters)}&market=US"),
        ["GET /browse/new-releases"] = Recipe.Get(_ => Task.FromResult("/v1/browse/new-releases?limit=5")),
        ["GET /browse/featured-playlists"] = Recipe.Get(_ => Task.FromResult("/v1/browse/featured-playlists?limit=5")),
        ["GET /browse/categories"] = Recipe.Get(_ => Task.FromResult("/v1/browse/categories?limit=5")),
        ["GET /browse/categories/{category_id}"] = Recipe.Get(async t => $"/v1/browse/categories/{await t.Discovered.CategoryAsync()}"),
        ["GET /browse/categories/{category_id}/playlists"] = Recipe.Get(async t => $"/v1/browse/categories/{await t.Discovered.CategoryAsync()}/playlists?limit=5"),
        ["GET /markets"] = Recipe.Get(_ => Task.FromResult("/v1/markets")),
        ["GET /me"] = Recipe.Get(_ => Task.FromResult("/v1/me")),
        ["GET /users/{user_id}"] = Recipe.Get(async t => $"/v1/users/{(await t.Discovered.EditorialPlaylistAsync()).OwnerId}"),
        // Playlist results of a search may hold nulls (Spotify's own answers do).
        ["GET /search"] = Recipe.Get(SearchUrl, nullableItemsOf: "playlists.items"),
        ["GET /audio-features"] = Recipe.Get(async t => $"/v1/audio-features?ids={Join((await Music(t)).Tracks)}"),
        ["GET /audio-features/{id}"] = Recipe.Get(async t => $"/v1/audio-features/{(await Music(t)).Tracks[0]}"),
        ["GET /audio-analysis/{id}"] = Recipe.Get(async t => $"/v1/audio-analysis/{(await Music(t)).Tracks[0]}"),
        ["GET /recommendations"] = Recipe.Get(async t =>
            $"/v1/recommendations?seed_tracks={(await Music(t)).Tracks[0]}&seed_artists={(await Music(t)).Artists[0]}&market=US&limit=5"),
        ["GET /recommendations/available-genre-seeds"] = Recipe.Get(_ => Task.FromResult("/v1/recommendations/available-genre-seeds")),
    };

    /// <summary>A search of every type for the name of a track the catalog holds.</summary>
    private static async Task<string> SearchUrl(ConformanceTarget t)
    {
        var track = await t.GetAsync($"/v1/tracks/{(await Music(t)).Tracks[0]}");
        var name = track.GetProperty("name").GetString()!;
        return $"/v1/search?q={Uri.EscapeDataString(name)}&type=album,artist,playlist,track,show,episode,audiobook&market=US&limit=5";
    }
}
