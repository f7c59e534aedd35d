using Jukebox.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jukebox.Web.Tests.Pages;

/// <summary>The pages' security headers in Chromium: the pages work under their policy, and no site can frame them.</summary>
[Collection(BrowserServer.Collection)]
[Trait("Category", "Browser")]
public sealed class PageSecurityBrowserTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    [Fact]
    public async Task The_pages_styles_and_scripts_run_under_their_content_security_policy()
    {
        var page = await server.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                lock (violations)
                {
                    violations.Add(message.Text);
                }
            }
        };

        await page.LogInAsDemoAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Web Player" })).ToBeVisibleAsync();
        var background = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
        await page.OpenAsync("/player");
        // The player's script ran and its event stream connected.
        await Expect(page.Locator("body[data-device-id]")).ToHaveCountAsync(1);
        var coverWidth = await page.EvaluateAsync<int>("() => document.getElementById('cover').getBoundingClientRect().width");

        Assert.Equal("rgb(18, 18, 18)", background);
        Assert.Equal(300, coverWidth);
        lock (violations)
        {
            Assert.Empty(violations);
        }
    }

    [Fact]
    public async Task Another_site_cannot_show_the_login_page_in_a_frame()
    {
        var page = await server.NewPageAsync();
        await page.RouteAsync("http://framing.example/**", route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 200,
            ContentType = "text/html",
            Body = $"<iframe id=\"victim\" src=\"{server.BaseAddress}login\" onload=\"document.body.dataset.framed = 'loaded'\"></iframe>",
        }));

        await page.GotoAsync("http://framing.example/", new PageGotoOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Expect(page.Locator("body[data-framed='loaded']")).ToHaveCountAsync(1);
        var frame = page.MainFrame.ChildFrames.Single();

        Assert.Equal(0, await frame.Locator("input[type=password]").CountAsync());
    }
}
