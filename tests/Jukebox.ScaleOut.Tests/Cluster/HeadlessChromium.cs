using Microsoft.Playwright;

namespace Jukebox.ScaleOut.Tests.Cluster;

/// <summary>
/// Debian's chromium, headless, driven by Playwright (as the page tests drive it); each page gets a
/// browser context of its own, so its own cookies.
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private HeadlessChromium(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    /// <summary>JUKEBOX_CHROMIUM, or where Debian's chromium package puts the browser.</summary>
    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("JUKEBOX_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static async Task<HeadlessChromium> LaunchAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"The web player test needs Chromium at {ChromiumPath}, and it is not there. Install it with " +
                "`apt-get install chromium` (.ci/run does), or set JUKEBOX_CHROMIUM to a Chromium executable.");
        }
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
        return new HeadlessChromium(playwright, browser);
    }

    /// <summary>Signs in on <paramref name="baseAddress"/> and opens the web player there, once it is a device.</summary>
    public async Task<IPage> OpenPlayerAsync(Uri baseAddress, string login, string password)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString() });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        // Waits for the document only, as the page tests do: the "load" event sometimes never comes
        // from a Chromium newer than the one Playwright was built for.
        var documentOnly = new PageGotoOptions { WaitUntil = WaitUntilState.DOMContentLoaded };
        await page.GotoAsync("/login", documentOnly);
        await page.GetByLabel("Email address or username").FillAsync(login);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log In" }).ClickAsync();
        await page.WaitForFunctionAsync("() => document.readyState !== 'loading' && !location.pathname.startsWith('/login')");
        await page.GotoAsync("/player", documentOnly);
        await Assertions.Expect(page.Locator("body[data-device-id]")).ToHaveCountAsync(1);
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _browser.Contexts)
        {
            await context.CloseAsync();
        }
        await _browser.CloseAsync();
        _playwright.Dispose();
    }
}
