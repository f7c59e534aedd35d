using System.Net;
using System.Text.Json;
using Jukebox.Testing;

namespace Jukebox.Sandbox.Tests.Catalog;

/// <summary>Albums with their tracks made, replaced and deleted through the sandbox.</summary>
public sealed class AlbumFixturesTests(JukeboxTestServer server) : IClassFixture<JukeboxTestServer>
{
    private readonly FixtureCalls _calls = new(server);

    private static string[] TrackIds(JsonElement album) =>
        [.. album.GetProperty("tracks").GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetString()!)];

    [Fact]
    public async Task A_created_album_is_answered_as_the_Web_API_returns_it_with_its_tracks()
    {
        var artist = await _calls.ArtistAsync();
        var second = FixtureCalls.NewId();

        var created = await _calls.PostAsync("albums", new
        {
            name = "Fixture LP", album_type = "compilation", artists = new[] { new { id = artist } }, release_date = "2023-02",
            label = "Test Records", genres = new[] { "jazz" }, popularity = 12, available_markets = new[] { "SE", "NO" },
            copyrights = new[] { new { text = "(C) 2023 Test", type = "C" }, new { text = "(P) 2023 Test", type = "P" } },
            external_ids = new { upc = "123456789012" },
            tracks = new { items = new object[] { FixtureCalls.Track(artist, "Side B", second), FixtureCalls.Track(artist, "Opener") } },
        });
        var read = await _calls.GetAsync($"/v1/albums/{created.Id}");

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal(read.Text, created.Text);
        var album = read.Json;
        Assert.Equal("compilation", album.GetProperty("album_type").GetString());
        Assert.Equal("month", album.GetProperty("release_date_precision").GetString());
        Assert.Equal("123456789012", album.GetProperty("external_ids").GetProperty("upc").GetString());
        Assert.Equal(2, album.GetProperty("total_tracks").GetInt32());
        Assert.Equal(second, TrackIds(album)[0]);
        Assert.Equal([1, 2], album.GetProperty("tracks").GetProperty("items").EnumerateArray().Select(t => t.GetProperty("track_number").GetInt32()));
        var track = (await _calls.GetAsync($"/v1/tracks/{second}")).Json;
        Assert.Equal(created.Id, track.GetProperty("album").GetProperty("id").GetString());
        Assert.Equal(["SE", "NO"], track.GetProperty("available_markets").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public async Task The_object_GET_returns_posted_again_reads_back_the_same()
    {
        var artist = await _calls.ArtistAsync();
        var id = await _calls.AlbumAsync(artist, [FixtureCalls.Track(artist, "One"), FixtureCalls.Track(artist, "Two")]);
        var read = await _calls.GetAsync($"/v1/albums/{id}");
        Assert.Equal(HttpStatusCode.NoContent, (await _calls.DeleteAsync("albums", id)).Status);

        var again = await _calls.PostAsync("albums", read.Text);

        Assert.Equal(HttpStatusCode.Created, again.Status);
        Assert.Equal(read.Text, again.Text);
        Assert.Equal(read.Text, (await _calls.GetAsync($"/v1/albums/{id}")).Text);
    }

    [Fact]
    public async Task A_replace_with_tracks_makes_them_the_albums_tracks()
    {
        var artist = await _calls.ArtistAsync();
        var (kept, dropped, added) = (FixtureCalls.NewId(), FixtureCalls.NewId(), FixtureCalls.NewId());
        var id = await _calls.AlbumAsync(artist, [FixtureCalls.Track(artist, "Kept", kept), FixtureCalls.Track(artist, "Dropped", dropped)]);
        var isrc = (await _calls.GetAsync($"/v1/tracks/{kept}")).Json.GetProperty("external_ids").GetProperty("isrc").GetString();

        var replaced = await _calls.PutAsync("albums", id, new
        {
            name = "Second Edition", artists = new[] { new { id = artist } }, release_date = "2025",
            tracks = new { items = new[] { FixtureCalls.Track(artist, "Added", added), FixtureCalls.Track(artist, "Kept, renamed", kept) } },
        });
        var read = await _calls.GetAsync($"/v1/albums/{id}");

        Assert.Equal(HttpStatusCode.OK, replaced.Status);
        Assert.Equal(read.Text, replaced.Text);
        Assert.Equal("Second Edition", read.Json.GetProperty("name").GetString());
        Assert.Equal([added, kept], TrackIds(read.Json));
        Assert.Equal(HttpStatusCode.NotFound, (await _calls.GetAsync($"/v1/tracks/{dropped}")).Status);
        var keptTrack = (await _calls.GetAsync($"/v1/tracks/{kept}")).Json;
        Assert.Equal("Kept, renamed", keptTrack.GetProperty("name").GetString());
        Assert.Equal(isrc, keptTrack.GetProperty("external_ids").GetProperty("isrc").GetString());
    }

    [Fact]
    public async Task A_replace_without_tracks_keeps_the_albums_tracks()
    {
        var artist = await _calls.ArtistAsync();
        var track = FixtureCalls.NewId();
        var id = await _calls.AlbumAsync(artist, [FixtureCalls.Track(artist, "Stays", track)]);

        var replaced = await _calls.PutAsync("albums", id, new { name = "Renamed", artists = new[] { new { id = artist } } });

        Assert.Equal(HttpStatusCode.OK, replaced.Status);
        Assert.Equal([track], TrackIds(replaced.Json));
    }

    [Fact]
    public async Task Deleting_an_album_deletes_its_tracks()
    {
        var artist = await _calls.ArtistAsync();
        var track = FixtureCalls.NewId();
        var id = await _calls.AlbumAsync(artist, [FixtureCalls.Track(artist, "Goes too", track)]);

        var deleted = await _calls.DeleteAsync("albums", id);

        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await _calls.GetAsync($"/v1/albums/{id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await _calls.GetAsync($"/v1/tracks/{track}")).Status);
        Assert.Equal("No such album", (await _calls.DeleteAsync("albums", id)).Message);
    }

    [Fact]
    public async Task An_album_with_a_bad_track_is_not_written_at_all()
    {
        var artist = await _calls.ArtistAsync();
        var (album, good) = (FixtureCalls.NewId(), FixtureCalls.NewId());
        var unknown = FixtureCalls.NewId();

        var refused = await _calls.PostAsync("albums", new
        {
            id = album, name = "Half", artists = new[] { new { id = artist } },
            tracks = new { items = new[] { FixtureCalls.Track(artist, "Good", good), FixtureCalls.Track(unknown, "Bad") } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal($"Unknown artist id {unknown}", refused.Message);
        Assert.Equal(HttpStatusCode.NotFound, (await _calls.GetAsync($"/v1/albums/{album}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await _calls.GetAsync($"/v1/tracks/{good}")).Status);
    }

    [Fact]
    public async Task An_album_whose_track_a_user_saved_is_not_deleted()
    {
        var artist = await _calls.ArtistAsync();
        var track = FixtureCalls.NewId();
        var id = await _calls.AlbumAsync(artist, [FixtureCalls.Track(artist, "Saved", track)]);
        using var user = server.CreateClient(await OAuthClient.Demo(server).SandboxUserTokenAsync(JukeboxTestServer.DemoUserId, "user-library-modify"));
        using (var save = await user.PutAsync($"/v1/me/tracks?ids={track}", null))
        {
            Assert.True(save.IsSuccessStatusCode, $"{(int)save.StatusCode}");
        }

        var refused = await _calls.DeleteAsync("albums", id);

        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Equal("A track of the album is in a user's library: remove it there first (or reset the sandbox)", refused.Message);
        Assert.Equal(HttpStatusCode.OK, (await _calls.GetAsync($"/v1/tracks/{track}")).Status);
    }
}
