using System.Net;
using Jukebox.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jukebox.Web.Tests.Pages;

/// <summary>The page at / in Chromium: what runs, the demo's values ready to copy, a first request, and the way on.</summary>
[Collection(BrowserServer.Collection)]
[Trait("Category", "Browser")]
public sealed class LandingPageTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    [Fact]
    public async Task The_landing_page_shows_what_runs_and_a_first_request_with_real_values()
    {
        var page = await server.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (problems)
                {
                    problems.Add(message.Text);
                }
            }
        };
        page.RequestFailed += (_, request) =>
        {
            lock (problems)
            {
                problems.Add(request.Url);
            }
        };

        var response = await page.OpenAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Jukebox", Exact = true })).ToBeVisibleAsync();
        await Expect(page.Locator("#demo-client-id")).ToHaveTextAsync(JukeboxTestServer.DemoClientId);
        await Expect(page.Locator("#try-token")).ToContainTextAsync($"{JukeboxTestServer.DemoClientId}:{JukeboxTestServer.DemoClientSecret}");
        await Expect(page.Locator("#try-token")).ToContainTextAsync(server.BaseAddress.ToString().TrimEnd('/') + "/api/token");
        await Expect(page.Locator("#catalog-size")).ToContainTextAsync("tracks");
        await BrowserServer.ScreenshotAsync(page, "landing");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Web API contract" })).ToHaveAttributeAsync("href", "/openapi/spotify.yml");
        // The dashboard asks who you are first.
        await page.GetByRole(AriaRole.Link, new() { Name = "Developer dashboard" }).ClickAsync();
        await Expect(page.GetByLabel("Email address or username")).ToBeVisibleAsync();

        Assert.Equal((int)HttpStatusCode.OK, response!.Status);
        lock (problems)
        {
            Assert.Empty(problems);
        }
    }
}
