using Jukebox.Testing;
using Microsoft.Playwright;

namespace Jukebox.Web.Tests.Pages;

/// <summary>
/// A test server and one headless Chromium shared by the tests of a class; each test opens its own
/// browser context (its own cookies). The browser is Debian's chromium, driven by Playwright; a
/// missing browser fails the tests with a message saying how to install it. A test class that needs
/// a server configured otherwise derives a fixture of its own (overriding <c>Settings</c>).
/// </summary>
public class BrowserServer : JukeboxTestServer
{
    /// <summary>The page test classes run one after the other: each starts a server and a browser, and the machine may have two cores.</summary>
    public const string Collection = "Chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private readonly List<IBrowserContext> _contexts = [];

    /// <summary>JUKEBOX_CHROMIUM, or where Debian's chromium package puts the browser.</summary>
    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("JUKEBOX_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public override async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"The page tests need Chromium at {ChromiumPath}, and it is not there. Install it with " +
                "`apt-get install chromium` (.ci/run does), or set JUKEBOX_CHROMIUM to a Chromium executable.");
        }
        await base.InitializeAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>A new tab in a new browser context: no cookies yet.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(30_000);
        lock (_contexts)
        {
            _contexts.Add(context);
        }
        return await context.NewPageAsync();
    }

    /// <summary>Saves a full-page screenshot when JUKEBOX_SCREENSHOTS names a folder (to look at the pages while working on them).</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("JUKEBOX_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
        }
    }

    public override async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }
        _playwright?.Dispose();
        await base.DisposeAsync();
    }
}

/// <summary>Steps on the accounts pages that several tests take.</summary>
public static class PageSteps
{
    /// <summary>
    /// Fills and submits the login form the page shows. The click returns once the navigation it
    /// starts has committed; the new document is then awaited by asking it for its readyState, as
    /// Chromium's lifecycle events are not always reported to Playwright (see <see cref="OpenAsync"/>).
    /// </summary>
    public static async Task LogInAsync(this IPage page, string login, string password)
    {
        await page.GetByLabel("Email address or username").FillAsync(login);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log In" }).ClickAsync();
        await page.WaitForFunctionAsync("() => document.readyState !== 'loading'");
    }

    /// <summary>
    /// Navigates and waits for the document only: the pages load nothing else, and waiting for the
    /// "load" event sometimes hangs with a Chromium newer than the one Playwright was built for.
    /// </summary>
    public static Task<IResponse?> OpenAsync(this IPage page, string path) =>
        page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.DOMContentLoaded });

    /// <summary>Opens the login page and signs in as the demo user; the browser lands on the dashboard.</summary>
    public static async Task LogInAsDemoAsync(this IPage page)
    {
        await page.OpenAsync("/login");
        await page.LogInAsync(JukeboxTestServer.DemoUserEmail, JukeboxTestServer.DemoUserPassword);
    }
}

[CollectionDefinition(BrowserServer.Collection)]
public sealed class ChromiumCollection;
