using Jukebox.Api.Catalog;
using Jukebox.Testing;

namespace Jukebox.Api.Tests.Shows;

[Collection(CatalogServer.Name)]
public sealed class ShowsTests(JukeboxTestServer server)
{
    [Fact]
    public async Task A_show_is_served_with_its_newest_episodes_first()
    {
        var show = await LongestShowAsync();
        using var client = await server.CreateAppClientAsync();

        var body = await client.GetOkAsync($"/v1/shows/{show.Id}", "/shows/{id}");

        Assert.Equal(show.Id, body.Str("id"));
        Assert.Equal(show.Name, body.Str("name"));
        Assert.Equal(show.Publisher, body.Str("publisher"));
        Assert.Equal("show", body.Str("type"));
        Assert.Equal($"spotify:show:{show.Id}", body.Str("uri"));
        Assert.Equal($"{server.BaseAddress}v1/shows/{show.Id}", body.Str("href"));
        Assert.Equal(show.Episodes.Length, body.Int("total_episodes"));
        var episodes = body.GetProperty("episodes");
        Assert.Equal(show.Episodes.Select(e => e.Id), episodes.Ids());
        Assert.Equal(show.Episodes.Length, episodes.Int("total"));
        var dates = episodes.Array().Select(e => e.Str("release_date")).ToList();
        Assert.Equal(dates.OrderDescending(StringComparer.Ordinal), dates);
    }

    [Fact]
    public async Task Several_shows_are_simplified_shows_in_request_order()
    {
        var ids = (await server.CatalogAsync()).Shows.Keys.Order(StringComparer.Ordinal).Take(3).Reverse().ToList();
        using var client = await server.CreateAppClientAsync();

        var body = await client.GetOkAsync($"/v1/shows?ids={string.Join(',', ids)}&market=SE", "/shows", nullableItemsOf: "shows");

        Assert.Equal(ids, body.Ids("shows"));
        Assert.All(body.Array("shows"), s => Assert.False(s.Has("episodes")));
    }

    [Fact]
    public async Task Walking_a_shows_episodes_gives_every_episode_once()
    {
        var show = await LongestShowAsync();
        using var client = await server.CreateAppClientAsync();

        var items = await client.WalkPagesAsync(server.BaseAddress, $"/v1/shows/{show.Id}/episodes?offset=0&limit=6", "/shows/{id}/episodes");

        Assert.Equal(show.Episodes.Select(e => e.Id), items.Select(e => e.Str("id")));
    }

    [Fact]
    public async Task With_a_market_a_shows_episodes_say_whether_they_are_playable()
    {
        var show = await LongestShowAsync();
        using var client = await server.CreateAppClientAsync();

        var page = await client.GetOkAsync($"/v1/shows/{show.Id}/episodes?market=ES&limit=50", "/shows/{id}/episodes");

        Assert.Equal(show.Episodes.Length, page.Array().Count);
        Assert.All(page.Array(), e =>
        {
            Assert.True(e.GetProperty("is_playable").GetBoolean());
            Assert.False(e.Has("restrictions"));
        });
        Assert.Contains("market=ES", page.Str("href"), StringComparison.Ordinal);
    }

    private async Task<CatalogShow> LongestShowAsync() =>
        (await server.CatalogAsync()).Shows.Values.OrderByDescending(s => s.Episodes.Length).ThenBy(s => s.Id, StringComparer.Ordinal).First();
}
