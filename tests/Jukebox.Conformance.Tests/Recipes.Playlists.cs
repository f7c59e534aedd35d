using System.Net.Http.Headers;

namespace Jukebox.Conformance.Tests;

internal static partial class Recipes
{
    /// <summary>The spec's own example cover: a 1×1 baseline JPEG, base64 encoded.</summary>
    private const string CoverJpegBase64 =
        "/9j/2wCEABoZGSccJz4lJT5CLy8vQkc9Ozs9R0dHR0dHR0dHR0dHR0dHR0dHR0dHR0dHR0dHR0dHR0dHR0dHR0dHR0dHR0cBHCcnMyYzPSYmPUc9Mj1HR0dEREdHR0dHR0dH" +
        "R0dHR0dHR0dHR0dHR0dHR0dHR0dHR0dHR0dHR0dHR0dHR0dHR//dAAQAAf/uAA5BZG9iZQBkwAAAAAH/wAARCAABAAEDACIAAREBAhEB/8QASwABAQAAAAAAAAAAAAAAAAAAAAYB" +
        "AQAAAAAAAAAAAAAAAAAAAAAQAQAAAAAAAAAAAAAAAAAAAAARAQAAAAAAAAAAAAAAAAAAAAD/2gAMAwAAARECEQA/AJgAH//Z";

    private static Dictionary<string, Recipe> Playlists() => new()
    {
        ["GET /playlists/{playlist_id}"] = Recipe.Get(async t => $"/v1/playlists/{await t.Discovered.PlaylistAsync()}?market=US"),
        ["PUT /playlists/{playlist_id}"] = Recipe.Put(async t => $"/v1/playlists/{await t.Discovered.PlaylistAsync()}",
            _ => Task.FromResult<object?>(new { name = "Conformance", description = "Renamed by the conformance suite", @public = false })),

        ["GET /playlists/{playlist_id}/items"] = Recipe.Get(async t => $"/v1/playlists/{await t.Discovered.PlaylistAsync()}/items?market=US&limit=5"),
        ["POST /playlists/{playlist_id}/items"] = Recipe.Post(async t => $"/v1/playlists/{await t.Discovered.PlaylistAsync()}/items",
            async t => new { uris = new[] { $"spotify:track:{(await Music(t)).Tracks[3]}" } }),
        ["PUT /playlists/{playlist_id}/items"] = Recipe.Put(async t => $"/v1/playlists/{await t.Discovered.PlaylistAsync()}/items",
            _ => Task.FromResult<object?>(new { range_start = 0, insert_before = 2, range_length = 1 })),
        ["DELETE /playlists/{playlist_id}/items"] = Recipe.Delete(async t => await WithRemovableItemAsync(t) + "/items",
            async t => new { items = new[] { new { uri = $"spotify:track:{(await Music(t)).Tracks[4]}" } } }),

        // The older /tracks forms of the same operations.
        ["GET /playlists/{playlist_id}/tracks"] = Recipe.Get(async t => $"/v1/playlists/{await t.Discovered.PlaylistAsync()}/tracks?market=US&limit=5"),
        ["POST /playlists/{playlist_id}/tracks"] = Recipe.Post(async t => $"/v1/playlists/{await t.Discovered.PlaylistAsync()}/tracks",
            async t => new { uris = new[] { $"spotify:track:{(await Music(t)).Tracks[3]}" } }),
        ["PUT /playlists/{playlist_id}/tracks"] = Recipe.Put(async t => $"/v1/playlists/{await t.Discovered.PlaylistAsync()}/tracks",
            _ => Task.FromResult<object?>(new { range_start = 1, insert_before = 0, range_length = 1 })),
        ["DELETE /playlists/{playlist_id}/tracks"] = Recipe.Delete(async t => await WithRemovableItemAsync(t) + "/tracks",
            async t => new { tracks = new[] { new { uri = $"spotify:track:{(await Music(t)).Tracks[4]}" } } }),

        ["GET /me/playlists"] = Recipe.Get(async t =>
        {
            await t.Discovered.PlaylistAsync();
            return "/v1/me/playlists?limit=5";
        }),
        ["POST /me/playlists"] = Recipe.Post(_ => Task.FromResult("/v1/me/playlists"),
            _ => Task.FromResult<object?>(new { name = "Conformance (me)", description = "Made by the conformance suite", @public = false })),
        ["GET /users/{user_id}/playlists"] = Recipe.Get(async t => $"/v1/users/{(await t.Discovered.EditorialPlaylistAsync()).OwnerId}/playlists?limit=5"),
        ["POST /users/{user_id}/playlists"] = Recipe.Post(t => Task.FromResult($"/v1/users/{t.UserId}/playlists"),
            _ => Task.FromResult<object?>(new { name = "Conformance (user)", description = "Made by the conformance suite", @public = false })),

        ["PUT /playlists/{playlist_id}/followers"] = Recipe.Put(async t => $"/v1/playlists/{(await t.Discovered.EditorialPlaylistAsync()).Id}/followers",
            _ => Task.FromResult<object?>(new { @public = false })),
        ["DELETE /playlists/{playlist_id}/followers"] = Recipe.Delete(async t =>
        {
            var url = $"/v1/playlists/{(await t.Discovered.EditorialPlaylistAsync()).Id}/followers";
            await t.SetupAsync(HttpMethod.Put, url);
            return url;
        }),
        ["GET /playlists/{playlist_id}/followers/contains"] = Recipe.Get(async t =>
            $"/v1/playlists/{(await t.Discovered.EditorialPlaylistAsync()).Id}/followers/contains?ids={t.UserId}"),

        ["GET /playlists/{playlist_id}/images"] = Recipe.Get(async t => $"/v1/playlists/{await t.Discovered.PlaylistAsync()}/images"),
        // The cover travels as base64 text with the JPEG media type, as the spec describes.
        ["PUT /playlists/{playlist_id}/images"] = new(async t => new HttpRequestMessage(HttpMethod.Put, $"/v1/playlists/{await t.Discovered.PlaylistAsync()}/images")
        {
            Content = new ByteArrayContent(System.Text.Encoding.ASCII.GetBytes(CoverJpegBase64)) { Headers = { ContentType = new MediaTypeHeaderValue("image/jpeg") } },
        }),
    };

    /// <summary>The own playlist's URL after adding the fifth track, which the removals then take out.</summary>
    private static async Task<string> WithRemovableItemAsync(ConformanceTarget t)
    {
        var url = $"/v1/playlists/{await t.Discovered.PlaylistAsync()}";
        await t.SetupAsync(HttpMethod.Post, url + "/items", new { uris = new[] { $"spotify:track:{(await Music(t)).Tracks[4]}" } });
        return url;
    }
}
