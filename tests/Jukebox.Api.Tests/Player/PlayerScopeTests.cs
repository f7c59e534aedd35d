using System.Net;
using Jukebox.Testing;

namespace Jukebox.Api.Tests.Player;

/// <summary>Each player scope rule, end to end: without its scope 403, with it the request passes; app tokens get 401.</summary>
[Collection(CatalogServer.Name)]
public sealed class PlayerScopeTests(JukeboxTestServer server)
{
    private const string State = "user-read-playback-state";
    private const string Modify = "user-modify-playback-state";
    private const string Current = "user-read-currently-playing";

    public static TheoryData<string, string, string[]> Rules => new()
    {
        { "GET", "/v1/me/player", [State] },
        { "PUT", "/v1/me/player", [Modify] },
        { "GET", "/v1/me/player/devices", [State] },
        { "GET", "/v1/me/player/currently-playing", [Current, State] },
        { "PUT", "/v1/me/player/play", [Modify] },
        { "PUT", "/v1/me/player/pause", [Modify] },
        { "POST", "/v1/me/player/next", [Modify] },
        { "POST", "/v1/me/player/previous", [Modify] },
        { "PUT", "/v1/me/player/seek?position_ms=0", [Modify] },
        { "PUT", "/v1/me/player/repeat?state=off", [Modify] },
        { "PUT", "/v1/me/player/volume?volume_percent=5", [Modify] },
        { "PUT", "/v1/me/player/shuffle?state=false", [Modify] },
        { "GET", "/v1/me/player/recently-played", ["user-read-recently-played"] },
        { "GET", "/v1/me/player/queue", [Current, State] },
        { "POST", "/v1/me/player/queue?uri=spotify:track:" + CatalogPicks.UnknownId, [Modify] },
        { "GET", "/v1/me/top/artists", ["user-top-read"] },
        { "GET", "/v1/me/top/tracks", ["user-top-read"] },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task Each_operation_needs_its_scope(string method, string url, string[] anyOf)
    {
        using var user = await PlayerUser.CreateAsync(server);
        var others = PlayerUser.AllScopes.Except(anyOf).ToArray();

        using (var without = await user.ClientWithScopesAsync(others))
        using (var refused = await without.SendAsync(new HttpRequestMessage(new HttpMethod(method), url)))
        {
            await PlayerUser.AssertPlayerErrorAsync(refused, 403, "Insufficient client scope", null);
        }
        foreach (var scope in anyOf)
        {
            using var with = await user.ClientWithScopesAsync(scope);
            using var response = await with.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));
            Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
        }
        using var app = await server.CreateAppClientAsync();
        using var appResponse = await app.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));
        Assert.Equal(HttpStatusCode.Unauthorized, appResponse.StatusCode);
    }
}
