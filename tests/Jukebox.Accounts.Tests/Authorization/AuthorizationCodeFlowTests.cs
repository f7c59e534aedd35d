using Jukebox.Testing;

namespace Jukebox.Accounts.Tests.Authorization;

/// <summary>The Authorization Code flow end to end: /authorize, login, consent, /api/token.</summary>
public sealed class AuthorizationCodeFlowTests(JukeboxTestServer server) : IClassFixture<JukeboxTestServer>
{
    private static readonly (string, string) Demo = (JukeboxTestServer.DemoUserEmail, JukeboxTestServer.DemoUserPassword);
    private const string Redirect = JukeboxTestServer.DemoRedirectUri;

    private static string AuthorizeQuery(string scope = "user-read-private user-read-email", string state = "xyz-123", string? showDialog = null) =>
        OAuthClient.Query(("client_id", JukeboxTestServer.DemoClientId), ("response_type", "code"), ("redirect_uri", Redirect),
            ("scope", scope), ("state", state), ("show_dialog", showDialog));

    [Fact]
    public async Task Agreeing_sends_a_code_and_the_state_back_and_the_code_buys_tokens()
    {
        using var browser = new AccountsBrowser(server);

        var back = await browser.AuthorizeAsync(AuthorizeQuery(), Demo);

        Assert.True(back is not null, $"{browser.LastPage?.StatusCode}: {browser.LastHtml}");
        Assert.StartsWith(Redirect + "?", back!.ToString());
        Assert.Equal("xyz-123", OAuthClient.Parameter(back, "state"));
        var code = OAuthClient.Parameter(back, "code")!;
        var (status, body) = await OAuthClient.Demo(server).TokenAsync([("grant_type", "authorization_code"), ("code", code), ("redirect_uri", Redirect)]);
        Assert.Equal(200, status);
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        Assert.Equal(3600, body.GetProperty("expires_in").GetInt32());
        Assert.Equal(["user-read-email", "user-read-private"], body.GetProperty("scope").GetString()!.Split(' ').Order());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("refresh_token").GetString()));
    }

    [Fact]
    public async Task Cancel_sends_access_denied_and_the_state_back()
    {
        using var browser = new AccountsBrowser(server);

        var back = await browser.AuthorizeAsync(AuthorizeQuery(scope: "user-top-read", state: "s-cancel"), Demo, decision: "cancel");

        Assert.Equal($"{Redirect}?error=access_denied&state=s-cancel", back!.ToString());
    }

    [Fact]
    public async Task Consent_is_remembered_for_the_same_scopes_unless_show_dialog_is_true()
    {
        using var browser = new AccountsBrowser(server);
        await browser.AuthorizeAsync(AuthorizeQuery(scope: "user-follow-read"), Demo);

        var again = await browser.AuthorizeAsync(AuthorizeQuery(scope: "user-follow-read"));
        Assert.NotNull(OAuthClient.Parameter(again!, "code"));

        var forced = await browser.AuthorizeAsync(AuthorizeQuery(scope: "user-follow-read", showDialog: "true"), decision: "cancel");
        Assert.Equal("access_denied", OAuthClient.Parameter(forced!, "error"));
    }

    [Fact]
    public async Task A_code_works_once()
    {
        using var browser = new AccountsBrowser(server);
        var code = OAuthClient.Parameter((await browser.AuthorizeAsync(AuthorizeQuery(), Demo))!, "code")!;
        var client = OAuthClient.Demo(server);
        var (first, _) = await client.TokenAsync([("grant_type", "authorization_code"), ("code", code), ("redirect_uri", Redirect)]);

        var (status, body) = await client.TokenAsync([("grant_type", "authorization_code"), ("code", code), ("redirect_uri", Redirect)]);

        Assert.Equal(200, first);
        Assert.Equal(400, status);
        Assert.Equal("invalid_grant", body.GetProperty("error").GetString());
        Assert.Equal("Invalid authorization code", body.GetProperty("error_description").GetString());
    }

    [Fact]
    public async Task A_code_is_bound_to_the_redirect_uri_it_was_issued_for()
    {
        using var browser = new AccountsBrowser(server);
        var code = OAuthClient.Parameter((await browser.AuthorizeAsync(AuthorizeQuery(), Demo))!, "code")!;

        var (status, body) = await OAuthClient.Demo(server).TokenAsync(
            [("grant_type", "authorization_code"), ("code", code), ("redirect_uri", "http://127.0.0.1:8888/other")]);

        Assert.Equal(400, status);
        Assert.Equal("invalid_grant", body.GetProperty("error").GetString());
        Assert.Equal("Invalid redirect URI", body.GetProperty("error_description").GetString());
    }

    [Fact]
    public async Task A_code_expires_after_ten_minutes()
    {
        using var browser = new AccountsBrowser(server);
        var code = OAuthClient.Parameter((await browser.AuthorizeAsync(AuthorizeQuery(), Demo))!, "code")!;
        server.Clock.Advance(TimeSpan.FromMinutes(11));

        var (status, body) = await OAuthClient.Demo(server).TokenAsync([("grant_type", "authorization_code"), ("code", code), ("redirect_uri", Redirect)]);

        Assert.Equal(400, status);
        Assert.Equal("invalid_grant", body.GetProperty("error").GetString());
        Assert.Equal("Invalid authorization code", body.GetProperty("error_description").GetString());
    }

    [Fact]
    public async Task The_user_token_opens_the_api_with_the_users_country_as_market()
    {
        using var browser = new AccountsBrowser(server);
        var code = OAuthClient.Parameter((await browser.AuthorizeAsync(AuthorizeQuery(), Demo))!, "code")!;
        var (_, body) = await OAuthClient.Demo(server).TokenAsync([("grant_type", "authorization_code"), ("code", code), ("redirect_uri", Redirect)]);
        var relinked = (await server.CatalogAsync()).Tracks.Values.First(t => t.OtherInstances.Length > 0 && !t.Markets.Contains("US"));
        using var api = server.CreateClient(body.GetProperty("access_token").GetString());

        using var response = await api.GetAsync($"/v1/tracks/{relinked.Id}?market=from_token");

        var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(relinked.Id, json.GetProperty("linked_from").GetProperty("id").GetString());
        Assert.True(json.GetProperty("is_playable").GetBoolean());
    }
}
