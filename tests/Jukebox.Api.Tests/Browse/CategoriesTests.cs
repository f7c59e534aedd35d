using System.Net;
using Jukebox.Testing;

namespace Jukebox.Api.Tests.Browse;

[Collection(CatalogServer.Name)]
public sealed class CategoriesTests(JukeboxTestServer server)
{
    [Fact]
    public async Task Walking_the_categories_gives_each_once_in_browse_order()
    {
        var categories = (await server.CatalogAsync()).Categories;
        using var client = await server.CreateAppClientAsync();

        var items = await client.WalkPagesAsync(server.BaseAddress, "/v1/browse/categories?offset=0&limit=3", "/browse/categories", b => b.GetProperty("categories"));

        Assert.Equal(categories.Select(c => c.Id), items.Select(c => c.Str("id")));
        Assert.Equal(categories.Select(c => c.Name), items.Select(c => c.Str("name")));
        Assert.All(items, c => Assert.Equal($"{server.BaseAddress}v1/browse/categories/{c.Str("id")}", c.Str("href")));
    }

    [Fact]
    public async Task Categories_are_named_in_the_requested_locale_on_every_page()
    {
        var categories = (await server.CatalogAsync()).Categories;
        using var client = await server.CreateAppClientAsync();

        var items = await client.WalkPagesAsync(server.BaseAddress, "/v1/browse/categories?offset=0&limit=4&locale=de_DE", "/browse/categories", b => b.GetProperty("categories"));

        Assert.Equal(categories.Select(c => c.NameFor("de_DE")), items.Select(c => c.Str("name")));
        Assert.Contains("Klassik", items.Select(c => c.Str("name")));
    }

    [Theory]
    [InlineData("", "Top Lists")]
    [InlineData("?locale=sv_SE", "Topplistor")]
    [InlineData("?locale=es_ES", "Listas de éxitos")]
    [InlineData("?locale=pt_BR", "Top Lists")]
    public async Task A_category_is_named_in_the_requested_locale_or_else_in_english(string query, string name)
    {
        using var client = await server.CreateAppClientAsync();

        var body = await client.GetOkAsync($"/v1/browse/categories/toplists{query}", "/browse/categories/{category_id}");

        Assert.Equal("toplists", body.Str("id"));
        Assert.Equal(name, body.Str("name"));
        Assert.Equal($"{server.BaseAddress}v1/browse/categories/toplists", body.Str("href"));
        var icon = Assert.Single(body.Array("icons"));
        Assert.Equal(274, icon.Int("width"));
        Assert.Equal(274, icon.Int("height"));
    }

    [Fact]
    public async Task An_unknown_category_is_a_404()
    {
        using var client = await server.CreateAppClientAsync();

        await client.AssertErrorStatusAsync("/v1/browse/categories/no-such-category", HttpStatusCode.NotFound);
        await client.AssertErrorStatusAsync("/v1/browse/categories/no-such-category/playlists", HttpStatusCode.NotFound);
    }
}
