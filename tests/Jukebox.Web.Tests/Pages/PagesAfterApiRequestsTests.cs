using System.Net;
using Jukebox.Testing;

namespace Jukebox.Web.Tests.Pages;

/// <summary>
/// The pages of a server whose first requests were the Web API's only, as a test suite's are: they are
/// mapped by the first request for a page, and work as if they had been there from the start.
/// </summary>
public sealed class PagesAfterApiRequestsTests(JukeboxTestServer server) : IClassFixture<JukeboxTestServer>
{
    [Fact]
    public async Task Pages_first_asked_for_after_Web_API_requests_sign_in_and_link_to_each_other()
    {
        using var api = await server.CreateAppClientAsync();
        using var search = await api.GetAsync("/v1/search?q=love&type=track");
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);

        using var browser = new AccountsBrowser(server);
        await browser.LogInAsync(JukeboxTestServer.DemoUserEmail, JukeboxTestServer.DemoUserPassword);
        using var dashboard = await browser.Client.GetAsync("/dashboard");

        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        // The layout's log-out form: its address comes from link generation, which knows the pages by now.
        Assert.Contains("<form method=\"post\" action=\"/logout\">", await dashboard.Content.ReadAsStringAsync());
    }
}
