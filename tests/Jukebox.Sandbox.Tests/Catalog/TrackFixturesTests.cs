using System.Net;
using System.Text.Json;
using Jukebox.Testing;

namespace Jukebox.Sandbox.Tests.Catalog;

/// <summary>Tracks made, replaced and deleted through the sandbox: markets, relinking and search hold on them.</summary>
public sealed class TrackFixturesTests(JukeboxTestServer server) : IClassFixture<JukeboxTestServer>
{
    private readonly FixtureCalls _calls = new(server);

    private async Task<(string Artist, string Album)> AlbumAsync(string[]? markets = null)
    {
        var artist = await _calls.ArtistAsync();
        return (artist, await _calls.AlbumAsync(artist, [FixtureCalls.Track(artist, "Already there")], markets));
    }

    private static object Track(string artist, string album, string name, string? isrc = null, string[]? markets = null, string? id = null) => new
    {
        id, name, artists = new[] { new { id = artist } }, album = new { id = album }, duration_ms = 123_456, @explicit = true,
        available_markets = markets, external_ids = new { isrc }, preview_url = "https://example.test/preview.mp3", popularity = 77,
    };

    [Fact]
    public async Task A_created_track_is_answered_as_the_Web_API_returns_it_and_joins_its_album()
    {
        var (artist, album) = await AlbumAsync();

        var created = await _calls.PostAsync("tracks", Track(artist, album, "Second Song", "USABC2400001"));
        var read = await _calls.GetAsync($"/v1/tracks/{created.Id}");

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal(read.Text, created.Text);
        var track = read.Json;
        Assert.Equal(123_456, track.GetProperty("duration_ms").GetInt32());
        Assert.True(track.GetProperty("explicit").GetBoolean());
        Assert.Equal(2, track.GetProperty("track_number").GetInt32());
        Assert.Equal(1, track.GetProperty("disc_number").GetInt32());
        Assert.Equal("USABC2400001", track.GetProperty("external_ids").GetProperty("isrc").GetString());
        Assert.Equal("https://example.test/preview.mp3", track.GetProperty("preview_url").GetString());
        Assert.Equal(77, track.GetProperty("popularity").GetInt32());
        Assert.Equal(2, (await _calls.GetAsync($"/v1/albums/{album}")).Json.GetProperty("total_tracks").GetInt32());
    }

    [Fact]
    public async Task The_object_GET_returns_posted_again_reads_back_the_same()
    {
        var (artist, album) = await AlbumAsync();
        var id = await _calls.CreateAsync("tracks", Track(artist, album, "Round Trip"));
        var read = await _calls.GetAsync($"/v1/tracks/{id}");
        Assert.Equal(HttpStatusCode.NoContent, (await _calls.DeleteAsync("tracks", id)).Status);

        var again = await _calls.PostAsync("tracks", read.Text);

        Assert.Equal(HttpStatusCode.Created, again.Status);
        Assert.Equal(read.Text, again.Text);
        Assert.Equal(read.Text, (await _calls.GetAsync($"/v1/tracks/{id}")).Text);
    }

    [Fact]
    public async Task A_replace_changes_the_track_and_answers_it()
    {
        var (artist, album) = await AlbumAsync();
        var id = await _calls.CreateAsync("tracks", Track(artist, album, "Draft"));

        var replaced = await _calls.PutAsync("tracks", id, new
        {
            name = "Final", artists = new[] { new { id = artist } }, album = new { id = album }, duration_ms = 99_000, track_number = 9,
        });
        var read = await _calls.GetAsync($"/v1/tracks/{id}");

        Assert.Equal(HttpStatusCode.OK, replaced.Status);
        Assert.Equal(read.Text, replaced.Text);
        Assert.Equal("Final", read.Json.GetProperty("name").GetString());
        Assert.Equal(9, read.Json.GetProperty("track_number").GetInt32());
        Assert.False(read.Json.GetProperty("explicit").GetBoolean());
        Assert.Equal(JsonValueKind.Null, read.Json.GetProperty("preview_url").ValueKind);
    }

    [Fact]
    public async Task A_deleted_track_is_gone_and_a_second_delete_is_not_found()
    {
        var (artist, album) = await AlbumAsync();
        var id = await _calls.CreateAsync("tracks", Track(artist, album, "Short-lived"));

        var deleted = await _calls.DeleteAsync("tracks", id);
        var again = await _calls.DeleteAsync("tracks", id);

        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await _calls.GetAsync($"/v1/tracks/{id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, again.Status);
        Assert.Equal("No such track", again.Message);
    }

    [Fact]
    public async Task A_track_with_markets_of_its_own_is_unplayable_elsewhere()
    {
        var (artist, album) = await AlbumAsync(["SE", "US"]);
        var id = await _calls.CreateAsync("tracks", Track(artist, album, "Swedish only", markets: ["SE"]));

        var anywhere = (await _calls.GetAsync($"/v1/tracks/{id}")).Json;
        var inSweden = (await _calls.GetAsync($"/v1/tracks/{id}?market=SE")).Json;
        var inUs = (await _calls.GetAsync($"/v1/tracks/{id}?market=US")).Json;

        Assert.Equal(["SE"], anywhere.GetProperty("available_markets").EnumerateArray().Select(m => m.GetString()));
        Assert.True(inSweden.GetProperty("is_playable").GetBoolean());
        Assert.False(inUs.GetProperty("is_playable").GetBoolean());
        Assert.Equal("market", inUs.GetProperty("restrictions").GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Tracks_sharing_an_isrc_are_relinked_to_the_instance_playable_in_the_market()
    {
        var (artist, swedishAlbum) = await AlbumAsync(["SE"]);
        var americanAlbum = await _calls.AlbumAsync(artist, [FixtureCalls.Track(artist, "Filler")], ["US"]);
        var requested = await _calls.CreateAsync("tracks", Track(artist, swedishAlbum, "Hit", "SEXYZ2400042"));
        var instance = await _calls.CreateAsync("tracks", Track(artist, americanAlbum, "Hit", "SEXYZ2400042"));

        var inUs = (await _calls.GetAsync($"/v1/tracks/{requested}?market=US")).Json;
        var inSweden = (await _calls.GetAsync($"/v1/tracks/{requested}?market=SE")).Json;
        var inFrance = (await _calls.GetAsync($"/v1/tracks/{requested}?market=FR")).Json;

        Assert.Equal(instance, inUs.GetProperty("id").GetString());
        Assert.Equal(requested, inUs.GetProperty("linked_from").GetProperty("id").GetString());
        Assert.True(inUs.GetProperty("is_playable").GetBoolean());
        Assert.Equal(requested, inSweden.GetProperty("id").GetString());
        Assert.False(inSweden.TryGetProperty("linked_from", out _));
        Assert.False(inFrance.GetProperty("is_playable").GetBoolean());
    }

    [Fact]
    public async Task Search_finds_a_created_track_at_once()
    {
        var (artist, album) = await AlbumAsync();

        var id = await _calls.CreateAsync("tracks", Track(artist, album, "Quixotic Zephyr Lullaby"));
        var found = (await _calls.GetAsync("/v1/search?q=quixotic%20zephyr&type=track")).Json;

        Assert.Contains(id, found.GetProperty("tracks").GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task A_track_a_user_saved_is_not_deleted()
    {
        var (artist, album) = await AlbumAsync();
        var id = await _calls.CreateAsync("tracks", Track(artist, album, "Kept by a user"));
        using var user = server.CreateClient(await OAuthClient.Demo(server).SandboxUserTokenAsync(JukeboxTestServer.DemoUserId, "user-library-modify"));
        using (var save = await user.PutAsync($"/v1/me/tracks?ids={id}", null))
        {
            Assert.True(save.IsSuccessStatusCode, $"{(int)save.StatusCode}");
        }

        var refused = await _calls.DeleteAsync("tracks", id);

        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Equal("The track is in a user's library: remove it there first (or reset the sandbox)", refused.Message);
    }
}
