using System.Net;
using Jukebox.Testing;

namespace Jukebox.Sandbox.Tests.Catalog;

/// <summary>Artists made, replaced and deleted through the sandbox, as the Web API serves them afterwards.</summary>
public sealed class ArtistFixturesTests(JukeboxTestServer server) : IClassFixture<JukeboxTestServer>
{
    private readonly FixtureCalls _calls = new(server);

    [Fact]
    public async Task A_created_artist_is_answered_exactly_as_the_Web_API_returns_it()
    {
        var created = await _calls.PostAsync("artists", new { name = "Ada Fixture", genres = new[] { "synth-pop" }, popularity = 42, followers = new { total = 7 } });

        var read = await _calls.GetAsync($"/v1/artists/{created.Id}");

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.Equal(read.Text, created.Text);
        Assert.Equal("Ada Fixture", read.Json.GetProperty("name").GetString());
        Assert.Equal(42, read.Json.GetProperty("popularity").GetInt32());
        Assert.Equal(7, read.Json.GetProperty("followers").GetProperty("total").GetInt32());
        Assert.Equal(["synth-pop"], read.Json.GetProperty("genres").EnumerateArray().Select(g => g.GetString()));
    }

    [Fact]
    public async Task A_given_id_is_kept_and_a_missing_one_is_generated()
    {
        var given = FixtureCalls.NewId();

        var withId = await _calls.PostAsync("artists", new { id = given, name = "Given" });
        var withoutId = await _calls.PostAsync("artists", new { name = "Generated" });

        Assert.Equal(given, withId.Id);
        Assert.True(Jukebox.Data.Base62.IsId(withoutId.Id));
        Assert.NotEqual(given, withoutId.Id);
        Assert.Equal(HttpStatusCode.OK, (await _calls.GetAsync($"/v1/artists/{withoutId.Id}")).Status);
    }

    [Fact]
    public async Task Creating_an_id_that_exists_is_a_conflict_and_changes_nothing()
    {
        var id = await _calls.CreateAsync("artists", new { name = "First" });

        var again = await _calls.PostAsync("artists", new { id, name = "Second" });

        Assert.Equal(HttpStatusCode.Conflict, again.Status);
        Assert.Equal($"An artist with id {id} exists", again.Message);
        Assert.Equal("First", (await _calls.GetAsync($"/v1/artists/{id}")).Json.GetProperty("name").GetString());
    }

    [Fact]
    public async Task The_object_GET_returns_posted_again_reads_back_the_same()
    {
        var id = await _calls.CreateAsync("artists", new { name = "Round Trip", genres = new[] { "jazz", "soul" }, popularity = 3 });
        var read = await _calls.GetAsync($"/v1/artists/{id}");
        Assert.Equal(HttpStatusCode.NoContent, (await _calls.DeleteAsync("artists", id)).Status);

        var again = await _calls.PostAsync("artists", read.Text);

        Assert.Equal(HttpStatusCode.Created, again.Status);
        Assert.Equal(read.Text, again.Text);
        Assert.Equal(read.Text, (await _calls.GetAsync($"/v1/artists/{id}")).Text);
    }

    [Fact]
    public async Task A_replace_changes_every_field_and_answers_the_new_object()
    {
        var id = await _calls.CreateAsync("artists", new { name = "Before", genres = new[] { "rock" }, popularity = 10 });

        var replaced = await _calls.PutAsync("artists", id, new { name = "After", popularity = 90 });
        var read = await _calls.GetAsync($"/v1/artists/{id}");

        Assert.Equal(HttpStatusCode.OK, replaced.Status);
        Assert.Equal(read.Text, replaced.Text);
        Assert.Equal("After", read.Json.GetProperty("name").GetString());
        Assert.Equal(90, read.Json.GetProperty("popularity").GetInt32());
        Assert.Empty(read.Json.GetProperty("genres").EnumerateArray());
    }

    [Fact]
    public async Task Replacing_or_deleting_an_unknown_artist_is_not_found()
    {
        var id = FixtureCalls.NewId();

        var replaced = await _calls.PutAsync("artists", id, new { name = "Nobody" });
        var deleted = await _calls.DeleteAsync("artists", id);

        Assert.Equal(HttpStatusCode.NotFound, replaced.Status);
        Assert.Equal("No such artist", replaced.Message);
        Assert.Equal(HttpStatusCode.NotFound, deleted.Status);
        Assert.Equal(404, deleted.Json.GetProperty("error").GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task A_deleted_artist_is_gone_from_the_Web_API()
    {
        var id = await _calls.ArtistAsync();

        var deleted = await _calls.DeleteAsync("artists", id);

        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await _calls.GetAsync($"/v1/artists/{id}")).Status);
    }

    [Fact]
    public async Task An_artist_that_albums_credit_is_not_deleted()
    {
        var artist = await _calls.ArtistAsync();
        var album = await _calls.AlbumAsync(artist, [FixtureCalls.Track(artist)]);

        var refused = await _calls.DeleteAsync("artists", artist);

        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Equal("The artist is credited on 1 album(s) and 1 track(s): delete or change them first", refused.Message);
        Assert.Equal(HttpStatusCode.NoContent, (await _calls.DeleteAsync("albums", album)).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await _calls.DeleteAsync("artists", artist)).Status);
    }

    [Fact]
    public async Task An_artist_a_user_follows_is_not_deleted()
    {
        var artist = await _calls.ArtistAsync();
        using var user = server.CreateClient(await OAuthClient.Demo(server).SandboxUserTokenAsync(JukeboxTestServer.DemoUserId, "user-follow-modify"));
        using (var follow = await user.PutAsync($"/v1/me/following?type=artist&ids={artist}", null))
        {
            Assert.True(follow.IsSuccessStatusCode, $"{(int)follow.StatusCode}");
        }

        var refused = await _calls.DeleteAsync("artists", artist);

        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Equal("The artist is followed by a user: remove it there first (or reset the sandbox)", refused.Message);
    }
}
