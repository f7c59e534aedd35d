using Jukebox.Testing;

namespace Jukebox.Api.Tests.Http;

/// <summary>The market parameter every operation that takes one validates the same way.</summary>
[Collection(CatalogServer.Name)]
public sealed class MarketTests(JukeboxTestServer server)
{
    [Theory]
    [MemberData(nameof(Routes.WithMarket), MemberType = typeof(Routes))]
    public async Task A_market_that_is_not_a_known_country_code_is_a_400(string template)
    {
        var url = Routes.Fill(await server.CatalogAsync(), template);
        using var client = await server.CreateAppClientAsync();

        foreach (var market in new[] { "XX", "USA", "U", "1A" })
        {
            await client.AssertBadRequestAsync(url.With($"market={market}"), "Invalid market code");
        }
    }

    [Theory]
    [MemberData(nameof(Routes.WithMarket), MemberType = typeof(Routes))]
    public async Task Market_from_token_with_an_app_token_is_a_400(string template)
    {
        var url = Routes.Fill(await server.CatalogAsync(), template);
        using var client = await server.CreateAppClientAsync();

        // An app token has no user and so no country for from_token to stand for.
        await client.AssertErrorStatusAsync(url.With("market=from_token"), System.Net.HttpStatusCode.BadRequest);
    }

    [Theory]
    [MemberData(nameof(Routes.WithMarket), MemberType = typeof(Routes))]
    public async Task A_known_market_is_accepted(string template)
    {
        var url = Routes.Fill(await server.CatalogAsync(), template);
        using var client = await server.CreateAppClientAsync();

        using var response = await client.GetAsync(url.With("market=SE"));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/v1/albums/{id}")]
    [InlineData("/v1/tracks/{id}")]
    [InlineData("/v1/episodes/{id}")]
    [InlineData("/v1/shows/{id}/episodes")]
    public async Task An_unknown_id_is_reported_before_an_invalid_market(string template)
    {
        using var client = await server.CreateAppClientAsync();

        await client.AssertErrorAsync(template.Replace("{id}", "0000000000000000000000", StringComparison.Ordinal) + "?market=XX",
            System.Net.HttpStatusCode.NotFound, "non existing id");
    }

    [Theory]
    [InlineData("/v1/albums/{album}/tracks")]
    [InlineData("/v1/artists/{artist}/albums")]
    [InlineData("/v1/audiobooks/{audiobook}/chapters")]
    public async Task An_invalid_limit_is_reported_before_an_invalid_market(string template)
    {
        var url = Routes.Fill(await server.CatalogAsync(), template);
        using var client = await server.CreateAppClientAsync();

        await client.AssertBadRequestAsync(url.With("limit=0&market=XX"), "Invalid limit");
    }
}
