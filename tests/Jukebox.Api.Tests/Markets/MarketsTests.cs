using Jukebox.Testing;

namespace Jukebox.Api.Tests.Markets;

[Collection(CatalogServer.Name)]
public sealed class MarketsTests(JukeboxTestServer server)
{
    [Fact]
    public async Task The_markets_are_distinct_country_codes_in_alphabetical_order()
    {
        using var client = await server.CreateAppClientAsync();

        var markets = (await client.GetOkAsync("/v1/markets", "/markets")).Strings("markets");

        Assert.Equal(markets.Order(StringComparer.Ordinal), markets);
        Assert.Equal(markets.Count, markets.Distinct().Count());
        Assert.All(markets, m => Assert.Matches("^[A-Z]{2}$", m));
        Assert.Superset(new HashSet<string> { "US", "CA", "MX", "DE", "JP", "KR", "SE", "GB" }, markets.ToHashSet());
    }

    [Fact]
    public async Task Every_market_listed_is_accepted_as_a_market_parameter()
    {
        var track = (await server.CatalogAsync()).PlainAlbum().Tracks[0];
        using var client = await server.CreateAppClientAsync();

        var markets = (await client.GetOkAsync("/v1/markets", "/markets")).Strings("markets");

        foreach (var market in markets)
        {
            using var response = await client.GetAsync($"/v1/tracks/{track.Id}?market={market}");
            Assert.True(response.IsSuccessStatusCode, $"market={market} answered {(int)response.StatusCode}");
        }
    }
}
