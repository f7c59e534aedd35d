using Jukebox.Web.Docs;
using Jukebox.Web.Tests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jukebox.Web.Tests.Docs;

/// <summary>The docs UI at /docs in Chromium: both documents render, from this server alone, under the pages' policy.</summary>
[Collection(BrowserServer.Collection)]
[Trait("Category", "Browser")]
public sealed class ApiDocsPageTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    /// <summary>swagger-ui's script is large and the machine may be busy: loading it and rendering the spec can take a while.</summary>
    private const float Patience = 90_000;

    private static readonly LocatorAssertionsToBeVisibleOptions Rendered = new() { Timeout = Patience };

    [Fact]
    public async Task The_docs_show_the_web_api_and_the_sandbox_api_from_this_server_alone()
    {
        var page = await server.NewPageAsync();
        var problems = new PageProblems(page, server.BaseAddress);

        await OpenDocsAsync(page);
        await BrowserServer.ScreenshotAsync(page, "docs-web-api");
        await Definitions(page).SelectOptionAsync(new SelectOptionValue { Label = ApiDocs.SandboxName });
        await Expect(Operation(page, "post", "/sandbox/users")).ToBeVisibleAsync(Rendered);
        await BrowserServer.ScreenshotAsync(page, "docs-sandbox");

        Assert.Equal([ApiDocs.ContractName, ApiDocs.SandboxName], await Definitions(page).Locator("option").AllTextContentsAsync());
        problems.AssertNone();
    }

    [Fact]
    public async Task The_landing_page_links_the_docs()
    {
        var page = await server.NewPageAsync();
        await page.OpenAsync("/");

        await page.GetByRole(AriaRole.Link, new() { Name = "API docs" }).ClickAsync();

        await Expect(Operation(page, "get", "/albums/{id}")).ToBeVisibleAsync(Rendered);
    }

    /// <summary>Opens /docs and waits for the Web API's operations.</summary>
    internal static async Task OpenDocsAsync(IPage page)
    {
        await page.GotoAsync(ApiDocs.Path, new PageGotoOptions { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = Patience });
        await Expect(Operation(page, "get", "/albums/{id}")).ToBeVisibleAsync(Rendered);
    }

    /// <summary>The definition picker in swagger-ui's top bar.</summary>
    internal static ILocator Definitions(IPage page) => page.Locator(".topbar select");

    /// <summary>An operation's row, as swagger-ui lists it.</summary>
    internal static ILocator Operation(IPage page, string method, string path) =>
        page.Locator($".opblock-{method} .opblock-summary-path[data-path='{path}']");
}
