using System.Net;
using Jukebox.Testing;

namespace Jukebox.Api.Tests.Http;

/// <summary>What a browser app needs of CORS: preflights it may cache, and a Retry-After it may read.</summary>
public sealed class CorsTests(JukeboxTestServer server) : IClassFixture<JukeboxTestServer>
{
    private const string Site = "https://app.example";

    [Theory]
    [InlineData("/v1/me/playlists")]
    [InlineData("/api/token")]
    public async Task A_preflight_may_be_cached_for_a_week(string path)
    {
        using var client = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", Site);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization, content-type");
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Equal("604800", Assert.Single(response.Headers.GetValues("Access-Control-Max-Age")));
    }

    [Fact]
    public async Task Page_code_may_read_retry_after()
    {
        using var client = server.CreateClient(await server.ClientTokenAsync());
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/markets");
        request.Headers.Add("Origin", Site);
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Retry-After", Assert.Single(response.Headers.GetValues("Access-Control-Expose-Headers")), StringComparison.OrdinalIgnoreCase);
    }
}
