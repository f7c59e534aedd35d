using Jukebox.Sandbox;
using Jukebox.Web.Docs;
using Jukebox.Web.Tests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jukebox.Web.Tests.Docs;

/// <summary>
/// With a sandbox admin key, the docs UI names the sandbox document as needing the key, and the guard
/// still refuses the page's request for it (the page cannot send the key).
/// </summary>
[Collection(BrowserServer.Collection)]
[Trait("Category", "Browser")]
public sealed class ApiDocsWithAdminKeyTests(ApiDocsWithAdminKeyTests.AdminKeyServer server) : IClassFixture<ApiDocsWithAdminKeyTests.AdminKeyServer>
{
    public sealed class AdminKeyServer : BrowserServer
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Sandbox:AdminKey", "docs-admin-key")];
    }

    [Fact]
    public async Task With_an_admin_key_the_docs_say_the_sandbox_document_needs_it_and_cannot_read_it()
    {
        var page = await server.NewPageAsync();
        await ApiDocsPageTests.OpenDocsAsync(page);
        var options = await ApiDocsPageTests.Definitions(page).Locator("option").AllTextContentsAsync();

        var sandboxDocument = page.WaitForResponseAsync(response => response.Url.EndsWith(SandboxOpenApi.DocumentPath, StringComparison.Ordinal));
        await ApiDocsPageTests.Definitions(page).SelectOptionAsync(new SelectOptionValue { Label = ApiDocs.SandboxNameWithKey });
        var response = await sandboxDocument;

        Assert.Equal([ApiDocs.ContractName, ApiDocs.SandboxNameWithKey], options);
        Assert.Equal(401, response.Status);
        await Expect(page.GetByText("Failed to load API definition")).ToBeVisibleAsync();
        await Expect(page.Locator(".opblock-summary-path[data-path^='/sandbox/']")).ToHaveCountAsync(0);
    }
}
