using System.Net;
using System.Text.Json;
using Jukebox.Api.Tests.Http;
using Jukebox.Testing;

namespace Jukebox.Api.Tests.Playlists;

/// <summary>Getting a playlist: its object, the fields filter, markets, private playlists and local files.</summary>
[Collection(PlaylistServer.Name)]
public sealed class PlaylistReadTests(JukeboxTestServer server)
{
    [Fact]
    public async Task A_playlist_carries_its_first_hundred_items_under_both_tracks_and_items()
    {
        var uris = (await server.CatalogAsync()).TrackUris(101);
        using var user = await PlaylistUser.CreateAsync(server);
        var id = await user.CreatePlaylistAsync();
        await user.AddAsync(id, uris[..100]);
        await user.AddAsync(id, uris[100..]);

        var playlist = await user.Client.GetOkAsync($"/v1/playlists/{id}", "/playlists/{playlist_id}");

        foreach (var key in new[] { "tracks", "items" })
        {
            var page = playlist.GetProperty(key);
            Assert.Equal(101, page.Int("total"));
            Assert.Equal(100, page.Array().Count);
            Assert.Equal(uris[..100], page.Array().Select(i => i.GetProperty("track").Str("uri")));
            Assert.Contains("offset=100", page.Str("next"), StringComparison.Ordinal);
        }
        using var response = await user.Client.GetAsync($"/v1/playlists/{id}");
        Assert.True(response.Headers.CacheControl is { Private: true, MaxAge.TotalSeconds: 0 });
        Assert.NotNull(response.Headers.ETag);
    }

    [Fact]
    public async Task A_private_playlist_is_readable_by_id_by_anyone()
    {
        var uris = (await server.CatalogAsync()).TrackUris(1);
        using var owner = await PlaylistUser.CreateAsync(server);
        using var stranger = await PlaylistUser.CreateAsync(server, "user-read-private");
        var id = await owner.CreatePlaylistAsync("Secret", isPublic: false);
        await owner.AddAsync(id, uris);
        using var app = await server.CreateAppClientAsync();

        var seen = await stranger.Client.GetOkAsync($"/v1/playlists/{id}", "/playlists/{playlist_id}");
        await app.GetOkAsync($"/v1/playlists/{id}/items", "/playlists/{playlist_id}/items");

        Assert.False(seen.GetProperty("public").GetBoolean());
        Assert.Equal("Secret", seen.Str("name"));
    }

    [Theory]
    [InlineData("name,uri", new[] { "name", "uri" })]
    [InlineData("!tracks,!items,!images", new[] { "collaborative", "description", "external_urls", "followers", "href", "id", "name", "owner", "public", "snapshot_id", "type", "uri" })]
    public async Task The_fields_filter_keeps_the_fields_named(string fields, string[] expected)
    {
        using var user = await PlaylistUser.CreateAsync(server);
        var id = await user.CreatePlaylistAsync();

        var playlist = await user.Client.GetAsync($"/v1/playlists/{id}?fields={Uri.EscapeDataString(fields)}");
        var body = await playlist.JsonAsync();

        Assert.Equal(HttpStatusCode.OK, playlist.StatusCode);
        Assert.Equal(expected.Order(StringComparer.Ordinal), body.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Excluding_fields_keeps_the_others()
    {
        var uris = (await server.CatalogAsync()).TrackUris(1);
        using var user = await PlaylistUser.CreateAsync(server);
        var id = await user.CreatePlaylistAsync();
        await user.AddAsync(id, uris);

        var page = await (await user.Client.GetAsync($"/v1/playlists/{id}/tracks?fields={Uri.EscapeDataString("items.track.album(!available_markets,!images)")}")).JsonAsync();

        var album = page.Array()[0].GetProperty("track").GetProperty("album");
        Assert.False(album.Has("available_markets") || album.Has("images"));
        Assert.True(album.Has("name") && album.Has("album_type"));
    }

    [Fact]
    public async Task The_fields_filter_reaches_into_nested_and_repeated_objects()
    {
        var uris = (await server.CatalogAsync()).TrackUris(2);
        using var user = await PlaylistUser.CreateAsync(server);
        var id = await user.CreatePlaylistAsync();
        await user.AddAsync(id, uris);

        var body = await (await user.Client.GetAsync(
            $"/v1/playlists/{id}?fields={Uri.EscapeDataString("owner.id,tracks.items(added_by.id,track(name,album(!available_markets,name)))")}")).JsonAsync();
        var page = await (await user.Client.GetAsync($"/v1/playlists/{id}/items?fields={Uri.EscapeDataString("total,items(track.uri)")}")).JsonAsync();

        Assert.Equal([user.Id], body.EnumerateObject().Select(p => p.Value).Where(v => v.ValueKind == JsonValueKind.Object).Select(o => o.Str("id")).Take(1));
        var item = body.GetProperty("tracks").Array()[0];
        Assert.Equal(["added_by", "track"], item.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["id"], item.GetProperty("added_by").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["album", "name"], item.GetProperty("track").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["name"], item.GetProperty("track").GetProperty("album").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["items", "total"], page.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(uris, page.Array().Select(i => i.GetProperty("track").Str("uri")));
    }

    [Theory]
    [InlineData("name(")]
    [InlineData("tracks.(name)")]
    [InlineData(",name")]
    [InlineData("name)")]
    public async Task A_malformed_fields_filter_is_400(string fields)
    {
        using var user = await PlaylistUser.CreateAsync(server);
        var id = await user.CreatePlaylistAsync();

        await user.Client.AssertBadRequestAsync($"/v1/playlists/{id}?fields={Uri.EscapeDataString(fields)}", "Invalid fields parameter");
        await user.Client.AssertBadRequestAsync($"/v1/playlists/{id}/tracks?fields={Uri.EscapeDataString(fields)}", "Invalid fields parameter");
    }

    [Fact]
    public async Task With_a_market_tracks_are_relinked_and_without_one_they_carry_their_markets()
    {
        var catalog = await server.CatalogAsync();
        var original = catalog.AlbumRelinkedInUs().Tracks[0];
        using var user = await PlaylistUser.CreateAsync(server);
        var id = await user.CreatePlaylistAsync();
        await user.AddAsync(id, [$"spotify:track:{original.Id}"]);
        using var app = await server.CreateAppClientAsync();

        var inUs = (await app.GetOkAsync($"/v1/playlists/{id}/tracks?market=US", "/playlists/{playlist_id}/tracks")).Array()[0].GetProperty("track");
        var anywhere = (await app.GetOkAsync($"/v1/playlists/{id}/tracks", "/playlists/{playlist_id}/tracks")).Array()[0].GetProperty("track");
        var forUser = (await user.Client.GetOkAsync($"/v1/playlists/{id}", "/playlists/{playlist_id}")).GetProperty("tracks").Array()[0].GetProperty("track");

        Assert.Equal(original.InstanceIn("US").Id, inUs.Str("id"));
        Assert.Equal(original.Id, inUs.GetProperty("linked_from").Str("id"));
        Assert.True(anywhere.Has("available_markets"));
        Assert.Equal(original.InstanceIn("US").Id, forUser.Str("id"));
        await app.AssertBadRequestAsync($"/v1/playlists/{id}?market=XX", "Invalid market code");
    }

    [Fact]
    public async Task Seeded_local_files_have_the_track_object_of_the_concept_page()
    {
        using var app = await server.CreateAppClientAsync();
        var list = await app.GetOkAsync("/v1/users/spotify/playlists?limit=50", "/users/{user_id}/playlists");
        var grunge = list.Array().First(p => p.Str("name") == "Grunge").Str("id");

        var page = await app.GetPageWithLocalFilesAsync($"/v1/playlists/{grunge}/tracks?limit=5", "/playlists/{playlist_id}/tracks");
        var local = page.Array()[1];
        var track = local.GetProperty("track");

        Assert.True(local.GetProperty("is_local").GetBoolean());
        Assert.False(page.Array()[0].GetProperty("is_local").GetBoolean());
        Assert.Equal("spotify:local:The+Basement+Tapes:Garage+Demos%3A+1991:Feedback+Loop:214", track.Str("uri"));
        Assert.Equal("Feedback Loop", track.Str("name"));
        Assert.Equal(214_000, track.Int("duration_ms"));
        Assert.Equal("Garage Demos: 1991", track.GetProperty("album").Str("name"));
        Assert.Equal("The Basement Tapes", track.GetProperty("artists")[0].Str("name"));
        Assert.True(track.GetProperty("is_local").GetBoolean());
        foreach (var nullField in new[] { "id", "href", "preview_url" })
        {
            Assert.Equal(JsonValueKind.Null, track.GetProperty(nullField).ValueKind);
        }
        Assert.Equal(JsonValueKind.Null, track.GetProperty("album").GetProperty("album_type").ValueKind);
        Assert.Empty(track.GetProperty("external_urls").EnumerateObject());
        Assert.Empty(track.GetProperty("available_markets").EnumerateArray());
        Assert.Equal(0, track.Int("popularity"));
        Assert.Equal(0, track.Int("track_number"));
    }

    [Fact]
    public async Task Local_files_are_reordered_and_removed_by_position_and_snapshot()
    {
        using var user = await PlaylistUser.CreateAsync(server);
        var uris = (await server.CatalogAsync()).TrackUris(3);
        var id = await user.CreatePlaylistAsync();
        await user.AddAsync(id, uris);
        var local = await InsertLocalFileAsync(id, 1, "spotify:local:Me:Demos:First+Take:61");
        var snapshot = await user.SnapshotAsync(id);

        using var move = await user.Client.SendJsonAsync(HttpMethod.Put, $"/v1/playlists/{id}/items", new { range_start = 1, insert_before = 4, snapshot_id = snapshot });
        Assert.Equal(HttpStatusCode.OK, move.StatusCode);
        Assert.Equal([uris[0], uris[1], uris[2], local], await user.UrisAsync(id));

        using var byUri = await user.Client.SendJsonAsync(HttpMethod.Delete, $"/v1/playlists/{id}/items", new { items = new[] { new { uri = local } } });
        await ErrorAssert.IsAsync(byUri, 400, "Local files can only be removed by position");
        using var remove = await user.Client.SendJsonAsync(HttpMethod.Delete, $"/v1/playlists/{id}/items",
            new { items = new[] { new { uri = local, positions = new[] { 1 } } }, snapshot_id = snapshot });
        Assert.Equal(HttpStatusCode.OK, remove.StatusCode);
        Assert.Equal(uris, await user.UrisAsync(id));
    }

    [Theory]
    [InlineData("0000000000000000000000", 404, "Resource not found")]
    [InlineData("short", 400, "Invalid base62 id")]
    public async Task Reading_an_unknown_or_malformed_playlist_fails(string id, int status, string message)
    {
        using var app = await server.CreateAppClientAsync();

        foreach (var path in new[] { "", "/tracks", "/items", "/images" })
        {
            await app.AssertErrorAsync($"/v1/playlists/{id}{path}", (HttpStatusCode)status, message);
        }
    }

    [Fact]
    public async Task Changing_details_renames_and_flips_flags_with_the_scopes_both_states_need()
    {
        using var user = await PlaylistUser.CreateAsync(server);
        var id = await user.CreatePlaylistAsync();
        using var publicOnly = await user.ClientWithAsync("playlist-modify-public");

        using var rename = await publicOnly.SendJsonAsync(HttpMethod.Put, $"/v1/playlists/{id}", new { name = "Renamed", description = "New words" });
        using var makePrivate = await publicOnly.SendJsonAsync(HttpMethod.Put, $"/v1/playlists/{id}", new { @public = false });
        using var collaborativeWhilePublic = await user.Client.SendJsonAsync(HttpMethod.Put, $"/v1/playlists/{id}", new { collaborative = true });
        using var collaborative = await user.Client.SendJsonAsync(HttpMethod.Put, $"/v1/playlists/{id}", new { @public = false, collaborative = true });
        using var badJson = await user.Client.SendRawAsync(HttpMethod.Put, $"/v1/playlists/{id}", "{\"name\":1}");

        Assert.Equal(HttpStatusCode.OK, rename.StatusCode);
        await SpotifySpec.AssertMatchesAsync(rename, "PUT", "/playlists/{playlist_id}");
        await ErrorAssert.IsAsync(makePrivate, 403, "Insufficient client scope");
        await ErrorAssert.IsAsync(collaborativeWhilePublic, 400, "A playlist cannot be both public and collaborative");
        Assert.Equal(HttpStatusCode.OK, collaborative.StatusCode);
        await ErrorAssert.IsAsync(badJson, 400, "Malformed json");
        var playlist = await user.Client.GetOkAsync($"/v1/playlists/{id}", "/playlists/{playlist_id}");
        Assert.Equal("Renamed", playlist.Str("name"));
        Assert.Equal("New words", playlist.Str("description"));
        Assert.False(playlist.GetProperty("public").GetBoolean());
        Assert.True(playlist.GetProperty("collaborative").GetBoolean());
    }

    /// <summary>Puts a local file in a playlist the way a Spotify client would (not possible through the Web API).</summary>
    private async Task<string> InsertLocalFileAsync(string playlistId, int index, string uri)
    {
        using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(server.Services);
        var db = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Jukebox.Data.JukeboxDbContext>(scope.ServiceProvider);
        var items = db.PlaylistItems.Where(i => i.PlaylistId == playlistId).OrderBy(i => i.Position).ToList();
        db.PlaylistItems.Add(new Jukebox.Data.Entities.PlaylistItem
        {
            PlaylistId = playlistId, LocalUri = uri, Position = (items[index - 1].Position + items[index].Position) / 2, AddedAt = server.Clock.GetUtcNow(),
        });
        var playlist = db.Playlists.Single(p => p.Id == playlistId);
        playlist.ItemCount++;
        // Like every change to a playlist's items, it makes a new version.
        playlist.Version++;
        await db.SaveChangesAsync();
        return uri;
    }
}
