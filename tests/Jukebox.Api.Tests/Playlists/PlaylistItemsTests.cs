using System.Net;
using Jukebox.Api.Tests.Http;
using Jukebox.Testing;

namespace Jukebox.Api.Tests.Playlists;

/// <summary>Adding, reading, removing, reordering and replacing items, on both the /tracks and the /items paths.</summary>
[Collection(PlaylistServer.Name)]
public sealed class PlaylistItemsTests(JukeboxTestServer server)
{
    public static readonly TheoryData<string> Paths = ["tracks", "items"];

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Added_items_append_or_go_in_at_the_position_given(string path)
    {
        var uris = (await server.CatalogAsync()).TrackUris(5);
        using var user = await PlaylistUser.CreateAsync(server);
        var id = await user.CreatePlaylistAsync();

        using var first = await user.Client.SendJsonAsync(HttpMethod.Post, $"/v1/playlists/{id}/{path}", new { uris = uris[..3] });
        using var atStart = await user.Client.PostAsync($"/v1/playlists/{id}/{path}?uris={uris[3]}&position=0", null);
        using var inMiddle = await user.Client.SendJsonAsync(HttpMethod.Post, $"/v1/playlists/{id}/{path}", new { uris = new[] { uris[4] }, position = 2 });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        await SpotifySpec.AssertMatchesAsync(first, "POST", $"/playlists/{{playlist_id}}/{path}");
        Assert.Equal(HttpStatusCode.Created, atStart.StatusCode);
        Assert.Equal(HttpStatusCode.Created, inMiddle.StatusCode);
        Assert.Equal([uris[3], uris[0], uris[4], uris[1], uris[2]], await user.UrisAsync(id));
        var snapshots = new[] { await first.JsonAsync(), await atStart.JsonAsync(), await inMiddle.JsonAsync() }.Select(s => s.Str("snapshot_id"));
        Assert.Equal(3, snapshots.Distinct().Count());
    }

    [Theory]
    [InlineData(2, 1)]
    [InlineData(60, 30)]
    public async Task Items_put_into_one_spot_again_and_again_keep_their_order(int initial, int position)
    {
        // Each insert splits the room between the same two neighbours into eleven; after a dozen there
        // is none left and the items around the spot (or, in a short playlist, all of them) are spread
        // out again, which nobody should notice. Moves into the spot go through the same room.
        var uris = (await server.CatalogAsync()).TrackUris(initial + 15 * 10);
        using var user = await PlaylistUser.CreateAsync(server);
        var id = await user.CreatePlaylistAsync();
        await user.AddAsync(id, uris[..initial]);
        var expected = new List<string>(uris[..initial]);

        for (var round = 0; round < 15; round++)
        {
            var batch = uris[(initial + round * 10)..(initial + 10 + round * 10)];
            await user.AddAsync(id, batch, position);
            expected.InsertRange(position, batch);
        }
        for (var round = 0; round < 12; round++)
        {
            using var moved = await user.Client.SendJsonAsync(HttpMethod.Put, $"/v1/playlists/{id}/items",
                new { range_start = expected.Count - 10, range_length = 10, insert_before = position + 1 });
            Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
            var range = expected[^10..];
            expected.RemoveRange(expected.Count - 10, 10);
            expected.InsertRange(position + 1, range);
        }

        Assert.Equal(expected, await user.UrisAsync(id));
    }

    [Fact]
    public async Task Uris_in_the_query_win_over_the_body()
    {
        var uris = (await server.CatalogAsync()).TrackUris(2);
        using var user = await PlaylistUser.CreateAsync(server);
        var id = await user.CreatePlaylistAsync();

        using var response = await user.Client.SendJsonAsync(HttpMethod.Post, $"/v1/playlists/{id}/tracks?uris={uris[0]}", new { uris = new[] { uris[1] } });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal([uris[0]], await user.UrisAsync(id));
    }

    [Fact]
    public async Task An_item_page_says_who_added_what_and_when()
    {
        var catalog = await server.CatalogAsync();
        var uris = catalog.TrackUris(1);
        var episode = catalog.Episodes.Keys.Min(StringComparer.Ordinal)!;
        using var user = await PlaylistUser.CreateAsync(server);
        var id = await user.CreatePlaylistAsync();
        await user.AddAsync(id, [uris[0], $"spotify:episode:{episode}"]);

        var page = await user.Client.GetOkAsync($"/v1/playlists/{id}/items?additional_types=track,episode", "/playlists/{playlist_id}/items");

        var items = page.Array();
        Assert.Equal(2, page.Int("total"));
        Assert.Equal(server.Clock.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture), items[0].Str("added_at"));
        Assert.Equal(user.Id, items[0].GetProperty("added_by").Str("id"));
        Assert.False(items[0].GetProperty("is_local").GetBoolean());
        Assert.Equal(uris[0], items[0].GetProperty("item").Str("uri"));
        Assert.Equal(uris[0], items[0].GetProperty("track").Str("uri"));
        Assert.Equal("episode", items[1].GetProperty("item").Str("type"));
    }

    [Fact]
    public async Task Without_episode_in_additional_types_an_episode_item_is_null()
    {
        var episode = (await server.CatalogAsync()).Episodes.Keys.Min(StringComparer.Ordinal)!;
        using var user = await PlaylistUser.CreateAsync(server);
        var id = await user.CreatePlaylistAsync();
        await user.AddAsync(id, [$"spotify:episode:{episode}"]);

        using var response = await user.Client.GetAsync($"/v1/playlists/{id}/items");
        var page = await response.JsonAsync();

        Assert.Equal(System.Text.Json.JsonValueKind.Null, page.Array()[0].GetProperty("track").ValueKind);
    }

    [Theory]
    [InlineData("tracks", 100)]
    [InlineData("items", 50)]
    public async Task Item_pages_have_their_limits_and_walk_to_the_end(string path, int maxLimit)
    {
        var uris = (await server.CatalogAsync()).TrackUris(100);
        using var user = await PlaylistUser.CreateAsync(server);
        var id = await user.CreatePlaylistAsync();
        await user.AddAsync(id, uris[..60]);
        await user.AddAsync(id, uris[60..]);

        var all = await user.Client.WalkPagesAsync(server.BaseAddress, $"/v1/playlists/{id}/{path}?offset=0&limit=30", $"/playlists/{{playlist_id}}/{path}");

        Assert.Equal(uris, all.Select(i => i.GetProperty("track").Str("uri")));
        // Spotify's newer name for the entry's object is on the /items path only.
        Assert.All(all, i => Assert.Equal(path == "items", i.Has("item")));
        await user.Client.AssertBadRequestAsync($"/v1/playlists/{id}/{path}?limit={maxLimit + 1}", "Invalid limit");
        await user.Client.AssertBadRequestAsync($"/v1/playlists/{id}/{path}?limit=0", "Invalid limit");
        await user.Client.GetOkAsync($"/v1/playlists/{id}/{path}?limit={maxLimit}", $"/playlists/{{playlist_id}}/{path}");
        await user.Client.AssertBadRequestAsync($"/v1/playlists/{id}/{path}?offset=-1", "Invalid offset");
    }

    [Fact]
    public async Task At_most_100_items_go_in_per_request()
    {
        var uris = (await server.CatalogAsync()).TrackUris(101);
        using var user = await PlaylistUser.CreateAsync(server);
        var id = await user.CreatePlaylistAsync();

        using var tooMany = await user.Client.SendJsonAsync(HttpMethod.Post, $"/v1/playlists/{id}/items", new { uris });
        using var replaceTooMany = await user.Client.SendJsonAsync(HttpMethod.Put, $"/v1/playlists/{id}/items", new { uris });
        using var hundred = await user.Client.SendJsonAsync(HttpMethod.Post, $"/v1/playlists/{id}/items", new { uris = uris[..100] });

        await ErrorAssert.IsAsync(tooMany, 400, "You can add a maximum of 100 tracks per request.");
        await ErrorAssert.IsAsync(replaceTooMany, 400, "You can set a maximum of 100 tracks per request.");
        Assert.Equal(HttpStatusCode.Created, hundred.StatusCode);
        Assert.Equal(100, (await user.UrisAsync(id)).Count);
    }

    [Theory]
    [InlineData("{\"uris\":[\"spotify:track:0000000000000000000000\"]}", "Payload contains a non-existing ID")]
    [InlineData("{\"uris\":[\"spotify:album:0000000000000000000000\"]}", "Invalid track uri: spotify:album:0000000000000000000000")]
    [InlineData("{\"uris\":[\"nonsense\"]}", "Invalid track uri: nonsense")]
    [InlineData("{\"uris\":[\"spotify:local:A:B:C:120\"]}", "Local files cannot be added through the Web API")]
    [InlineData("{\"uris\":[]}", "No uris provided")]
    [InlineData("{}", "No uris provided")]
    [InlineData("{\"uris\":[\"spotify:track:0000000000000000000000\"],\"position\":5}", "Payload contains a non-existing ID")]
    [InlineData("{\"uris\":", "Malformed json")]
    [InlineData("{\"uris\":\"spotify:track:x\"}", "Malformed json")]
    public async Task Bad_adds_are_400_and_change_nothing(string body, string message)
    {
        using var user = await PlaylistUser.CreateAsync(server);
        var id = await user.CreatePlaylistAsync();
        var before = await user.SnapshotAsync(id);

        using var response = await user.Client.SendRawAsync(HttpMethod.Post, $"/v1/playlists/{id}/items", body);

        await ErrorAssert.IsAsync(response, 400, message);
        Assert.Equal(before, await user.SnapshotAsync(id));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(2)]
    public async Task A_position_outside_the_playlist_is_400(int position)
    {
        var uris = (await server.CatalogAsync()).TrackUris(2);
        using var user = await PlaylistUser.CreateAsync(server);
        var id = await user.CreatePlaylistAsync();
        await user.AddAsync(id, [uris[0]]);

        using var response = await user.Client.SendJsonAsync(HttpMethod.Post, $"/v1/playlists/{id}/items", new { uris = new[] { uris[1] }, position });

        await ErrorAssert.IsAsync(response, 400, "Index out of bounds");
        Assert.Equal([uris[0]], await user.UrisAsync(id));
    }

    [Theory]
    [InlineData(0, 1, 5, new[] { 1, 2, 3, 4, 0 })]
    [InlineData(4, 1, 0, new[] { 4, 0, 1, 2, 3 })]
    [InlineData(1, 2, 4, new[] { 0, 3, 1, 2, 4 })]
    [InlineData(3, 2, 1, new[] { 0, 3, 4, 1, 2 })]
    [InlineData(1, 2, 2, new[] { 0, 1, 2, 3, 4 })]
    public async Task Reordering_moves_the_range_before_the_item_at_insert_before(int start, int length, int before, int[] expected)
    {
        var uris = (await server.CatalogAsync()).TrackUris(5);
        using var user = await PlaylistUser.CreateAsync(server);
        var id = await user.CreatePlaylistAsync();
        var added = await user.AddAsync(id, uris);

        using var response = await user.Client.SendJsonAsync(HttpMethod.Put, $"/v1/playlists/{id}/tracks",
            new { range_start = start, range_length = length, insert_before = before });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await SpotifySpec.AssertMatchesAsync(response, "PUT", "/playlists/{playlist_id}/tracks");
        Assert.NotEqual(added, (await response.JsonAsync()).Str("snapshot_id"));
        Assert.Equal(expected.Select(i => uris[i]), await user.UrisAsync(id));
    }

    [Theory]
    [InlineData("{\"range_start\":5,\"insert_before\":0}", "Index out of bounds")]
    [InlineData("{\"range_start\":0,\"insert_before\":6}", "Index out of bounds")]
    [InlineData("{\"range_start\":4,\"range_length\":2,\"insert_before\":0}", "Index out of bounds")]
    [InlineData("{\"range_start\":0,\"range_length\":0,\"insert_before\":2}", "Index out of bounds")]
    [InlineData("{\"range_start\":-1,\"insert_before\":2}", "Index out of bounds")]
    [InlineData("{\"insert_before\":2}", "Missing range_start or insert_before")]
    [InlineData("", "Missing range_start or insert_before")]
    [InlineData("{\"range_start\":\"0\",\"insert_before\":2}", "Malformed json")]
    [InlineData("{\"range_start\":0,\"insert_before\":2,\"snapshot_id\":\"nonsense\"}", "Invalid snapshot id")]
    public async Task Bad_reorders_are_400_and_change_nothing(string body, string message)
    {
        var uris = (await server.CatalogAsync()).TrackUris(5);
        using var user = await PlaylistUser.CreateAsync(server);
        var id = await user.CreatePlaylistAsync();
        await user.AddAsync(id, uris);

        using var response = await user.Client.SendRawAsync(HttpMethod.Put, $"/v1/playlists/{id}/items", body);

        await ErrorAssert.IsAsync(response, 400, message);
        Assert.Equal(uris, await user.UrisAsync(id));
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Replacing_sets_exactly_the_items_given(string path)
    {
        var uris = (await server.CatalogAsync()).TrackUris(6);
        using var user = await PlaylistUser.CreateAsync(server);
        var id = await user.CreatePlaylistAsync();
        await user.AddAsync(id, uris[..3]);

        using var replaced = await user.Client.SendJsonAsync(HttpMethod.Put, $"/v1/playlists/{id}/{path}", new { uris = uris[3..] });
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        await SpotifySpec.AssertMatchesAsync(replaced, "PUT", $"/playlists/{{playlist_id}}/{path}");
        Assert.Equal(uris[3..], await user.UrisAsync(id));

        using var cleared = await user.Client.PutAsync($"/v1/playlists/{id}/{path}?uris=", null);
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        Assert.Empty(await user.UrisAsync(id));
    }

    [Fact]
    public async Task Only_the_owner_and_collaborators_change_items()
    {
        var uris = (await server.CatalogAsync()).TrackUris(3);
        using var owner = await PlaylistUser.CreateAsync(server);
        using var stranger = await PlaylistUser.CreateAsync(server);
        var open = await owner.CreatePlaylistAsync();
        var band = await owner.CreatePlaylistAsync("Band", isPublic: false, collaborative: true);
        await owner.AddAsync(open, [uris[0]]);

        using var add = await stranger.Client.SendJsonAsync(HttpMethod.Post, $"/v1/playlists/{open}/items", new { uris = new[] { uris[1] } });
        using var remove = await stranger.Client.SendJsonAsync(HttpMethod.Delete, $"/v1/playlists/{open}/items", new { items = new[] { new { uri = uris[0] } } });
        using var reorder = await stranger.Client.SendJsonAsync(HttpMethod.Put, $"/v1/playlists/{open}/items", new { range_start = 0, insert_before = 1 });
        using var replace = await stranger.Client.SendJsonAsync(HttpMethod.Put, $"/v1/playlists/{open}/items", new { uris = new[] { uris[1] } });
        using var notJoined = await stranger.Client.SendJsonAsync(HttpMethod.Post, $"/v1/playlists/{band}/items", new { uris = new[] { uris[1] } });
        using var join = await stranger.Client.SendJsonAsync(HttpMethod.Put, $"/v1/playlists/{band}/followers", new { @public = false });
        using var joined = await stranger.Client.SendJsonAsync(HttpMethod.Post, $"/v1/playlists/{band}/items", new { uris = new[] { uris[2] } });
        using var renameAsCollaborator = await stranger.Client.SendJsonAsync(HttpMethod.Put, $"/v1/playlists/{band}", new { name = "Mine now" });

        await ErrorAssert.IsAsync(add, 403, "You cannot add tracks to a playlist you don't own.");
        await ErrorAssert.IsAsync(remove, 403, "You cannot remove tracks from a playlist you don't own.");
        await ErrorAssert.IsAsync(reorder, 403, "You cannot reorder tracks in a playlist you don't own.");
        await ErrorAssert.IsAsync(replace, 403, "You cannot add tracks to a playlist you don't own.");
        await ErrorAssert.IsAsync(notJoined, 403, "You cannot add tracks to a playlist you don't own.");
        Assert.Equal(HttpStatusCode.OK, join.StatusCode);
        Assert.Equal(HttpStatusCode.Created, joined.StatusCode);
        await ErrorAssert.IsAsync(renameAsCollaborator, 403, "You cannot change details of a playlist you don't own.");
        Assert.Equal([uris[0]], await owner.UrisAsync(open));
        var added = (await owner.Client.GetOkAsync($"/v1/playlists/{band}/items", "/playlists/{playlist_id}/items")).Array()[0];
        Assert.Equal(stranger.Id, added.GetProperty("added_by").Str("id"));
    }

    [Theory]
    [InlineData(true, "playlist-modify-private", false)]
    [InlineData(true, "playlist-modify-public", true)]
    [InlineData(false, "playlist-modify-public", false)]
    [InlineData(false, "playlist-modify-private", true)]
    public async Task Changing_items_needs_the_modify_scope_of_the_playlists_status(bool isPublic, string scope, bool allowed)
    {
        var uris = (await server.CatalogAsync()).TrackUris(1);
        using var user = await PlaylistUser.CreateAsync(server);
        var id = await user.CreatePlaylistAsync(isPublic: isPublic);
        using var client = await user.ClientWithAsync(scope);

        using var add = await client.SendJsonAsync(HttpMethod.Post, $"/v1/playlists/{id}/items", new { uris });
        using var reorder = await client.SendJsonAsync(HttpMethod.Put, $"/v1/playlists/{id}/items", new { range_start = 0, insert_before = 0 });

        if (allowed)
        {
            Assert.Equal(HttpStatusCode.Created, add.StatusCode);
            Assert.Equal(HttpStatusCode.OK, reorder.StatusCode);
        }
        else
        {
            await ErrorAssert.IsAsync(add, 403, "Insufficient client scope");
            await ErrorAssert.IsAsync(reorder, 403, "Insufficient client scope");
        }
    }

    [Fact]
    public async Task Changing_items_without_any_modify_scope_or_with_an_app_token_is_refused()
    {
        using var user = await PlaylistUser.CreateAsync(server);
        var id = await user.CreatePlaylistAsync();
        using var readOnly = await user.ClientWithAsync("playlist-read-private");
        using var app = await server.CreateAppClientAsync();

        foreach (var (method, path) in new[] { (HttpMethod.Post, "items"), (HttpMethod.Put, "items"), (HttpMethod.Delete, "items"), (HttpMethod.Post, "tracks"), (HttpMethod.Put, "tracks"), (HttpMethod.Delete, "tracks") })
        {
            using var scopeless = await readOnly.SendRawAsync(method, $"/v1/playlists/{id}/{path}", "{}");
            using var appCall = await app.SendRawAsync(method, $"/v1/playlists/{id}/{path}", "{}");
            await ErrorAssert.IsAsync(scopeless, 403, "Insufficient client scope");
            await ErrorAssert.IsAsync(appCall, 401, "Unauthorized");
        }
    }

    [Theory]
    [InlineData("0000000000000000000000", 404, "Resource not found")]
    [InlineData("not-an-id", 400, "Invalid base62 id")]
    public async Task Changing_an_unknown_or_malformed_playlist_fails(string id, int status, string message)
    {
        var uris = (await server.CatalogAsync()).TrackUris(1);
        using var user = await PlaylistUser.CreateAsync(server);

        using var add = await user.Client.SendJsonAsync(HttpMethod.Post, $"/v1/playlists/{id}/items", new { uris });
        using var reorder = await user.Client.SendJsonAsync(HttpMethod.Put, $"/v1/playlists/{id}/tracks", new { range_start = 0, insert_before = 0 });
        using var remove = await user.Client.SendJsonAsync(HttpMethod.Delete, $"/v1/playlists/{id}/tracks", new { tracks = new[] { new { uri = uris[0] } } });
        using var details = await user.Client.SendJsonAsync(HttpMethod.Put, $"/v1/playlists/{id}", new { name = "x" });

        foreach (var response in new[] { add, reorder, remove, details })
        {
            await ErrorAssert.IsAsync(response, status, message);
        }
        await user.Client.AssertErrorAsync($"/v1/playlists/{id}/items", (HttpStatusCode)status, message);
    }
}
