using System.Net;
using Jukebox.Testing;

namespace Jukebox.Api.Tests.Http;

/// <summary>A server whose validated-token cache is off (Accounts:ValidatedTokenCacheSize = 0), as the benchmark runs it.</summary>
public sealed class UncachedTokenServer : JukeboxTestServer
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Accounts:ValidatedTokenCacheSize", "0")];
}

/// <summary>Without the cache every request validates its token again, with the same outcomes.</summary>
public sealed class UncachedTokenValidationTests(UncachedTokenServer server) : IClassFixture<UncachedTokenServer>
{
    [Fact]
    public async Task A_token_keeps_working_on_every_request_and_expires_after_an_hour()
    {
        var token = await server.NewClientTokenAsync();
        using var client = server.CreateClient(token);
        var path = $"/v1/tracks/{(await server.CatalogAsync()).Tracks.Keys.First()}";

        for (var i = 0; i < 3; i++)
        {
            using var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        server.Clock.Advance(TimeSpan.FromMinutes(61));
        using var expired = await client.GetAsync(path);

        await ErrorAssert.IsAsync(expired, 401, "The access token expired");
    }

    [Fact]
    public async Task A_tampered_token_is_refused_even_after_the_genuine_one_was_used()
    {
        var token = await server.NewClientTokenAsync();
        var path = $"/v1/tracks/{(await server.CatalogAsync()).Tracks.Keys.First()}";
        using (var genuine = server.CreateClient(token))
        using (var ok = await genuine.GetAsync(path))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }
        var tampered = token[..^4] + (token[^4] == 'A' ? 'B' : 'A') + token[^3..];
        using var client = server.CreateClient(tampered);

        using var response = await client.GetAsync(path);

        await ErrorAssert.IsAsync(response, 401, "Invalid access token");
    }
}
