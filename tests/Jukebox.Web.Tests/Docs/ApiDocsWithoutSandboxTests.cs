using Jukebox.Web.Docs;
using Jukebox.Web.Tests.Pages;

namespace Jukebox.Web.Tests.Docs;

/// <summary>With the sandbox off, the docs UI does not offer its document (which does not exist then).</summary>
[Collection(BrowserServer.Collection)]
[Trait("Category", "Browser")]
public sealed class ApiDocsWithoutSandboxTests(ApiDocsWithoutSandboxTests.SandboxOffServer server) : IClassFixture<ApiDocsWithoutSandboxTests.SandboxOffServer>
{
    public sealed class SandboxOffServer : BrowserServer
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Sandbox:Enabled", "false")];
    }

    [Fact]
    public async Task Without_the_sandbox_the_docs_list_the_web_api_only()
    {
        var page = await server.NewPageAsync();
        var problems = new PageProblems(page, server.BaseAddress);

        await ApiDocsPageTests.OpenDocsAsync(page);

        Assert.Equal([ApiDocs.ContractName], await ApiDocsPageTests.Definitions(page).Locator("option").AllTextContentsAsync());
        Assert.DoesNotContain(ApiDocs.SandboxName, await page.ContentAsync(), StringComparison.Ordinal);
        problems.AssertNone();
    }
}
