using Jukebox.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jukebox.Web.Tests.Pages;

/// <summary>The login page in Chromium.</summary>
[Collection(BrowserServer.Collection)]
[Trait("Category", "Browser")]
public sealed class LoginPageTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    [Fact]
    public async Task With_the_demo_on_the_login_page_names_the_demo_user_and_its_password_which_log_in()
    {
        var page = await server.NewPageAsync();
        await page.OpenAsync("/login");

        var hint = page.Locator("#demo-hint");
        await Expect(hint).ToContainTextAsync(JukeboxTestServer.DemoUserEmail);
        await Expect(hint).ToContainTextAsync(JukeboxTestServer.DemoUserPassword);
        var codes = await hint.Locator("code").AllTextContentsAsync();
        await page.LogInAsync(codes[0], codes[^1]);

        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Web Player" })).ToBeVisibleAsync();
        Assert.Equal("/dashboard", new Uri(page.Url).AbsolutePath);
    }

    [Fact]
    public async Task A_wrong_password_shows_an_error_and_keeps_the_user_on_the_login_page()
    {
        var page = await server.NewPageAsync();
        await page.OpenAsync("/login");

        await page.LogInAsync(JukeboxTestServer.DemoUserEmail, "not-the-password");

        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Incorrect username or password.");
        Assert.Equal("/login", new Uri(page.Url).AbsolutePath);
        await Expect(page.GetByLabel("Email address or username")).ToHaveValueAsync(JukeboxTestServer.DemoUserEmail);
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "jukebox_session");
    }

    [Fact]
    public async Task After_five_wrong_passwords_this_browser_waits_a_minute_before_trying_that_account_again()
    {
        await server.CreateUserAsync("lockout-user", "right-password-1");
        var page = await server.NewPageAsync();
        await page.OpenAsync("/login");

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await page.LogInAsync("lockout-user", $"wrong-{attempt}");
            await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Incorrect username or password.");
        }
        await page.LogInAsync("lockout-user", "right-password-1");
        await BrowserServer.ScreenshotAsync(page, "login-wait");

        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Too many failed attempts. Try again later.");
        Assert.Equal("/login", new Uri(page.Url).AbsolutePath);

        server.Clock.Advance(TimeSpan.FromSeconds(61));
        await page.LogInAsync("lockout-user", "right-password-1");
        await Expect(page).ToHaveURLAsync(new Uri(server.BaseAddress, "/dashboard").ToString());
    }

    [Fact]
    public async Task Signing_in_from_a_dashboard_page_returns_to_it_with_an_HttpOnly_SameSite_session_cookie()
    {
        var page = await server.NewPageAsync();

        await page.OpenAsync("/dashboard");
        Assert.Equal("/login", new Uri(page.Url).AbsolutePath);
        Assert.Contains("ReturnUrl=%2Fdashboard", page.Url);
        await page.LogInAsync(JukeboxTestServer.DemoUserId, JukeboxTestServer.DemoUserPassword);

        await Expect(page).ToHaveURLAsync(new Uri(server.BaseAddress, "/dashboard").ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard" })).ToBeVisibleAsync();
        var session = Assert.Single(await page.Context.CookiesAsync(), c => c.Name == "jukebox_session");
        Assert.True(session.HttpOnly);
        Assert.Equal(SameSiteAttribute.Lax, session.SameSite);
        Assert.All(await page.Context.CookiesAsync(), c => Assert.True(c.HttpOnly, c.Name));
    }

    [Fact]
    public async Task Logging_out_ends_the_session()
    {
        var page = await server.NewPageAsync();
        await page.LogInAsDemoAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(server.BaseAddress, "/login").ToString());

        await page.OpenAsync("/dashboard");
        Assert.Equal("/login", new Uri(page.Url).AbsolutePath);
    }
}
