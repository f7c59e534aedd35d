using Jukebox.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jukebox.Web.Tests.Pages;

/// <summary>The copy buttons next to client ids and secrets put the value on the clipboard, by mouse or keyboard.</summary>
[Collection(BrowserServer.Collection)]
[Trait("Category", "Browser")]
public sealed class CopyButtonTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    private async Task<IPage> NewPageWithClipboardAsync()
    {
        var page = await server.NewPageAsync();
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        return page;
    }

    private static Task<string> ClipboardAsync(IPage page) => page.EvaluateAsync<string>("() => navigator.clipboard.readText()");

    private static ILocator Button(IPage page, string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    /// <summary>Clears the clipboard, so a value found there was put by the button just pressed.</summary>
    private static Task ClearClipboardAsync(IPage page) => page.EvaluateAsync("() => navigator.clipboard.writeText('')");

    [Fact]
    public async Task The_landing_page_copies_the_demo_apps_client_id_and_secret()
    {
        var page = await NewPageWithClipboardAsync();
        await page.OpenAsync("/");

        await ClearClipboardAsync(page);
        await Button(page, "Copy client_id").ClickAsync();
        await Expect(Button(page, "Copy client_id")).ToHaveTextAsync("Copied");
        var clientId = await ClipboardAsync(page);
        await Button(page, "Copy client_secret").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(Button(page, "Copy client_secret")).ToHaveTextAsync("Copied");
        var secret = await ClipboardAsync(page);

        Assert.Equal(JukeboxTestServer.DemoClientId, clientId);
        Assert.Equal(JukeboxTestServer.DemoClientSecret, secret);
    }

    [Fact]
    public async Task An_apps_page_copies_its_client_id_and_its_new_secret()
    {
        var page = await NewPageWithClipboardAsync();
        await page.LogInAsDemoAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Create app" }).ClickAsync();
        await page.GetByLabel("App name").FillAsync("Copy Test App");
        await page.GetByLabel("App description").FillAsync("Made by the copy button test.");
        await Button(page, "Save").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Copy Test App" })).ToBeVisibleAsync();
        var shownId = await page.Locator("#client-id").InnerTextAsync();
        var shownSecret = await page.Locator("#client-secret").InnerTextAsync();

        await ClearClipboardAsync(page);
        await Button(page, "Copy client ID").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await Expect(Button(page, "Copy client ID")).ToHaveTextAsync("Copied");
        var clientId = await ClipboardAsync(page);
        await Button(page, "Copy client secret").ClickAsync();
        await Expect(Button(page, "Copy client secret")).ToHaveTextAsync("Copied");
        var secret = await ClipboardAsync(page);
        await BrowserServer.ScreenshotAsync(page, "dashboard-copied");

        Assert.Matches("^[0-9a-f]{32}$", clientId);
        Assert.Equal(shownId, clientId);
        Assert.Equal(shownSecret, secret);
        Assert.NotEqual(clientId, secret);
    }
}
