using Jukebox.Testing;

namespace Jukebox.Accounts.Tests.Authorization;

/// <summary>PKCE (RFC 7636) and refresh tokens as Spotify issues them.</summary>
public sealed class PkceAndRefreshTests(JukeboxTestServer server) : IClassFixture<JukeboxTestServer>
{
    private static readonly (string, string) Demo = (JukeboxTestServer.DemoUserEmail, JukeboxTestServer.DemoUserPassword);
    private const string Redirect = JukeboxTestServer.DemoRedirectUri;

    private async Task<(string Code, string Verifier)> PkceCodeAsync()
    {
        var (verifier, challenge) = OAuthClient.NewPkcePair();
        using var browser = new AccountsBrowser(server);
        var back = await browser.AuthorizeAsync(OAuthClient.Query(("client_id", JukeboxTestServer.DemoClientId), ("response_type", "code"),
            ("redirect_uri", Redirect), ("scope", "user-read-private"), ("code_challenge_method", "S256"), ("code_challenge", challenge)), Demo);
        return (OAuthClient.Parameter(back!, "code")!, verifier);
    }

    private async Task AdvanceDateAsync(TimeSpan by)
    {
        using var sandbox = server.CreateClient();
        using var response = await sandbox.PostAsync("/sandbox/clock/advance",
            System.Net.Http.Json.JsonContent.Create(new { seconds = by.TotalSeconds }));
        response.EnsureSuccessStatusCode();
    }

    private OAuthClient NoSecret => new(server, JukeboxTestServer.DemoClientId, null);

    private async Task<System.Text.Json.JsonElement> CodeFlowTokensAsync()
    {
        using var browser = new AccountsBrowser(server);
        var back = await browser.AuthorizeAsync(OAuthClient.Query(("client_id", JukeboxTestServer.DemoClientId), ("response_type", "code"),
            ("redirect_uri", Redirect), ("scope", "user-read-private")), Demo);
        var (status, body) = await OAuthClient.Demo(server).TokenAsync(
            [("grant_type", "authorization_code"), ("code", OAuthClient.Parameter(back!, "code")!), ("redirect_uri", Redirect)]);
        Assert.Equal(200, status);
        return body;
    }

    [Fact]
    public async Task A_pkce_code_is_exchanged_with_client_id_and_verifier_and_no_secret()
    {
        var (code, verifier) = await PkceCodeAsync();

        var (status, body) = await NoSecret.TokenAsync([("grant_type", "authorization_code"), ("code", code), ("redirect_uri", Redirect),
            ("client_id", JukeboxTestServer.DemoClientId), ("code_verifier", verifier)]);

        Assert.Equal(200, status);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("access_token").GetString()));
        Assert.False(string.IsNullOrEmpty(body.GetProperty("refresh_token").GetString()));
    }

    [Fact]
    public async Task A_wrong_code_verifier_fails_with_code_verifier_was_incorrect()
    {
        var (code, _) = await PkceCodeAsync();
        var (wrong, _) = OAuthClient.NewPkcePair();

        var (status, body) = await NoSecret.TokenAsync([("grant_type", "authorization_code"), ("code", code), ("redirect_uri", Redirect),
            ("client_id", JukeboxTestServer.DemoClientId), ("code_verifier", wrong)]);

        Assert.Equal(400, status);
        Assert.Equal("invalid_grant", body.GetProperty("error").GetString());
        Assert.Equal("code_verifier was incorrect", body.GetProperty("error_description").GetString());
    }

    [Fact]
    public async Task A_code_obtained_without_pkce_cannot_be_exchanged_without_the_secret()
    {
        using var browser = new AccountsBrowser(server);
        var back = await browser.AuthorizeAsync(OAuthClient.Query(("client_id", JukeboxTestServer.DemoClientId), ("response_type", "code"),
            ("redirect_uri", Redirect), ("scope", "user-read-private")), Demo);

        var (status, body) = await NoSecret.TokenAsync([("grant_type", "authorization_code"), ("code", OAuthClient.Parameter(back!, "code")!),
            ("redirect_uri", Redirect), ("client_id", JukeboxTestServer.DemoClientId)]);

        Assert.Equal(400, status);
        Assert.Equal("invalid_client", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_pkce_refresh_token_rotates_and_the_used_one_stops_working()
    {
        var (code, verifier) = await PkceCodeAsync();
        var (_, first) = await NoSecret.TokenAsync([("grant_type", "authorization_code"), ("code", code), ("redirect_uri", Redirect),
            ("client_id", JukeboxTestServer.DemoClientId), ("code_verifier", verifier)]);
        var refresh = first.GetProperty("refresh_token").GetString()!;

        var (status, second) = await NoSecret.TokenAsync([("grant_type", "refresh_token"), ("refresh_token", refresh), ("client_id", JukeboxTestServer.DemoClientId)]);
        var (replayStatus, replay) = await NoSecret.TokenAsync([("grant_type", "refresh_token"), ("refresh_token", refresh), ("client_id", JukeboxTestServer.DemoClientId)]);

        Assert.Equal(200, status);
        Assert.NotEqual(refresh, second.GetProperty("refresh_token").GetString());
        Assert.Equal("user-read-private", second.GetProperty("scope").GetString());
        Assert.Equal(400, replayStatus);
        Assert.Equal("Invalid refresh token", replay.GetProperty("error_description").GetString());
    }

    [Fact]
    public async Task A_code_flow_refresh_returns_a_new_access_token_and_keeps_the_refresh_token_valid()
    {
        var tokens = await CodeFlowTokensAsync();
        var refresh = tokens.GetProperty("refresh_token").GetString()!;

        var (status, body) = await OAuthClient.Demo(server).TokenAsync([("grant_type", "refresh_token"), ("refresh_token", refresh)]);
        var (again, _) = await OAuthClient.Demo(server).TokenAsync([("grant_type", "refresh_token"), ("refresh_token", refresh)]);

        Assert.Equal(200, status);
        Assert.NotEqual(tokens.GetProperty("access_token").GetString(), body.GetProperty("access_token").GetString());
        Assert.False(body.TryGetProperty("refresh_token", out _));
        Assert.Equal(200, again);
    }

    [Fact]
    public async Task A_code_flow_refresh_token_needs_the_client_secret()
    {
        var refresh = (await CodeFlowTokensAsync()).GetProperty("refresh_token").GetString()!;

        var (status, body) = await NoSecret.TokenAsync([("grant_type", "refresh_token"), ("refresh_token", refresh), ("client_id", JukeboxTestServer.DemoClientId)]);

        Assert.Equal(400, status);
        Assert.Equal("invalid_client", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Refresh_tokens_expire_six_months_after_the_authorization_even_when_used()
    {
        var refresh = (await CodeFlowTokensAsync()).GetProperty("refresh_token").GetString()!;

        // Months pass through the sandbox clock, which moves the date without firing the fake clock's timers (e.g.
        // the database watch every two seconds) millions of times.
        await AdvanceDateAsync(TimeSpan.FromDays(150));
        var (midway, _) = await OAuthClient.Demo(server).TokenAsync([("grant_type", "refresh_token"), ("refresh_token", refresh)]);
        await AdvanceDateAsync(TimeSpan.FromDays(40));
        var (status, body) = await OAuthClient.Demo(server).TokenAsync([("grant_type", "refresh_token"), ("refresh_token", refresh)]);

        Assert.Equal(200, midway);
        Assert.Equal(400, status);
        Assert.Equal("invalid_grant", body.GetProperty("error").GetString());
    }
}
