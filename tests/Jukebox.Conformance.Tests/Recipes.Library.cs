namespace Jukebox.Conformance.Tests;

internal static partial class Recipes
{
    private static Dictionary<string, Recipe> Library() => new()
    {
        ["GET /me/tracks"] = Recipe.Get(async t =>
        {
            await t.SetupAsync(HttpMethod.Put, "/v1/me/tracks", new { ids = (await Music(t)).Tracks[..1] });
            return "/v1/me/tracks?market=US&limit=5";
        }),
        // The spec gives PUT /me/tracks its ids in the body only.
        ["PUT /me/tracks"] = Recipe.Put(_ => Task.FromResult("/v1/me/tracks"), async t => new { ids = (await Music(t)).Tracks[..2] }),
        ["DELETE /me/tracks"] = Recipe.Delete(async t => $"/v1/me/tracks?ids={Join((await Music(t)).Tracks[..2])}"),
        ["GET /me/tracks/contains"] = Recipe.Get(async t => $"/v1/me/tracks/contains?ids={Join((await Music(t)).Tracks[..2])}"),

        ["GET /me/albums"] = Recipe.Get(async t =>
        {
            await t.SetupAsync(HttpMethod.Put, $"/v1/me/albums?ids={(await Music(t)).Albums[0]}");
            return "/v1/me/albums?market=US&limit=5";
        }),
        ["PUT /me/albums"] = Recipe.Put(async t => $"/v1/me/albums?ids={Join((await Music(t)).Albums)}"),
        ["DELETE /me/albums"] = Recipe.Delete(async t => $"/v1/me/albums?ids={Join((await Music(t)).Albums)}"),
        ["GET /me/albums/contains"] = Recipe.Get(async t => $"/v1/me/albums/contains?ids={Join((await Music(t)).Albums)}"),

        ["GET /me/episodes"] = Recipe.Get(async t =>
        {
            await t.SetupAsync(HttpMethod.Put, $"/v1/me/episodes?ids={(await Spoken(t)).Episodes[0]}");
            return "/v1/me/episodes?market=US&limit=5";
        }),
        ["PUT /me/episodes"] = Recipe.Put(async t => $"/v1/me/episodes?ids={Join((await Spoken(t)).Episodes)}"),
        ["DELETE /me/episodes"] = Recipe.Delete(async t => $"/v1/me/episodes?ids={Join((await Spoken(t)).Episodes)}"),
        ["GET /me/episodes/contains"] = Recipe.Get(async t => $"/v1/me/episodes/contains?ids={Join((await Spoken(t)).Episodes)}"),

        ["GET /me/shows"] = Recipe.Get(async t =>
        {
            await t.SetupAsync(HttpMethod.Put, $"/v1/me/shows?ids={(await Spoken(t)).Shows[0]}");
            return "/v1/me/shows?limit=5";
        }),
        ["PUT /me/shows"] = Recipe.Put(async t => $"/v1/me/shows?ids={Join((await Spoken(t)).Shows)}"),
        ["DELETE /me/shows"] = Recipe.Delete(async t => $"/v1/me/shows?ids={Join((await Spoken(t)).Shows)}"),
        ["GET /me/shows/contains"] = Recipe.Get(async t => $"/v1/me/shows/contains?ids={Join((await Spoken(t)).Shows)}"),

        ["GET /me/audiobooks"] = Recipe.Get(async t =>
        {
            await t.SetupAsync(HttpMethod.Put, $"/v1/me/audiobooks?ids={(await Spoken(t)).Audiobooks[0]}");
            return "/v1/me/audiobooks?limit=5";
        }),
        ["PUT /me/audiobooks"] = Recipe.Put(async t => $"/v1/me/audiobooks?ids={Join((await Spoken(t)).Audiobooks)}"),
        ["DELETE /me/audiobooks"] = Recipe.Delete(async t => $"/v1/me/audiobooks?ids={Join((await Spoken(t)).Audiobooks)}"),
        ["GET /me/audiobooks/contains"] = Recipe.Get(async t => $"/v1/me/audiobooks/contains?ids={Join((await Spoken(t)).Audiobooks)}"),

        ["PUT /me/library"] = Recipe.Put(LibraryUris("/v1/me/library")),
        ["DELETE /me/library"] = Recipe.Delete(LibraryUris("/v1/me/library")),
        ["GET /me/library/contains"] = Recipe.Get(LibraryUris("/v1/me/library/contains")),

        ["GET /me/following"] = Recipe.Get(async t =>
        {
            await t.SetupAsync(HttpMethod.Put, $"/v1/me/following?type=artist&ids={(await Music(t)).Artists[0]}");
            return "/v1/me/following?type=artist&limit=5";
        }),
        ["PUT /me/following"] = Recipe.Put(async t => $"/v1/me/following?type=artist&ids={Join((await Music(t)).Artists)}"),
        ["DELETE /me/following"] = Recipe.Delete(async t => $"/v1/me/following?type=artist&ids={(await Music(t)).Artists[1]}"),
        ["GET /me/following/contains"] = Recipe.Get(async t => $"/v1/me/following/contains?type=artist&ids={Join((await Music(t)).Artists)}"),

        ["GET /me/top/artists"] = Recipe.Get(_ => Task.FromResult("/v1/me/top/artists?time_range=medium_term&limit=5")),
        ["GET /me/top/tracks"] = Recipe.Get(_ => Task.FromResult("/v1/me/top/tracks?time_range=short_term&limit=5")),
    };

    /// <summary>A track, an album and a show, the kinds /me/library saves together.</summary>
    private static Func<ConformanceTarget, Task<string>> LibraryUris(string path) => async t =>
    {
        var music = await Music(t);
        var spoken = await Spoken(t);
        return $"{path}?uris={Join([$"spotify:track:{music.Tracks[2]}", $"spotify:album:{music.Albums[1]}", $"spotify:show:{spoken.Shows[0]}"])}";
    };
}
