using System.Net;
using System.Text.Json;
using Jukebox.Testing;
using static Jukebox.Api.Tests.Library.LibraryUsers;

namespace Jukebox.Api.Tests.Library;

/// <summary>/me/library and /me/library/contains: Spotify URIs of several types in one request.</summary>
[Collection(CatalogServer.Name)]
public sealed class UnifiedLibraryTests(JukeboxTestServer server)
{
    private const string Library = "/me/library";
    private const string Contains = "/me/library/contains";

    /// <summary>One URI of each catalog type, plus an artist and a user to follow.</summary>
    private async Task<List<string>> MixedUrisAsync(string userToFollow)
    {
        var catalog = await server.CatalogAsync();
        static string First(IEnumerable<string> ids) => ids.Order(StringComparer.Ordinal).First();
        return
        [
            $"spotify:track:{First(catalog.Tracks.Keys)}",
            $"spotify:album:{First(catalog.Albums.Keys)}",
            $"spotify:episode:{First(catalog.Episodes.Keys)}",
            $"spotify:show:{First(catalog.Shows.Keys)}",
            $"spotify:audiobook:{First(catalog.Audiobooks.Keys)}",
            $"spotify:artist:{catalog.Artists.Keys.Order(StringComparer.Ordinal).ElementAt(7)}",
            $"spotify:user:{userToFollow}",
        ];
    }

    private static string Ids(IEnumerable<string> uris) => string.Join(',', uris);

    [Fact]
    public async Task Mixed_uris_are_saved_followed_and_removed_together_and_show_in_the_older_endpoints()
    {
        var (_, client) = await server.NewLibraryUserAsync();
        var friend = await server.NewUserAsync();
        var uris = await MixedUrisAsync(friend);
        var id = (int i) => uris[i].Split(':')[2];

        await client.WriteOkAsync(HttpMethod.Put, $"/v1/me/library?uris={Ids(uris)}", Library);

        Assert.Equal(uris.Select(_ => true), await client.ContainsAsync($"/v1/me/library/contains?uris={Ids(uris)}", Contains));
        Assert.Equal([true], await client.ContainsAsync($"/v1/me/tracks/contains?ids={id(0)}", "/me/tracks/contains"));
        Assert.Equal([true], await client.ContainsAsync($"/v1/me/albums/contains?ids={id(1)}", "/me/albums/contains"));
        Assert.Equal([true], await client.ContainsAsync($"/v1/me/episodes/contains?ids={id(2)}", "/me/episodes/contains"));
        Assert.Equal([true], await client.ContainsAsync($"/v1/me/shows/contains?ids={id(3)}", "/me/shows/contains"));
        Assert.Equal([true], await client.ContainsAsync($"/v1/me/audiobooks/contains?ids={id(4)}", "/me/audiobooks/contains"));
        Assert.Equal([true], await client.ContainsAsync($"/v1/me/following/contains?type=artist&ids={id(5)}", "/me/following/contains"));
        Assert.Equal([true], await client.ContainsAsync($"/v1/me/following/contains?type=user&ids={friend}", "/me/following/contains"));

        await client.WriteOkAsync(HttpMethod.Delete, "/v1/me/library", Library, JsonSerializer.Serialize(new { uris = uris.Take(4) }));

        Assert.Equal([false, false, false, false, true, true, true], await client.ContainsAsync($"/v1/me/library/contains?uris={Ids(uris)}", Contains));
    }

    [Fact]
    public async Task Uris_come_from_the_query_a_uris_object_or_a_bare_array()
    {
        var (_, client) = await server.NewLibraryUserAsync();
        var uris = (await MixedUrisAsync(await server.NewUserAsync())).Take(3).ToList();

        await client.WriteOkAsync(HttpMethod.Put, $"/v1/me/library?uris={uris[0]}", Library);
        await client.WriteOkAsync(HttpMethod.Put, "/v1/me/library", Library, JsonSerializer.Serialize(new { uris = new[] { uris[1] } }));
        await client.WriteOkAsync(HttpMethod.Put, "/v1/me/library", Library, Json(uris[2]));

        Assert.Equal([true, true, true], await client.ContainsAsync($"/v1/me/library/contains?uris={Ids(uris)}", Contains));
    }

    [Fact]
    public async Task Contains_answers_each_uri_in_order_with_unknown_items_false()
    {
        var (_, client) = await server.NewLibraryUserAsync();
        var uris = await MixedUrisAsync(await server.NewUserAsync());
        await client.WriteOkAsync(HttpMethod.Put, $"/v1/me/library?uris={uris[1]},{uris[5]}", Library);

        var answer = await client.ContainsAsync(
            $"/v1/me/library/contains?uris={uris[5]},{uris[0]},{uris[1]},spotify:track:{CatalogPicks.UnknownId},spotify:user:nobody,{uris[5]}", Contains);

        Assert.Equal([true, false, true, false, false, true], answer);
    }

    [Fact]
    public async Task Each_uri_type_needs_its_own_scope_and_a_missing_one_changes_nothing()
    {
        var userId = await server.NewUserAsync();
        var uris = await MixedUrisAsync(await server.NewUserAsync());
        var (track, artist, user) = (uris[0], uris[5], uris[6]);
        using var library = await server.UserClientAsync(userId, Modify, Read);
        using var follows = await server.UserClientAsync(userId, FollowModify, FollowRead);
        using var app = await server.CreateAppClientAsync();

        await library.AssertErrorAsync(HttpMethod.Put, $"/v1/me/library?uris={track},{artist}", HttpStatusCode.Forbidden, "Insufficient client scope");
        await follows.AssertErrorAsync(HttpMethod.Delete, $"/v1/me/library?uris={user},{track}", HttpStatusCode.Forbidden, "Insufficient client scope");
        await library.AssertErrorAsync($"/v1/me/library/contains?uris={track},{user}", HttpStatusCode.Forbidden, "Insufficient client scope");
        await follows.AssertErrorAsync($"/v1/me/library/contains?uris={artist},{track}", HttpStatusCode.Forbidden, "Insufficient client scope");
        await app.AssertErrorAsync(HttpMethod.Put, $"/v1/me/library?uris={track}", HttpStatusCode.Unauthorized, "Unauthorized");
        await app.AssertErrorAsync($"/v1/me/library/contains?uris={track}", HttpStatusCode.Unauthorized, "Unauthorized");
        Assert.Equal([false, false], await follows.ContainsAsync($"/v1/me/library/contains?uris={artist},{user}", Contains));

        await library.WriteOkAsync(HttpMethod.Put, $"/v1/me/library?uris={track}", Library);
        await follows.WriteOkAsync(HttpMethod.Put, $"/v1/me/library?uris={artist},{user}", Library);
        Assert.Equal([true], await library.ContainsAsync($"/v1/me/library/contains?uris={track}", Contains));
        Assert.Equal([true, true], await follows.ContainsAsync($"/v1/me/library/contains?uris={artist},{user}", Contains));
    }

    [Fact]
    public async Task An_unknown_item_of_any_type_is_404_and_nothing_of_the_request_is_saved()
    {
        var (_, client) = await server.NewLibraryUserAsync();
        var uris = await MixedUrisAsync(await server.NewUserAsync());

        await client.AssertErrorAsync(HttpMethod.Put, $"/v1/me/library?uris={Ids(uris)},spotify:album:{CatalogPicks.UnknownId}", HttpStatusCode.NotFound, "non existing id");
        await client.AssertErrorAsync(HttpMethod.Put, $"/v1/me/library?uris={Ids(uris)},spotify:user:nobody-of-that-name", HttpStatusCode.NotFound, "non existing id");

        Assert.Equal(uris.Select(_ => false), await client.ContainsAsync($"/v1/me/library/contains?uris={Ids(uris)}", Contains));
    }

    [Fact]
    public async Task At_most_forty_uris_are_taken()
    {
        var (_, client) = await server.NewLibraryUserAsync();
        var forty = Enumerable.Range(0, 40).Select(i => $"spotify:track:{i:D22}").ToList();
        var tooMany = Ids(forty.Append($"spotify:album:{CatalogPicks.UnknownId}"));

        await client.AssertErrorAsync(HttpMethod.Put, $"/v1/me/library?uris={tooMany}", HttpStatusCode.BadRequest, "Too many ids requested");
        await client.AssertErrorAsync(HttpMethod.Delete, $"/v1/me/library?uris={tooMany}", HttpStatusCode.BadRequest, "Too many ids requested");
        await client.AssertBadRequestAsync($"/v1/me/library/contains?uris={tooMany}", "Too many ids requested");

        Assert.Equal(40, (await client.ContainsAsync($"/v1/me/library/contains?uris={Ids(forty)}", Contains)).Count);
        await client.WriteOkAsync(HttpMethod.Delete, $"/v1/me/library?uris={Ids(forty)}", Library);
    }

    [Fact]
    public async Task Malformed_and_unsupported_uris_missing_uris_and_bad_json_are_400()
    {
        var (_, client) = await server.NewLibraryUserAsync();
        var track = (await MixedUrisAsync(await server.NewUserAsync()))[0];

        await client.AssertErrorAsync(HttpMethod.Put, $"/v1/me/library?uris={track},spotify:track", HttpStatusCode.BadRequest, "Invalid URI: spotify:track");
        await client.AssertErrorAsync(HttpMethod.Put, $"/v1/me/library?uris={track},https://open.spotify.com/track/x", HttpStatusCode.BadRequest, "Invalid URI: https://open.spotify.com/track/x");
        await client.AssertErrorAsync(HttpMethod.Put, $"/v1/me/library?uris=spotify:chapter:{CatalogPicks.UnknownId}", HttpStatusCode.BadRequest, "Unsupported URI type: chapter");
        await client.AssertErrorAsync(HttpMethod.Delete, "/v1/me/library?uris=spotify:album:not-base62", HttpStatusCode.BadRequest, "Invalid base62 id");
        await client.AssertBadRequestAsync("/v1/me/library/contains?uris=spotify:local:a:b:c:1", "Invalid URI: spotify:local:a:b:c:1");
        await client.AssertErrorAsync(HttpMethod.Put, "/v1/me/library", HttpStatusCode.BadRequest, "Missing required field: uris");
        await client.AssertErrorAsync(HttpMethod.Delete, "/v1/me/library", HttpStatusCode.BadRequest, "Missing required field: uris", "{\"ids\":[]}");
        await client.AssertBadRequestAsync("/v1/me/library/contains", "Missing required field: uris");
        await client.AssertErrorAsync(HttpMethod.Put, "/v1/me/library", HttpStatusCode.BadRequest, "Malformed json", "{\"uris\": [\"spotify:track:");

        Assert.Equal([false], await client.ContainsAsync($"/v1/me/library/contains?uris={track}", Contains));
    }

    [Fact]
    public async Task A_playlist_uri_follows_and_unfollows_the_playlist_with_the_playlist_scopes()
    {
        var userId = await server.NewUserAsync();
        var client = await server.UserClientAsync(userId, "playlist-modify-public", "playlist-read-private");
        var editorial = await server.UserClientAsync(userId, "user-library-modify");
        using var featured = await client.GetAsync("/v1/browse/featured-playlists?limit=1");
        var playlistId = JsonDocument.Parse(await featured.Content.ReadAsStringAsync())
            .RootElement.GetProperty("playlists").GetProperty("items")[0].GetProperty("id").GetString()!;
        var uri = $"spotify:playlist:{playlistId}";
        var followers = $"/v1/playlists/{playlistId}/followers/contains?ids={userId}";

        await editorial.AssertErrorAsync(HttpMethod.Put, $"/v1/me/library?uris={uri}", HttpStatusCode.Forbidden, "Insufficient client scope");
        Assert.Equal([false], await client.ContainsAsync(followers, "/playlists/{playlist_id}/followers/contains"));

        await client.WriteOkAsync(HttpMethod.Put, $"/v1/me/library?uris={uri}", Library);
        Assert.Equal([true], await client.ContainsAsync($"/v1/me/library/contains?uris={uri}", Contains));
        Assert.Equal([true], await client.ContainsAsync(followers, "/playlists/{playlist_id}/followers/contains"));

        await client.WriteOkAsync(HttpMethod.Delete, $"/v1/me/library?uris={uri}", Library);
        Assert.Equal([false], await client.ContainsAsync(followers, "/playlists/{playlist_id}/followers/contains"));
        await client.AssertErrorAsync(HttpMethod.Put, "/v1/me/library?uris=spotify:playlist:0000000000000000000000", HttpStatusCode.NotFound, "non existing id");
    }
}
