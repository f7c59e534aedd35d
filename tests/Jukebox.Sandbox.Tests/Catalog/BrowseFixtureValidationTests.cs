using System.Net;
using Jukebox.Testing;

namespace Jukebox.Sandbox.Tests.Catalog;

/// <summary>A category or an editorial playlist the catalog could not hold is refused with a 400 that says why.</summary>
public sealed class BrowseFixtureValidationTests(JukeboxTestServer server) : IClassFixture<JukeboxTestServer>
{
    private readonly FixtureCalls _calls = new(server);

    public static TheoryData<string, string> BadCategories => new()
    {
        { """{"id":"x"}""", "name is required" },
        { """{"id":"with space","name":"x"}""", "A category id is 1 to 64 letters, digits, _ or -" },
        { """{"name":"x","playlists":{"items":[{"name":"no id"}]}}""", "Every one of playlists.items needs an id" },
        { """{"name":"x","playlists":{"items":[{"id":"not-base62"}]}}""", "Invalid base62 id" },
        { """{"name":"x","playlists":{"items":[{"id":"0000000000000000000000"}]}}""", "Unknown playlist id 0000000000000000000000" },
        { """{"name":"x","playlists":{"items":[{"id":"EDITORIAL"},{"id":"EDITORIAL"}]}}""", "playlists.items names EDITORIAL twice" },
        { """{"name":"x","playlists":{"items":[{"id":"USERS"}]}}""", "Playlist USERS is a user's: a category lists editorial playlists (owned by spotify)" },
        { """{"name":"x","playlists":[]}""", "Malformed json" },
    };

    [Theory]
    [MemberData(nameof(BadCategories))]
    public async Task A_bad_category_is_refused_with_the_reason(string body, string message)
    {
        var editorial = await _calls.PlaylistAsync([]);
        var users = await UsersPlaylistAsync();

        var answer = await _calls.PostAsync("categories", body.Replace("EDITORIAL", editorial, StringComparison.Ordinal).Replace("USERS", users, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(message.Replace("EDITORIAL", editorial, StringComparison.Ordinal).Replace("USERS", users, StringComparison.Ordinal), answer.Message);
    }

    public static TheoryData<string, string> BadPlaylists => new()
    {
        { """{"description":"d"}""", "name is required" },
        { """{"name":"x","type":"album"}""", "type must be playlist" },
        { """{"name":"x","owner":{"id":"someone"}}""", "owner must be spotify: catalog playlists are editorial (a user's playlist is made through the Web API)" },
        { """{"name":"x","public":false}""", "An editorial playlist is public and not collaborative" },
        { """{"name":"x","collaborative":true}""", "An editorial playlist is public and not collaborative" },
        { """{"name":"x","snapshot_id":""}""", "snapshot_id must be 1 to 128 characters without spaces" },
        { """{"name":"x","items":{"items":[null]}}""", "items.items[0] must be a playlist item object" },
        { """{"name":"x","items":{"items":[{"added_at":"2024-01-01T00:00:00Z"}]}}""", "items.items[0] must name a track or an episode in item (or track)" },
        { """{"name":"x","items":{"items":[{"item":{"uri":"spotify:album:0000000000000000000000"}}]}}""", "items.items[0] must be a track or an episode, not a album" },
        { """{"name":"x","items":{"items":[{"item":{"uri":"track:1"}}]}}""", "items.items[0]: track:1 is not a Spotify uri" },
        { """{"name":"x","items":{"items":[{"item":{"id":"0000000000000000000000"}}]}}""", "items.items[0] needs a uri, or an id and a type" },
        { """{"name":"x","items":{"items":[{"item":{"uri":"spotify:local:a:b"}}]}}""", "items.items[0]: spotify:local:a:b is not a local file's uri" },
        { """{"name":"x","items":{"items":[{"added_at":"yesterday","item":{"uri":"spotify:track:0000000000000000000000"}}]}}""", "items.items[0].added_at must be a date and time such as 2024-05-17T12:00:00Z" },
        { """{"name":"x","items":{"items":[{"item":{"uri":"spotify:episode:0000000000000000000000"}}]}}""", "Unknown episode id 0000000000000000000000" },
        { """{"name":"x","items":{"items":[{"item":{"type":"track","id":"0000000000000000000000"}}]}}""", "Unknown track id 0000000000000000000000" },
        { """{"name":"x","id":"short"}""", "Invalid base62 id" },
    };

    [Theory]
    [MemberData(nameof(BadPlaylists))]
    public async Task A_bad_playlist_is_refused_with_the_reason(string body, string message)
    {
        var answer = await _calls.PostAsync("playlists", body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(message, answer.Message);
    }

    [Fact]
    public async Task A_put_naming_another_id_in_the_body_is_refused()
    {
        var playlist = await _calls.PlaylistAsync([]);
        var category = await _calls.CreateAsync("categories", new { name = "x" });

        var playlistAnswer = await _calls.PutAsync("playlists", playlist, new { id = FixtureCalls.NewId(), name = "x" });
        var categoryAnswer = await _calls.PutAsync("categories", category, new { id = "other", name = "x" });

        Assert.Equal((HttpStatusCode.BadRequest, "The id in the body is not the id in the path"), (playlistAnswer.Status, playlistAnswer.Message));
        Assert.Equal((HttpStatusCode.BadRequest, "The id in the body is not the id in the path"), (categoryAnswer.Status, categoryAnswer.Message));
        Assert.Equal(HttpStatusCode.NotFound, (await _calls.PutAsync("categories", "no_such_category", new { name = "x" })).Status);
    }

    private async Task<string> UsersPlaylistAsync()
    {
        using var demo = server.CreateClient(await State.UserScene.DemoTokenAsync(server));
        var created = await FixtureCalls.Json(await demo.PostAsync("/v1/me/playlists", FixtureCalls.JsonContent(new { name = "A user's" })));
        return created.GetProperty("id").GetString()!;
    }
}
