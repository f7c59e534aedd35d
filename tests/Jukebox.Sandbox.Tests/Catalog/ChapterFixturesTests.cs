using System.Net;
using Jukebox.Testing;

namespace Jukebox.Sandbox.Tests.Catalog;

/// <summary>Chapters made, replaced and deleted on their own through the sandbox.</summary>
public sealed class ChapterFixturesTests(JukeboxTestServer server) : IClassFixture<JukeboxTestServer>
{
    private readonly FixtureCalls _calls = new(server);

    private static object Chapter(string book, string name, string? id = null, int? number = null) => new
    {
        id, name, audiobook = new { id = book }, chapter_number = number, description = "On its own", duration_ms = 321_000,
        languages = new[] { "en-GB" }, release_date = "2025", audio_preview_url = "https://example.test/chapter.mp3",
    };

    [Fact]
    public async Task A_created_chapter_is_answered_as_the_Web_API_returns_it_and_comes_after_the_last()
    {
        var book = await _calls.AudiobookAsync([FixtureCalls.Chapter("Zero"), FixtureCalls.Chapter("One")]);

        var created = await _calls.PostAsync("chapters", Chapter(book, "Two"));
        var read = await _calls.GetAsync($"/v1/chapters/{created.Id}");

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal(read.Text, created.Text);
        var chapter = read.Json;
        Assert.Equal(2, chapter.GetProperty("chapter_number").GetInt32());
        Assert.Equal("year", chapter.GetProperty("release_date_precision").GetString());
        Assert.Equal("en-GB", chapter.GetProperty("languages")[0].GetString());
        Assert.Equal("https://example.test/chapter.mp3", chapter.GetProperty("audio_preview_url").GetString());
    }

    [Fact]
    public async Task The_object_GET_returns_posted_again_reads_back_the_same()
    {
        var book = await _calls.AudiobookAsync([]);
        var id = await _calls.CreateAsync("chapters", Chapter(book, "Round trip"));
        var read = await _calls.GetAsync($"/v1/chapters/{id}");
        Assert.Equal(HttpStatusCode.NoContent, (await _calls.DeleteAsync("chapters", id)).Status);

        var again = await _calls.PostAsync("chapters", read.Text);

        Assert.Equal(HttpStatusCode.Created, again.Status);
        Assert.Equal(read.Text, again.Text);
    }

    [Fact]
    public async Task A_replace_changes_the_chapter_and_its_number_must_stay_free()
    {
        var (first, second) = (FixtureCalls.NewId(), FixtureCalls.NewId());
        var book = await _calls.AudiobookAsync([FixtureCalls.Chapter("First", first), FixtureCalls.Chapter("Second", second)]);

        var replaced = await _calls.PutAsync("chapters", second, Chapter(book, "Second, revised", number: 1));
        var clash = await _calls.PutAsync("chapters", second, Chapter(book, "Second", number: 0));

        Assert.Equal(HttpStatusCode.OK, replaced.Status);
        Assert.Equal("Second, revised", replaced.Json.GetProperty("name").GetString());
        Assert.Equal((HttpStatusCode.BadRequest, "The audiobook has a chapter numbered 0"), (clash.Status, clash.Message));
    }

    [Fact]
    public async Task A_chapter_id_an_episode_has_is_a_conflict()
    {
        var episode = FixtureCalls.NewId();
        await _calls.ShowAsync([FixtureCalls.Episode("Taken", episode)]);
        var book = await _calls.AudiobookAsync([]);

        var refused = await _calls.PostAsync("chapters", Chapter(book, "Same URI", episode));

        Assert.Equal((HttpStatusCode.Conflict, $"An episode or chapter with id {episode} exists"), (refused.Status, refused.Message));
    }

    [Fact]
    public async Task A_deleted_chapter_is_gone_and_a_second_delete_is_not_found()
    {
        var book = await _calls.AudiobookAsync([]);
        var id = await _calls.CreateAsync("chapters", Chapter(book, "Short lived"));

        Assert.Equal(HttpStatusCode.NoContent, (await _calls.DeleteAsync("chapters", id)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await _calls.GetAsync($"/v1/chapters/{id}")).Status);
        var again = await _calls.DeleteAsync("chapters", id);
        Assert.Equal((HttpStatusCode.NotFound, "No such chapter"), (again.Status, again.Message));
    }
}
