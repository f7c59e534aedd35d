using Jukebox.Accounts.Apps;
using Jukebox.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jukebox.Web.Tests.Pages;

/// <summary>The dashboard's sandbox page in Chromium: reached from the header, the clock moved and the server reset by a person.</summary>
[Collection(BrowserServer.Collection)]
[Trait("Category", "Browser")]
public sealed class SandboxPageBrowserTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    [Fact]
    public async Task A_person_moves_the_clock_and_resets_the_server_from_the_dashboard()
    {
        await using (var scope = server.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DeveloperApps>()
                .CreateAsync(JukeboxTestServer.DemoUserId, "Browser reset app", "", null, [], CancellationToken.None);
        }
        var page = await server.NewPageAsync();
        await page.LogInAsDemoAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Sandbox", Exact = true }).ClickAsync();
        await page.WaitForFunctionAsync("() => document.readyState !== 'loading'");
        await Expect(page.Locator("#clock-offset")).ToHaveTextAsync("the system clock's");

        await page.GetByLabel("Move ahead by").FillAsync("2");
        await page.GetByLabel("Unit").SelectOptionAsync("hours");
        await page.Locator("#advance-clock").ClickAsync();
        await page.WaitForFunctionAsync("() => document.readyState !== 'loading'");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The clock moved 2 hours ahead");
        await Expect(page.Locator("#clock-offset")).ToHaveTextAsync("7200 s ahead of the system clock");
        await Expect(page.Locator("#server-time")).ToHaveTextAsync("2026-11-02 14:00:00 UTC");

        await page.GetByLabel("Delete everything users made").CheckAsync();
        await page.Locator("#reset-server").ClickAsync();
        await page.WaitForFunctionAsync("() => document.readyState !== 'loading'");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The server was reset");
        await BrowserServer.ScreenshotAsync(page, "dashboard-sandbox");
        await page.OpenAsync("/dashboard");
        await Expect(page.Locator("#apps")).Not.ToContainTextAsync("Browser reset app");
    }
}
