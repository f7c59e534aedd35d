using Jukebox.Testing;

namespace Jukebox.Api.Tests.Episodes;

[Collection(CatalogServer.Name)]
public sealed class EpisodesTests(JukeboxTestServer server)
{
    [Fact]
    public async Task An_episode_is_served_with_the_show_it_belongs_to()
    {
        var episode = (await server.CatalogAsync()).Episodes.Values.OrderBy(e => e.Id, StringComparer.Ordinal).First();
        using var client = await server.CreateAppClientAsync();

        var body = await client.GetOkAsync($"/v1/episodes/{episode.Id}", "/episodes/{id}");

        Assert.Equal(episode.Id, body.Str("id"));
        Assert.Equal(episode.Name, body.Str("name"));
        Assert.Equal("episode", body.Str("type"));
        Assert.Equal($"spotify:episode:{episode.Id}", body.Str("uri"));
        Assert.Equal($"{server.BaseAddress}v1/episodes/{episode.Id}", body.Str("href"));
        Assert.Equal(episode.DurationMs, body.Int("duration_ms"));
        Assert.Equal(episode.ReleaseDate, body.Str("release_date"));
        Assert.Equal(episode.Show.Id, body.GetProperty("show").Str("id"));
        Assert.Equal(episode.Show.Name, body.GetProperty("show").Str("name"));
    }

    [Fact]
    public async Task Several_episodes_come_back_in_request_order()
    {
        var ids = (await server.CatalogAsync()).Episodes.Keys.Order(StringComparer.Ordinal).Take(3).Reverse().ToList();
        using var client = await server.CreateAppClientAsync();

        var body = await client.GetOkAsync($"/v1/episodes?ids={string.Join(',', ids)}", "/episodes", nullableItemsOf: "episodes");

        Assert.Equal(ids, body.Ids("episodes"));
    }

    [Fact]
    public async Task With_a_market_an_episode_available_there_is_playable()
    {
        var episode = (await server.CatalogAsync()).Episodes.Values.OrderBy(e => e.Id, StringComparer.Ordinal).First();
        using var client = await server.CreateAppClientAsync();

        var body = await client.GetOkAsync($"/v1/episodes/{episode.Id}?market=BR", "/episodes/{id}");

        Assert.True(body.GetProperty("is_playable").GetBoolean());
        Assert.False(body.Has("restrictions"));
    }
}
