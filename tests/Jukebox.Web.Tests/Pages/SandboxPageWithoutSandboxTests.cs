using System.Net;
using Jukebox.Testing;

namespace Jukebox.Web.Tests.Pages;

/// <summary>With the sandbox off, the page does not exist, the dashboard does not link to it and shows no request log.</summary>
public sealed class SandboxPageWithoutSandboxTests(SandboxPageWithoutSandboxTests.NoSandboxServer server)
    : IClassFixture<SandboxPageWithoutSandboxTests.NoSandboxServer>
{
    public sealed class NoSandboxServer : JukeboxTestServer
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Sandbox:Enabled", "false")];
    }

    [Fact]
    public async Task The_page_answers_404_and_the_dashboard_has_no_link_to_it_nor_the_request_log()
    {
        using var browser = await SandboxPageSteps.LoggedInAsync(server);
        var appPage = $"/dashboard/apps/{JukeboxTestServer.DemoClientId}";
        Assert.DoesNotContain("id=\"request-log\"", await browser.Client.GetStringAsync(appPage));
        using (var stream = await browser.Client.GetAsync(appPage + "/requests/events"))
        {
            Assert.Equal(HttpStatusCode.NotFound, stream.StatusCode);
        }

        using var page = await browser.Client.GetAsync(SandboxPageSteps.Path);
        using var snapshot = await browser.Client.GetAsync(SandboxPageSteps.Path + "?handler=Snapshot");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, snapshot.StatusCode);
        Assert.DoesNotContain("/dashboard/sandbox", await browser.Client.GetStringAsync("/dashboard"));
    }
}
