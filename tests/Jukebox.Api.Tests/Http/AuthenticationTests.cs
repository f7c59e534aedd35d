using System.Net;
using System.Net.Http.Headers;
using Jukebox.Testing;

namespace Jukebox.Api.Tests.Http;

/// <summary>Every /v1 request needs a bearer token; failures answer with Spotify's texts.</summary>
public sealed class AuthenticationTests(JukeboxTestServer server) : IClassFixture<JukeboxTestServer>
{
    private async Task<string> AnyTrackPathAsync() => $"/v1/tracks/{(await server.CatalogAsync()).Tracks.Keys.First()}";

    [Fact]
    public async Task A_request_without_a_token_is_401_No_token_provided()
    {
        using var client = server.CreateClient();

        using var response = await client.GetAsync(await AnyTrackPathAsync());

        await ErrorAssert.IsAsync(response, 401, "No token provided");
    }

    [Fact]
    public async Task Every_Web_API_route_refuses_a_request_without_a_token()
    {
        using var client = server.CreateClient();
        var routes = RouteList.Served(server).ToList();
        Assert.True(routes.Count > 90, $"only {routes.Count} routes served");

        foreach (var route in routes)
        {
            var (method, template) = (route[..route.IndexOf(' ')], route[(route.IndexOf(' ') + 1)..]);
            var path = "/v1" + System.Text.RegularExpressions.Regex.Replace(template, "{[^}]+}", "4uLU6hMCjMI75M1A2tKUQC");
            using var request = new HttpRequestMessage(new HttpMethod(method), path);

            using var response = await client.SendAsync(request);

            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{route}: {(int)response.StatusCode}");
            await ErrorAssert.IsAsync(response, 401, "No token provided");
        }
    }

    [Theory]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer")]
    [InlineData("Bearer    ")]
    [InlineData("Token abc")]
    public async Task An_authorization_header_that_is_not_a_bearer_token_is_400(string header)
    {
        using var client = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, await AnyTrackPathAsync());
        request.Headers.TryAddWithoutValidation("Authorization", header);

        using var response = await client.SendAsync(request);

        await ErrorAssert.IsAsync(response, 400, "Only valid bearer authentication supported");
    }

    [Fact]
    public async Task An_unknown_token_is_401_Invalid_access_token()
    {
        using var client = server.CreateClient("BQDmadeupTokenThatWasNeverIssued0123456789");

        using var response = await client.GetAsync(await AnyTrackPathAsync());

        await ErrorAssert.IsAsync(response, 401, "Invalid access token");
    }

    [Fact]
    public async Task A_token_is_accepted_for_an_hour_and_then_is_401_The_access_token_expired()
    {
        var token = await server.NewClientTokenAsync();
        using var client = server.CreateClient(token);
        var path = await AnyTrackPathAsync();

        server.Clock.Advance(TimeSpan.FromMinutes(59));
        using (var stillValid = await client.GetAsync(path))
        {
            Assert.Equal(HttpStatusCode.OK, stillValid.StatusCode);
        }
        server.Clock.Advance(TimeSpan.FromMinutes(2));
        using var expired = await client.GetAsync(path);

        await ErrorAssert.IsAsync(expired, 401, "The access token expired");
    }

    [Fact]
    public async Task A_token_never_seen_by_this_node_is_also_reported_expired_after_an_hour()
    {
        var token = await server.NewClientTokenAsync();
        server.Clock.Advance(TimeSpan.FromMinutes(61));
        using var client = server.CreateClient(token);

        using var response = await client.GetAsync(await AnyTrackPathAsync());

        await ErrorAssert.IsAsync(response, 401, "The access token expired");
    }

    [Fact]
    public async Task Error_responses_are_not_cached_and_allow_any_origin()
    {
        using var client = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, await AnyTrackPathAsync());
        request.Headers.Add("Origin", "https://app.example");

        using var response = await client.SendAsync(request);

        Assert.True(response.Headers.CacheControl is { Private: true, MaxAge.TotalSeconds: 0 });
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal(new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" }, response.Content.Headers.ContentType);
    }
}
