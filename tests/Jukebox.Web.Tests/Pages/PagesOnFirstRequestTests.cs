using System.Net;
using System.Text.RegularExpressions;
using Jukebox.Testing;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Jukebox.Web.Tests.Pages;

/// <summary>
/// The pages are mapped by the first request for one (PagesOnFirstRequest): a server whose first
/// requests were the Web API's, as a test suite's are, serves them as if they had been there from the
/// start, and every page lives under a path that maps them.
/// </summary>
public sealed partial class PagesOnFirstRequestTests(JukeboxTestServer server) : IClassFixture<JukeboxTestServer>
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

    [Fact]
    public async Task Every_page_is_under_a_path_whose_first_request_maps_the_pages()
    {
        using var browser = new AccountsBrowser(server);
        using var login = await browser.Client.GetAsync("/login");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);

        var pages = server.Services.GetServices<EndpointDataSource>().SelectMany(source => source.Endpoints).OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(endpoint => "/" + endpoint.RoutePattern.RawText!.TrimStart('/'))
            .ToList();

        Assert.Contains("/dashboard/apps/{clientId}", pages);
        Assert.Contains("/", pages);
        // A page elsewhere would answer 404 until some other page had been asked for.
        Assert.All(pages, page => Assert.True(WebSetup.IsPagePath(Parameter().Replace(page, "x")), $"{page} is not under a page path"));
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
