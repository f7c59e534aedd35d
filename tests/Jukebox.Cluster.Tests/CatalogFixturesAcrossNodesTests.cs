using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jukebox.Api.Search;
using Microsoft.Extensions.DependencyInjection;

namespace Jukebox.Cluster.Tests;

/// <summary>A catalog fixture made on one node is served and found by the other: its snapshot and search index follow the change.</summary>
[Trait("Category", "Redis")]
public sealed class CatalogFixturesAcrossNodesTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    private static async Task<HttpStatusCode> StatusOfAsync(TwoNodes.Node node, string token, string path)
    {
        using var api = node.CreateClient(token);
        using var response = await api.GetAsync(path);
        return response.StatusCode;
    }

    [Fact]
    public async Task An_artist_made_on_one_node_is_served_by_the_other_until_it_is_deleted()
    {
        var appToken = await nodes.B.NewClientTokenAsync();
        using var sandbox = nodes.A.CreateClient();

        using var created = await sandbox.PostAsJsonAsync("/sandbox/catalog/artists", new { name = "Across Nodes" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await Eventually.HoldsAsync(async () => await StatusOfAsync(nodes.B, appToken, $"/v1/artists/{id}") == HttpStatusCode.OK, "B serves the artist");
        using var deleted = await sandbox.DeleteAsync($"/sandbox/catalog/artists/{id}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await Eventually.HoldsAsync(async () => await StatusOfAsync(nodes.B, appToken, $"/v1/artists/{id}") == HttpStatusCode.NotFound, "B no longer serves it");
    }

    private static async Task<List<string>> FoundAsync(TwoNodes.Node node, string token, string query, string type) =>
        [.. (await node.GetJsonAsync(token, $"/v1/search?q={Uri.EscapeDataString(query)}&type={type}")).GetProperty(type + "s").GetProperty("items")
            .EnumerateArray().Select(i => i.GetProperty("id").GetString()!)];

    private static async Task<object> IndexOfAsync(TwoNodes.Node node) =>
        (await node.Services.GetRequiredService<CatalogSearchIndex>().ForAsync(await node.CatalogAsync())).Reader;

    [Fact]
    public async Task A_rename_and_a_deletion_on_one_node_are_patched_into_the_other_nodes_search()
    {
        var appToken = await nodes.B.NewClientTokenAsync();
        using var sandbox = nodes.A.CreateClient();
        using var artistMade = await sandbox.PostAsJsonAsync("/sandbox/catalog/artists", new { name = "Tessellate Harbor" });
        var artist = (await artistMade.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        using var albumMade = await sandbox.PostAsJsonAsync("/sandbox/catalog/albums", new
        {
            name = "Harbor Album", artists = new[] { new { id = artist } }, release_date = "2024-05-17", available_markets = new[] { "US" },
            tracks = new { items = new[] { new { name = "Lantern Song", artists = new[] { new { id = artist } }, duration_ms = 1000 } } },
        });
        var track = (await albumMade.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("tracks").GetProperty("items")[0].GetProperty("id").GetString()!;
        await Eventually.HoldsAsync(async () => (await FoundAsync(nodes.B, appToken, "tessellate harbor", "artist")).SequenceEqual([artist]), "B finds the artist");
        var built = await IndexOfAsync(nodes.B);

        using var renamed = await sandbox.PutAsJsonAsync($"/sandbox/catalog/artists/{artist}", new { name = "Quasar Lantern" });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        await Eventually.HoldsAsync(async () => (await FoundAsync(nodes.B, appToken, "quasar lantern", "artist")).SequenceEqual([artist]), "B finds the new name");
        Assert.Empty(await FoundAsync(nodes.B, appToken, "tessellate", "artist"));
        Assert.Equal([track], await FoundAsync(nodes.B, appToken, "artist:quasar", "track"));
        Assert.Equal("Quasar Lantern", (await nodes.B.GetJsonAsync(appToken, $"/v1/tracks/{track}")).GetProperty("artists")[0].GetProperty("name").GetString());

        using var deleted = await sandbox.DeleteAsync($"/sandbox/catalog/tracks/{track}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await Eventually.HoldsAsync(async () => (await FoundAsync(nodes.B, appToken, "artist:quasar", "track")).Count == 0, "B no longer finds the track");
        Assert.Equal(HttpStatusCode.NotFound, await StatusOfAsync(nodes.B, appToken, $"/v1/tracks/{track}"));
        // B patched its index: the one built at its start still answers, with the changes on top.
        Assert.Same(built, await IndexOfAsync(nodes.B));
    }

    [Fact]
    public async Task A_category_and_its_editorial_playlist_made_on_one_node_are_served_and_searched_on_the_other()
    {
        var appToken = await nodes.B.NewClientTokenAsync();
        using var sandbox = nodes.A.CreateClient();

        using var playlist = await sandbox.PostAsJsonAsync("/sandbox/catalog/playlists", new { name = "Wombatacross Picks" });
        var playlistId = (await playlist.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        using var category = await sandbox.PostAsJsonAsync("/sandbox/catalog/categories", new { name = "Across", playlists = new { items = new[] { new { id = playlistId } } } });
        var categoryId = (await category.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (playlist.StatusCode, category.StatusCode));
        await Eventually.HoldsAsync(async () => await StatusOfAsync(nodes.B, appToken, $"/v1/browse/categories/{categoryId}") == HttpStatusCode.OK, "B serves the category");
        await Eventually.HoldsAsync(async () =>
        {
            using var api = nodes.B.CreateClient(appToken);
            return (await api.GetStringAsync("/v1/search?type=playlist&q=Wombatacross")).Contains(playlistId, StringComparison.Ordinal);
        }, "B finds the playlist");
    }
}
