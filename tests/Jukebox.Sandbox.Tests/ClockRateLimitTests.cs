using System.Net;
using Jukebox.Testing;

namespace Jukebox.Sandbox.Tests;

/// <summary>A server whose apps may make 3 requests per rolling 30 s.</summary>
public sealed class ThreeRequestServer : JukeboxTestServer
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("RateLimits:DevelopmentModeLimit", "3"),
        new("RateLimits:ExtendedQuotaLimit", "3"),
    ];
}

public sealed class ClockRateLimitTests(ThreeRequestServer server) : IClassFixture<ThreeRequestServer>
{
    [Fact]
    public async Task Moving_the_clock_past_the_window_lets_a_limited_app_through_again()
    {
        using var api = await server.CreateAppClientAsync();
        for (var i = 0; i < 3; i++)
        {
            using var accepted = await api.GetAsync("/v1/browse/categories");
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }
        using var refused = await api.GetAsync("/v1/browse/categories");

        await ClockTests.AdvanceAsync(server, 29);
        using var stillRefused = await api.GetAsync("/v1/browse/categories");
        await ClockTests.AdvanceAsync(server, 1);
        using var again = await api.GetAsync("/v1/browse/categories");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("30", Assert.Single(refused.Headers.GetValues("Retry-After")));
        Assert.Equal(HttpStatusCode.TooManyRequests, stillRefused.StatusCode);
        Assert.Equal("1", Assert.Single(stillRefused.Headers.GetValues("Retry-After")));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }
}
