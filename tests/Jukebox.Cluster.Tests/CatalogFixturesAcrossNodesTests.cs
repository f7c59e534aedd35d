using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Jukebox.Cluster.Tests;

/// <summary>A catalog fixture made on one node is served by the other: its snapshot follows the change.</summary>
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
