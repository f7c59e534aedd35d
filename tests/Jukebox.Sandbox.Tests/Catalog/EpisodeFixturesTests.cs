using System.Net;
using Jukebox.Testing;

namespace Jukebox.Sandbox.Tests.Catalog;

/// <summary>Episodes made, replaced and deleted on their own through the sandbox.</summary>
public sealed class EpisodeFixturesTests(JukeboxTestServer server) : IClassFixture<JukeboxTestServer>
{
    private readonly FixtureCalls _calls = new(server);

    private static object Episode(string show, string name, string? id = null) => new
    {
        id, name, show = new { id = show }, description = "On its own", duration_ms = 654_321, @explicit = true, language = "de",
        release_date = "2025-01-02", audio_preview_url = "https://example.test/clip.mp3",
    };

    [Fact]
    public async Task A_created_episode_is_answered_as_the_Web_API_returns_it_and_is_its_shows_newest()
    {
        var show = await _calls.ShowAsync([FixtureCalls.Episode("Older")]);

        var created = await _calls.PostAsync("episodes", Episode(show, "Newer"));
        var read = await _calls.GetAsync($"/v1/episodes/{created.Id}");

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal(read.Text, created.Text);
        var episode = read.Json;
        Assert.Equal(654_321, episode.GetProperty("duration_ms").GetInt32());
        Assert.True(episode.GetProperty("explicit").GetBoolean());
        Assert.Equal("de", episode.GetProperty("language").GetString());
        Assert.Equal("https://example.test/clip.mp3", episode.GetProperty("audio_preview_url").GetString());
        var items = (await _calls.GetAsync($"/v1/shows/{show}")).Json.GetProperty("episodes").GetProperty("items");
        Assert.Equal(created.Id, items[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task The_object_GET_returns_posted_again_reads_back_the_same()
    {
        var show = await _calls.ShowAsync([]);
        var id = await _calls.CreateAsync("episodes", Episode(show, "Round trip"));
        var read = await _calls.GetAsync($"/v1/episodes/{id}");
        Assert.Equal(HttpStatusCode.NoContent, (await _calls.DeleteAsync("episodes", id)).Status);

        var again = await _calls.PostAsync("episodes", read.Text);

        Assert.Equal(HttpStatusCode.Created, again.Status);
        Assert.Equal(read.Text, again.Text);
    }

    [Fact]
    public async Task A_replace_changes_the_episode_and_keeps_its_place()
    {
        var (first, second) = (FixtureCalls.NewId(), FixtureCalls.NewId());
        var show = await _calls.ShowAsync([FixtureCalls.Episode("Second", second), FixtureCalls.Episode("First", first)]);

        var replaced = await _calls.PutAsync("episodes", first, Episode(show, "First, remastered"));
        var items = (await _calls.GetAsync($"/v1/shows/{show}")).Json.GetProperty("episodes").GetProperty("items");

        Assert.Equal(HttpStatusCode.OK, replaced.Status);
        Assert.Equal("First, remastered", replaced.Json.GetProperty("name").GetString());
        Assert.Equal([second, first], items.EnumerateArray().Select(e => e.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task An_episode_id_a_chapter_or_another_episode_has_is_a_conflict()
    {
        var taken = FixtureCalls.NewId();
        var show = await _calls.ShowAsync([FixtureCalls.Episode("Taken", taken)]);

        var again = await _calls.PostAsync("episodes", Episode(show, "Again", taken));

        Assert.Equal((HttpStatusCode.Conflict, $"An episode or chapter with id {taken} exists"), (again.Status, again.Message));
    }

    [Fact]
    public async Task A_deleted_episode_is_gone_and_a_second_delete_is_not_found()
    {
        var show = await _calls.ShowAsync([]);
        var id = await _calls.CreateAsync("episodes", Episode(show, "Short lived"));

        Assert.Equal(HttpStatusCode.NoContent, (await _calls.DeleteAsync("episodes", id)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await _calls.GetAsync($"/v1/episodes/{id}")).Status);
        var again = await _calls.DeleteAsync("episodes", id);
        Assert.Equal((HttpStatusCode.NotFound, "No such episode"), (again.Status, again.Message));
    }

    [Fact]
    public async Task An_episode_a_user_saved_is_not_deleted()
    {
        var show = await _calls.ShowAsync([]);
        var id = await _calls.CreateAsync("episodes", Episode(show, "Kept by a user"));
        using var user = server.CreateClient(await OAuthClient.Demo(server).SandboxUserTokenAsync(JukeboxTestServer.DemoUserId, "user-library-modify"));
        using (var save = await user.PutAsync($"/v1/me/episodes?ids={id}", null))
        {
            Assert.True(save.IsSuccessStatusCode, $"{(int)save.StatusCode}");
        }

        var refused = await _calls.DeleteAsync("episodes", id);

        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Equal("The episode is in a user's library: remove it there first (or reset the sandbox)", refused.Message);
    }
}
