using Jukebox.Accounts.Authorization;
using Jukebox.Api.Http;
using Jukebox.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jukebox.Web.Tests.Pages;

/// <summary>
/// The consent page of /authorize in Chromium. The demo app's redirect URI has no server behind it,
/// so the browser's requests to it are answered by the test, which then reads the URL the browser
/// was sent to.
/// </summary>
[Collection(BrowserServer.Collection)]
[Trait("Category", "Browser")]
public sealed class ConsentPageTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    private const string Redirect = JukeboxTestServer.DemoRedirectUri;

    private static string AuthorizeUrl(string scope, string state) =>
        "/authorize?" + OAuthClient.Query(("client_id", JukeboxTestServer.DemoClientId), ("response_type", "code"),
            ("redirect_uri", Redirect), ("scope", scope), ("state", state), ("show_dialog", "true"));

    /// <summary>A tab whose visits to the app's redirect URI get a small page of the app's.</summary>
    private async Task<IPage> NewPageWithAppAsync()
    {
        var page = await server.NewPageAsync();
        await page.RouteAsync(new Uri(new Uri(Redirect), "/").ToString() + "**", route =>
            route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "text/html", Body = "<h1>The app's callback</h1>" }));
        return page;
    }

    [Fact]
    public async Task The_consent_page_names_the_app_and_describes_each_scope_and_Agree_sends_a_code_and_the_state()
    {
        var page = await NewPageWithAppAsync();

        await page.OpenAsync(AuthorizeUrl("user-read-private user-top-read playlist-modify-public", "state-agree-1"));
        Assert.Equal("/login", new Uri(page.Url).AbsolutePath);
        await page.LogInAsync(JukeboxTestServer.DemoUserEmail, JukeboxTestServer.DemoUserPassword);
        await BrowserServer.ScreenshotAsync(page, "consent");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Jukebox Demo App" })).ToBeVisibleAsync();
        foreach (var scope in new[] { "user-read-private", "user-top-read", "playlist-modify-public" })
        {
            await Expect(page.Locator($"li[data-scope='{scope}']")).ToHaveTextAsync(SpotifyScopes.UserDescriptions[scope]);
        }
        await Expect(page.Locator("ul.scopes li[data-scope]")).ToHaveCountAsync(3);

        await page.GetByRole(AriaRole.Button, new() { Name = "Agree" }).ClickAsync();
        await page.WaitForURLAsync(url => url.StartsWith(Redirect + "?", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.DOMContentLoaded });

        var back = new Uri(page.Url);
        Assert.Equal("state-agree-1", OAuthClient.Parameter(back, "state"));
        var code = OAuthClient.Parameter(back, "code");
        Assert.False(string.IsNullOrEmpty(code));
        var (status, _) = await OAuthClient.Demo(server).TokenAsync([("grant_type", "authorization_code"), ("code", code!), ("redirect_uri", Redirect)]);
        Assert.Equal(200, status);
    }

    [Fact]
    public async Task Cancel_sends_access_denied_and_the_state_back_to_the_app()
    {
        var page = await NewPageWithAppAsync();
        await page.LogInAsDemoAsync();

        await page.OpenAsync(AuthorizeUrl("user-library-read", "state-cancel-1"));
        await Expect(page.Locator("li[data-scope='user-library-read']")).ToHaveTextAsync(SpotifyScopes.UserDescriptions["user-library-read"]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await page.WaitForURLAsync(url => url.StartsWith(Redirect + "?", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.DOMContentLoaded });

        var back = new Uri(page.Url);
        Assert.Equal("access_denied", OAuthClient.Parameter(back, "error"));
        Assert.Equal("state-cancel-1", OAuthClient.Parameter(back, "state"));
        Assert.Null(OAuthClient.Parameter(back, "code"));
    }
}
