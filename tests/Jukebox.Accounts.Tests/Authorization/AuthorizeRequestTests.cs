using System.Net;
using Jukebox.Accounts.Apps;
using Jukebox.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Jukebox.Accounts.Tests.Authorization;

/// <summary>How /authorize answers requests it cannot honour: a page, or a redirect with the error.</summary>
public sealed class AuthorizeRequestTests(JukeboxTestServer server) : IClassFixture<JukeboxTestServer>
{
    private static readonly (string, string) Demo = (JukeboxTestServer.DemoUserEmail, JukeboxTestServer.DemoUserPassword);

    private async Task<DeveloperApps.Created> CreateAppAsync(params string[] redirectUris)
    {
        await using var scope = server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DeveloperApps>()
            .CreateAsync(JukeboxTestServer.DemoUserId, "Test app", "An app of the tests", null, redirectUris, CancellationToken.None);
    }

    private static string Query(string clientId, string redirect, string responseType = "code", string scope = "user-read-private") =>
        OAuthClient.Query(("client_id", clientId), ("response_type", responseType), ("redirect_uri", redirect), ("scope", scope), ("state", "st"));

    [Fact]
    public async Task An_unknown_client_gets_an_error_page_and_no_redirect()
    {
        using var browser = new AccountsBrowser(server);

        var back = await browser.AuthorizeAsync(Query("ffffffffffffffffffffffffffffffff", JukeboxTestServer.DemoRedirectUri), Demo);

        Assert.Null(back);
        Assert.Equal(HttpStatusCode.BadRequest, browser.LastPage!.StatusCode);
        Assert.Contains("INVALID_CLIENT: Invalid client", browser.LastHtml);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8888/other")]
    [InlineData("http://localhost:8888/callback")]
    [InlineData("https://evil.example/callback")]
    public async Task An_unregistered_redirect_uri_gets_an_error_page_and_no_redirect(string redirect)
    {
        using var browser = new AccountsBrowser(server);

        var back = await browser.AuthorizeAsync(Query(JukeboxTestServer.DemoClientId, redirect), Demo);

        Assert.Null(back);
        Assert.Contains("INVALID_CLIENT: Invalid redirect URI", browser.LastHtml);
    }

    [Fact]
    public async Task A_loopback_uri_registered_without_port_accepts_the_port_the_app_picked()
    {
        var app = await CreateAppAsync("http://127.0.0.1/callback");
        using var browser = new AccountsBrowser(server);

        var back = await browser.AuthorizeAsync(Query(app.ClientId, "http://127.0.0.1:53682/callback"), Demo);

        Assert.StartsWith("http://127.0.0.1:53682/callback?code=", back!.ToString());
        var code = OAuthClient.Parameter(back, "code")!;
        var (status, _) = await new OAuthClient(server, app.ClientId, app.ClientSecret)
            .TokenAsync([("grant_type", "authorization_code"), ("code", code), ("redirect_uri", "http://127.0.0.1:53682/callback")]);
        Assert.Equal(200, status);
    }

    [Fact]
    public async Task An_unknown_scope_gets_the_Illegal_scope_page()
    {
        using var browser = new AccountsBrowser(server);

        var back = await browser.AuthorizeAsync(Query(JukeboxTestServer.DemoClientId, JukeboxTestServer.DemoRedirectUri, scope: "user-read-private not-a-scope"), Demo);

        Assert.Null(back);
        Assert.Equal(HttpStatusCode.BadRequest, browser.LastPage!.StatusCode);
        Assert.Contains("Illegal scope", browser.LastHtml);
    }

    [Fact]
    public async Task The_implicit_grant_is_refused_in_the_fragment_as_Spotify_has_since_2025()
    {
        using var browser = new AccountsBrowser(server);

        var back = await browser.AuthorizeAsync(Query(JukeboxTestServer.DemoClientId, JukeboxTestServer.DemoRedirectUri, responseType: "token"), Demo);

        Assert.Equal($"{JukeboxTestServer.DemoRedirectUri}#error=unsupported_response_type&state=st", back!.ToString());
    }

    [Fact]
    public async Task The_consent_page_names_the_app_and_describes_each_requested_scope()
    {
        var app = await CreateAppAsync("https://consent.example/callback");
        using var browser = new AccountsBrowser(server);

        var back = await browser.AuthorizeAsync(Query(app.ClientId, "https://consent.example/callback", scope: "playlist-read-private user-top-read"), Demo, decision: "none");

        Assert.Null(back);
        Assert.Contains("Test app", browser.LastHtml);
        Assert.Contains("Access your private playlists.", browser.LastHtml);
        Assert.Contains("Read your top artists and content.", browser.LastHtml);
        Assert.Contains(">Agree<", browser.LastHtml);
        Assert.Contains(">Cancel<", browser.LastHtml);
    }
}
