using System.Net;
using System.Text.Json;
using Jukebox.Testing;

namespace Jukebox.Sandbox.Tests.Catalog;

/// <summary>Audiobooks with their chapters made, replaced and deleted through the sandbox.</summary>
public sealed class AudiobookFixturesTests(JukeboxTestServer server) : IClassFixture<JukeboxTestServer>
{
    private readonly FixtureCalls _calls = new(server);

    private static string[] ChapterIds(JsonElement book) =>
        [.. book.GetProperty("chapters").GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetString()!)];

    [Fact]
    public async Task A_created_audiobook_is_answered_as_the_Web_API_returns_it_with_its_chapters()
    {
        var (first, second) = (FixtureCalls.NewId(), FixtureCalls.NewId());

        var created = await _calls.PostAsync("audiobooks", new
        {
            name = "Fixture Novel", authors = new[] { new { name = "One" }, new { name = "Two" } }, narrators = new[] { new { name = "Voice" } },
            publisher = "Test House", description = "A novel", html_description = "<b>A novel</b>", edition = "Unabridged", @explicit = true,
            languages = new[] { "en" }, available_markets = new[] { "US", "GB" }, copyrights = new[] { new { text = "(C) Test House", type = "C" } },
            chapters = new { items = new[] { FixtureCalls.Chapter("Opening", first), FixtureCalls.Chapter("Middle", second) } },
        });
        var read = await _calls.GetAsync($"/v1/audiobooks/{created.Id}");

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal(read.Text, created.Text);
        var book = read.Json;
        Assert.Equal(["One", "Two"], book.GetProperty("authors").EnumerateArray().Select(a => a.GetProperty("name").GetString()));
        Assert.Equal("Voice", book.GetProperty("narrators")[0].GetProperty("name").GetString());
        Assert.Equal("Unabridged", book.GetProperty("edition").GetString());
        Assert.Equal("<b>A novel</b>", book.GetProperty("html_description").GetString());
        Assert.Equal(2, book.GetProperty("total_chapters").GetInt32());
        Assert.Equal([first, second], ChapterIds(book));
        Assert.Equal([0, 1], book.GetProperty("chapters").GetProperty("items").EnumerateArray().Select(c => c.GetProperty("chapter_number").GetInt32()));
        var chapter = (await _calls.GetAsync($"/v1/chapters/{second}")).Json;
        Assert.Equal(created.Id, chapter.GetProperty("audiobook").GetProperty("id").GetString());
        Assert.Equal(["US", "GB"], chapter.GetProperty("available_markets").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public async Task The_object_GET_returns_posted_again_reads_back_the_same()
    {
        var id = await _calls.AudiobookAsync([FixtureCalls.Chapter("One"), FixtureCalls.Chapter("Two")]);
        var read = await _calls.GetAsync($"/v1/audiobooks/{id}");
        Assert.Equal(HttpStatusCode.NoContent, (await _calls.DeleteAsync("audiobooks", id)).Status);

        var again = await _calls.PostAsync("audiobooks", read.Text);

        Assert.Equal(HttpStatusCode.Created, again.Status);
        Assert.Equal(read.Text, again.Text);
        Assert.Equal(read.Text, (await _calls.GetAsync($"/v1/audiobooks/{id}")).Text);
    }

    [Fact]
    public async Task Creating_an_audiobook_id_that_exists_is_a_conflict()
    {
        var id = await _calls.AudiobookAsync([]);

        var again = await _calls.PostAsync("audiobooks", new { id, name = "Twice", authors = new[] { new { name = "x" } } });

        Assert.Equal((HttpStatusCode.Conflict, $"An audiobook with id {id} exists"), (again.Status, again.Message));
    }

    [Fact]
    public async Task A_replace_with_chapters_makes_them_the_audiobooks_chapters()
    {
        var (kept, dropped, added) = (FixtureCalls.NewId(), FixtureCalls.NewId(), FixtureCalls.NewId());
        var id = await _calls.AudiobookAsync([FixtureCalls.Chapter("Kept", kept), FixtureCalls.Chapter("Dropped", dropped)]);

        var replaced = await _calls.PutAsync("audiobooks", id, new
        {
            name = "Second Edition", authors = new[] { new { name = "A. Writer" } },
            chapters = new { items = new[] { FixtureCalls.Chapter("Added", added), FixtureCalls.Chapter("Kept, renamed", kept) } },
        });
        var read = await _calls.GetAsync($"/v1/audiobooks/{id}");

        Assert.Equal(HttpStatusCode.OK, replaced.Status);
        Assert.Equal(read.Text, replaced.Text);
        Assert.Equal([added, kept], ChapterIds(read.Json));
        Assert.Equal(HttpStatusCode.NotFound, (await _calls.GetAsync($"/v1/chapters/{dropped}")).Status);
        Assert.Equal("Kept, renamed", (await _calls.GetAsync($"/v1/chapters/{kept}")).Json.GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_replace_without_chapters_keeps_the_audiobooks_chapters()
    {
        var chapter = FixtureCalls.NewId();
        var id = await _calls.AudiobookAsync([FixtureCalls.Chapter("Stays", chapter)]);

        var replaced = await _calls.PutAsync("audiobooks", id, new { name = "Renamed", authors = new[] { new { name = "x" } } });

        Assert.Equal(HttpStatusCode.OK, replaced.Status);
        Assert.Equal([chapter], ChapterIds(replaced.Json));
    }

    [Fact]
    public async Task Deleting_an_audiobook_deletes_its_chapters()
    {
        var chapter = FixtureCalls.NewId();
        var id = await _calls.AudiobookAsync([FixtureCalls.Chapter("Goes too", chapter)]);

        var deleted = await _calls.DeleteAsync("audiobooks", id);

        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await _calls.GetAsync($"/v1/audiobooks/{id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await _calls.GetAsync($"/v1/chapters/{chapter}")).Status);
        Assert.Equal("No such audiobook", (await _calls.DeleteAsync("audiobooks", id)).Message);
    }

    [Fact]
    public async Task An_audiobook_only_in_some_markets_has_its_chapters_unplayable_elsewhere()
    {
        var chapter = FixtureCalls.NewId();
        await _calls.AudiobookAsync([FixtureCalls.Chapter("American only", chapter)], ["US"]);

        var inUs = (await _calls.GetAsync($"/v1/chapters/{chapter}?market=US")).Json;
        var inSweden = (await _calls.GetAsync($"/v1/chapters/{chapter}?market=SE")).Json;

        Assert.True(inUs.GetProperty("is_playable").GetBoolean());
        Assert.False(inSweden.GetProperty("is_playable").GetBoolean());
        Assert.Equal("market", inSweden.GetProperty("restrictions").GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Search_finds_a_created_audiobook_at_once()
    {
        var id = await _calls.CreateAsync("audiobooks", new { name = "Quixotic Zephyr Chronicles", authors = new[] { new { name = "Someone" } } });

        var found = (await _calls.GetAsync("/v1/search?q=quixotic%20zephyr&type=audiobook&market=US")).Json;

        Assert.Contains(id, found.GetProperty("audiobooks").GetProperty("items").EnumerateArray().Select(b => b.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task An_audiobook_a_user_saved_is_not_deleted()
    {
        var id = await _calls.AudiobookAsync([FixtureCalls.Chapter()]);
        using var user = server.CreateClient(await OAuthClient.Demo(server).SandboxUserTokenAsync(JukeboxTestServer.DemoUserId, "user-library-modify"));
        using (var save = await user.PutAsync($"/v1/me/audiobooks?ids={id}", null))
        {
            Assert.True(save.IsSuccessStatusCode, $"{(int)save.StatusCode}");
        }

        var refused = await _calls.DeleteAsync("audiobooks", id);

        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Equal("The audiobook is in a user's library: remove it there first (or reset the sandbox)", refused.Message);
    }
}
