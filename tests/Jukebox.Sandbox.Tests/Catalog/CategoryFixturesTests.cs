using System.Net;
using System.Text.Json;
using Jukebox.Testing;

namespace Jukebox.Sandbox.Tests.Catalog;

/// <summary>Browse categories with their playlists made, replaced and deleted through the sandbox.</summary>
public sealed class CategoryFixturesTests(JukeboxTestServer server) : IClassFixture<JukeboxTestServer>
{
    private readonly FixtureCalls _calls = new(server);

    private static string[] PlaylistIds(JsonElement page) =>
        [.. page.GetProperty("playlists").GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetString()!)];

    [Fact]
    public async Task A_created_category_is_answered_as_the_Web_API_returns_it_and_lists_its_playlists_last_among_categories()
    {
        var (first, second) = (await _calls.PlaylistAsync([]), await _calls.PlaylistAsync([]));

        var created = await _calls.PostAsync("categories", new
        {
            id = "fixture_moods", name = "Fixture Moods", icons = new[] { new { url = "https://example.com/icon.jpg", width = 274, height = 274 } },
            playlists = new { items = new[] { new { id = second }, new { id = first } } },
        });
        var read = await _calls.GetAsync("/v1/browse/categories/fixture_moods");
        var playlists = await _calls.GetAsync("/v1/browse/categories/fixture_moods/playlists");
        var all = await _calls.GetAsync("/v1/browse/categories?limit=50");

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal(read.Text, created.Text);
        Assert.Equal("Fixture Moods", read.Json.GetProperty("name").GetString());
        Assert.EndsWith("/category/fixture_moods/274", read.Json.GetProperty("icons")[0].GetProperty("url").GetString());
        Assert.Equal([second, first], PlaylistIds(playlists.Json));
        Assert.Equal("fixture_moods", all.Json.GetProperty("categories").GetProperty("items").EnumerateArray().Last().GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_category_without_an_id_gets_one_and_an_existing_id_is_a_conflict()
    {
        var id = await _calls.CreateAsync("categories", new { name = "Generated" });

        var again = await _calls.PostAsync("categories", new { id, name = "Twice" });
        var demo = await _calls.PostAsync("categories", new { id = "rock", name = "Another rock" });

        Assert.Equal(22, id.Length);
        Assert.Equal((HttpStatusCode.Conflict, $"A category with id {id} exists"), (again.Status, again.Message));
        Assert.Equal(HttpStatusCode.Conflict, demo.Status);
        Assert.Equal("Generated", (await _calls.GetAsync($"/v1/browse/categories/{id}")).Json.GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_replace_renames_in_every_locale_and_keeps_the_playlists_unless_it_lists_them()
    {
        var (first, second) = (await _calls.PlaylistAsync([]), await _calls.PlaylistAsync([]));
        var id = await _calls.CreateAsync("categories", new { name = "Before", playlists = new { items = new[] { new { id = first } } } });

        var renamed = await _calls.PutAsync("categories", id, new { name = "After" });
        var kept = await _calls.GetAsync($"/v1/browse/categories/{id}/playlists");
        var relisted = await _calls.PutAsync("categories", id, new { id, name = "After", playlists = new { items = new[] { new { id = second } } } });

        Assert.Equal(HttpStatusCode.OK, renamed.Status);
        Assert.Equal("After", renamed.Json.GetProperty("name").GetString());
        Assert.Equal([first], PlaylistIds(kept.Json));
        Assert.Equal(HttpStatusCode.OK, relisted.Status);
        Assert.Equal([second], PlaylistIds((await _calls.GetAsync($"/v1/browse/categories/{id}/playlists")).Json));

        var demo = await _calls.PutAsync("categories", "classical", new { name = "Art Music" });
        Assert.Equal(HttpStatusCode.OK, demo.Status);
        Assert.Equal("Art Music", (await _calls.GetAsync("/v1/browse/categories/classical?locale=fr_FR")).Json.GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_deleted_category_is_gone_and_its_playlists_can_be_deleted()
    {
        var playlist = await _calls.PlaylistAsync([]);
        var id = await _calls.CreateAsync("categories", new { name = "Brief", playlists = new { items = new[] { new { id = playlist } } } });

        var deleted = await _calls.DeleteAsync("categories", id);

        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await _calls.GetAsync($"/v1/browse/categories/{id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await _calls.GetAsync($"/v1/browse/categories/{id}/playlists")).Status);
        Assert.Equal("No such category", (await _calls.DeleteAsync("categories", id)).Message);
        Assert.Equal(HttpStatusCode.NoContent, (await _calls.DeleteAsync("playlists", playlist)).Status);
    }
}
