using System.Net;
using System.Text.Json;
using Jukebox.Testing;

namespace Jukebox.Accounts.Tests.Tokens;

/// <summary>
/// The tokens descended from one authorization form a family: a rotating refresh token works once, and
/// a replayed code or rotated refresh token revokes its family (RFC 9700 §4.14.2, RFC 6749 §4.1.2),
/// access tokens included, and nothing else.
/// </summary>
public sealed class TokenFamilyTests(JukeboxTestServer server) : IClassFixture<JukeboxTestServer>
{
    private static readonly (string, string) Demo = (JukeboxTestServer.DemoUserEmail, JukeboxTestServer.DemoUserPassword);
    private const string Redirect = JukeboxTestServer.DemoRedirectUri;
    private const int AtOnce = 16;
    private const int Rounds = 10;

    private OAuthClient NoSecret => new(server, JukeboxTestServer.DemoClientId, null);

    private static async Task<string> CodeAsync(AccountsBrowser browser, string? challenge = null)
    {
        var back = await browser.AuthorizeAsync(OAuthClient.Query(("client_id", JukeboxTestServer.DemoClientId), ("response_type", "code"),
            ("redirect_uri", Redirect), ("scope", "user-read-private"),
            ("code_challenge_method", challenge is null ? null : "S256"), ("code_challenge", challenge)), Demo);
        return OAuthClient.Parameter(back!, "code")!;
    }

    private async Task<JsonElement> PkceTokensAsync(AccountsBrowser browser)
    {
        var (verifier, challenge) = OAuthClient.NewPkcePair();
        var code = await CodeAsync(browser, challenge);
        var (status, body) = await NoSecret.TokenAsync([("grant_type", "authorization_code"), ("code", code), ("redirect_uri", Redirect),
            ("client_id", JukeboxTestServer.DemoClientId), ("code_verifier", verifier)]);
        Assert.Equal(200, status);
        return body;
    }

    private Task<(int Status, JsonElement Body)> RefreshPkceAsync(string refreshToken) =>
        NoSecret.TokenAsync([("grant_type", "refresh_token"), ("refresh_token", refreshToken), ("client_id", JukeboxTestServer.DemoClientId)]);

    private Task<(int Status, JsonElement Body)> ExchangeAsync(string code) =>
        OAuthClient.Demo(server).TokenAsync([("grant_type", "authorization_code"), ("code", code), ("redirect_uri", Redirect)]);

    private async Task<HttpStatusCode> MeAsync(JsonElement tokens)
    {
        using var client = server.CreateClient(tokens.GetProperty("access_token").GetString());
        using var response = await client.GetAsync("/v1/me");
        return response.StatusCode;
    }

    private static void AssertInvalidGrant((int Status, JsonElement Body) answer, string description)
    {
        Assert.Equal(400, answer.Status);
        Assert.Equal("invalid_grant", answer.Body.GetProperty("error").GetString());
        Assert.Equal(description, answer.Body.GetProperty("error_description").GetString());
    }

    [Fact]
    public async Task Of_sixteen_concurrent_refreshes_with_one_pkce_refresh_token_exactly_one_succeeds()
    {
        using var browser = new AccountsBrowser(server);
        for (var round = 0; round < Rounds; round++)
        {
            var refresh = (await PkceTokensAsync(browser)).GetProperty("refresh_token").GetString()!;

            var answers = await Task.WhenAll(Enumerable.Range(0, AtOnce).Select(_ => RefreshPkceAsync(refresh)));

            Assert.Single(answers, a => a.Status == 200);
            Assert.All(answers.Where(a => a.Status != 200), a => AssertInvalidGrant(a, "Invalid refresh token"));
        }
    }

    [Fact]
    public async Task Of_sixteen_concurrent_exchanges_of_one_code_exactly_one_succeeds()
    {
        using var browser = new AccountsBrowser(server);
        for (var round = 0; round < Rounds; round++)
        {
            var code = await CodeAsync(browser);

            var answers = await Task.WhenAll(Enumerable.Range(0, AtOnce).Select(_ => ExchangeAsync(code)));

            Assert.Single(answers, a => a.Status == 200);
            Assert.All(answers.Where(a => a.Status != 200), a => AssertInvalidGrant(a, "Invalid authorization code"));
        }
    }

    [Fact]
    public async Task Replaying_a_rotated_pkce_refresh_token_revokes_every_token_of_its_authorization()
    {
        using var browser = new AccountsBrowser(server);
        var first = await PkceTokensAsync(browser);
        var (_, second) = await RefreshPkceAsync(first.GetProperty("refresh_token").GetString()!);
        Assert.Equal(HttpStatusCode.OK, await MeAsync(first));
        Assert.Equal(HttpStatusCode.OK, await MeAsync(second));

        var replay = await RefreshPkceAsync(first.GetProperty("refresh_token").GetString()!);

        AssertInvalidGrant(replay, "Invalid refresh token");
        AssertInvalidGrant(await RefreshPkceAsync(second.GetProperty("refresh_token").GetString()!), "Invalid refresh token");
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(first));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(second));
    }

    [Fact]
    public async Task Replaying_a_code_revokes_the_tokens_it_bought_and_not_those_of_an_earlier_authorization()
    {
        using var browser = new AccountsBrowser(server);
        var (_, earlier) = await ExchangeAsync(await CodeAsync(browser));
        var code = await CodeAsync(browser);
        var (_, bought) = await ExchangeAsync(code);
        Assert.Equal(HttpStatusCode.OK, await MeAsync(bought));

        var replay = await ExchangeAsync(code);

        AssertInvalidGrant(replay, "Invalid authorization code");
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(bought));
        var (refreshed, _) = await OAuthClient.Demo(server).TokenAsync([("grant_type", "refresh_token"), ("refresh_token", bought.GetProperty("refresh_token").GetString()!)]);
        Assert.Equal(400, refreshed);
        Assert.Equal(HttpStatusCode.OK, await MeAsync(earlier));
        var (stillGood, _) = await OAuthClient.Demo(server).TokenAsync([("grant_type", "refresh_token"), ("refresh_token", earlier.GetProperty("refresh_token").GetString()!)]);
        Assert.Equal(200, stillGood);
    }

    [Fact]
    public async Task A_node_started_after_a_replay_refuses_the_revoked_access_token_too()
    {
        using var browser = new AccountsBrowser(server);
        var (_, earlier) = await ExchangeAsync(await CodeAsync(browser));
        var code = await CodeAsync(browser);
        var (_, bought) = await ExchangeAsync(code);
        AssertInvalidGrant(await ExchangeAsync(code), "Invalid authorization code");

        // Another node of the deployment, started afterwards: it heard no message about the revocation.
        await using var later = new LaterNode(server.Database);
        await later.InitializeAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, await MeOnAsync(later, bought));
        Assert.Equal(HttpStatusCode.OK, await MeOnAsync(later, earlier));
    }

    private static async Task<HttpStatusCode> MeOnAsync(JukeboxTestServer node, JsonElement tokens)
    {
        using var client = node.CreateClient(tokens.GetProperty("access_token").GetString());
        using var response = await client.GetAsync("/v1/me");
        return response.StatusCode;
    }

    private sealed class LaterNode(TestDatabase database) : JukeboxTestServer, IAsyncDisposable
    {
        protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(database);

        protected override bool OwnsDatabase => false;

        async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();
    }
}
