using System.Net;
using System.Text.Json;
using Jukebox.Testing;

namespace Jukebox.Sandbox.Tests.Catalog;

/// <summary>Shows with their episodes made, replaced and deleted through the sandbox.</summary>
public sealed class ShowFixturesTests(JukeboxTestServer server) : IClassFixture<JukeboxTestServer>
{
    private readonly FixtureCalls _calls = new(server);

    private static string[] EpisodeIds(JsonElement show) =>
        [.. show.GetProperty("episodes").GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetString()!)];

    [Fact]
    public async Task A_created_show_is_answered_as_the_Web_API_returns_it_with_its_episodes_newest_first()
    {
        var (newest, oldest) = (FixtureCalls.NewId(), FixtureCalls.NewId());

        var created = await _calls.PostAsync("shows", new
        {
            name = "Fixture Talk", publisher = "Test Media", description = "Talk & more", @explicit = true,
            languages = new[] { "sv", "en-US" }, media_type = "mixed", is_externally_hosted = true, available_markets = new[] { "SE" },
            copyrights = new[] { new { text = "(C) Test Media", type = "C" } },
            episodes = new { items = new[] { FixtureCalls.Episode("Part two", newest, "2024-06"), FixtureCalls.Episode("Part one", oldest) } },
        });
        var read = await _calls.GetAsync($"/v1/shows/{created.Id}");

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal(read.Text, created.Text);
        var show = read.Json;
        Assert.Equal("Test Media", show.GetProperty("publisher").GetString());
        Assert.Equal("<p>Talk &amp; more</p>", show.GetProperty("html_description").GetString());
        Assert.Equal("mixed", show.GetProperty("media_type").GetString());
        Assert.Equal(["sv", "en-US"], show.GetProperty("languages").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal("(C) Test Media", show.GetProperty("copyrights")[0].GetProperty("text").GetString());
        Assert.Equal(2, show.GetProperty("total_episodes").GetInt32());
        Assert.Equal([newest, oldest], EpisodeIds(show));
        var episode = (await _calls.GetAsync($"/v1/episodes/{newest}")).Json;
        Assert.Equal(created.Id, episode.GetProperty("show").GetProperty("id").GetString());
        Assert.Equal("month", episode.GetProperty("release_date_precision").GetString());
        Assert.Equal(["sv", "en-US"], episode.GetProperty("languages").EnumerateArray().Select(l => l.GetString()));
    }

    [Fact]
    public async Task The_object_GET_returns_posted_again_reads_back_the_same()
    {
        var id = await _calls.ShowAsync([FixtureCalls.Episode("Two"), FixtureCalls.Episode("One")]);
        var read = await _calls.GetAsync($"/v1/shows/{id}");
        Assert.Equal(HttpStatusCode.NoContent, (await _calls.DeleteAsync("shows", id)).Status);

        var again = await _calls.PostAsync("shows", read.Text);

        Assert.Equal(HttpStatusCode.Created, again.Status);
        Assert.Equal(read.Text, again.Text);
        Assert.Equal(read.Text, (await _calls.GetAsync($"/v1/shows/{id}")).Text);
    }

    [Fact]
    public async Task Creating_a_show_id_that_exists_is_a_conflict()
    {
        var id = await _calls.ShowAsync([]);

        var again = await _calls.PostAsync("shows", new { id, name = "Twice" });

        Assert.Equal((HttpStatusCode.Conflict, $"A show with id {id} exists"), (again.Status, again.Message));
        Assert.Equal("Fixture Show", (await _calls.GetAsync($"/v1/shows/{id}")).Json.GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_replace_with_episodes_makes_them_the_shows_episodes()
    {
        var (kept, dropped, added) = (FixtureCalls.NewId(), FixtureCalls.NewId(), FixtureCalls.NewId());
        var id = await _calls.ShowAsync([FixtureCalls.Episode("Kept", kept), FixtureCalls.Episode("Dropped", dropped)]);

        var replaced = await _calls.PutAsync("shows", id, new
        {
            name = "Second Season", episodes = new { items = new[] { FixtureCalls.Episode("Added", added), FixtureCalls.Episode("Kept, renamed", kept) } },
        });
        var read = await _calls.GetAsync($"/v1/shows/{id}");

        Assert.Equal(HttpStatusCode.OK, replaced.Status);
        Assert.Equal(read.Text, replaced.Text);
        Assert.Equal("Second Season", read.Json.GetProperty("name").GetString());
        Assert.Equal([added, kept], EpisodeIds(read.Json));
        Assert.Equal(HttpStatusCode.NotFound, (await _calls.GetAsync($"/v1/episodes/{dropped}")).Status);
        Assert.Equal("Kept, renamed", (await _calls.GetAsync($"/v1/episodes/{kept}")).Json.GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_replace_without_episodes_keeps_the_shows_episodes()
    {
        var episode = FixtureCalls.NewId();
        var id = await _calls.ShowAsync([FixtureCalls.Episode("Stays", episode)]);

        var replaced = await _calls.PutAsync("shows", id, new { name = "Renamed" });

        Assert.Equal(HttpStatusCode.OK, replaced.Status);
        Assert.Equal([episode], EpisodeIds(replaced.Json));
    }

    [Fact]
    public async Task Deleting_a_show_deletes_its_episodes()
    {
        var episode = FixtureCalls.NewId();
        var id = await _calls.ShowAsync([FixtureCalls.Episode("Goes too", episode)]);

        var deleted = await _calls.DeleteAsync("shows", id);

        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await _calls.GetAsync($"/v1/shows/{id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await _calls.GetAsync($"/v1/episodes/{episode}")).Status);
        Assert.Equal("No such show", (await _calls.DeleteAsync("shows", id)).Message);
    }

    [Fact]
    public async Task A_show_with_a_bad_episode_is_not_written_at_all()
    {
        var (show, good) = (FixtureCalls.NewId(), FixtureCalls.NewId());

        var refused = await _calls.PostAsync("shows", new
        {
            id = show, name = "Half", episodes = new { items = new object[] { FixtureCalls.Episode("Good", good), new { name = "Bad" } } },
        });

        Assert.Equal((HttpStatusCode.BadRequest, "duration_ms is required"), (refused.Status, refused.Message));
        Assert.Equal(HttpStatusCode.NotFound, (await _calls.GetAsync($"/v1/shows/{show}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await _calls.GetAsync($"/v1/episodes/{good}")).Status);
    }

    [Fact]
    public async Task A_show_only_in_some_markets_has_its_episodes_unplayable_elsewhere()
    {
        var episode = FixtureCalls.NewId();
        await _calls.ShowAsync([FixtureCalls.Episode("Swedish only", episode)], ["SE"]);

        var inSweden = (await _calls.GetAsync($"/v1/episodes/{episode}?market=SE")).Json;
        var inUs = (await _calls.GetAsync($"/v1/episodes/{episode}?market=US")).Json;

        Assert.True(inSweden.GetProperty("is_playable").GetBoolean());
        Assert.False(inUs.GetProperty("is_playable").GetBoolean());
        Assert.Equal("market", inUs.GetProperty("restrictions").GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Search_finds_a_created_show_at_once()
    {
        var id = await _calls.CreateAsync("shows", new { name = "Quixotic Zephyr Hour" });

        var found = (await _calls.GetAsync("/v1/search?q=quixotic%20zephyr&type=show&market=SE")).Json;

        Assert.Contains(id, found.GetProperty("shows").GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task A_show_a_user_saved_is_not_deleted()
    {
        var id = await _calls.ShowAsync([FixtureCalls.Episode()]);
        using var user = server.CreateClient(await OAuthClient.Demo(server).SandboxUserTokenAsync(JukeboxTestServer.DemoUserId, "user-library-modify"));
        using (var save = await user.PutAsync($"/v1/me/shows?ids={id}", null))
        {
            Assert.True(save.IsSuccessStatusCode, $"{(int)save.StatusCode}");
        }

        var refused = await _calls.DeleteAsync("shows", id);

        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Equal("The show is in a user's library: remove it there first (or reset the sandbox)", refused.Message);
    }
}
