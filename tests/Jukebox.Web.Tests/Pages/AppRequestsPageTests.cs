using Jukebox.Accounts.Apps;
using Jukebox.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jukebox.Web.Tests.Pages;

/// <summary>An app's dashboard page in Chromium: its requests as they happen, its faults, and its chart by outcome.</summary>
[Collection(BrowserServer.Collection)]
[Trait("Category", "Browser")]
public sealed class AppRequestsPageTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    private static readonly LocatorAssertionsToContainTextOptions WithinFiveSeconds = new() { Timeout = 5_000 };

    private async Task<(string ClientId, HttpClient Api)> NewAppAsync(string name)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var app = await scope.ServiceProvider.GetRequiredService<DeveloperApps>()
            .CreateAsync(JukeboxTestServer.DemoUserId, name, "", null, [], CancellationToken.None);
        var (_, token) = await new OAuthClient(server, app.ClientId, app.ClientSecret).TokenAsync([("grant_type", "client_credentials")]);
        return (app.ClientId, server.CreateClient(token.GetProperty("access_token").GetString()));
    }

    [Fact]
    public async Task A_new_request_appears_in_the_table_while_the_page_is_open()
    {
        var (clientId, api) = await NewAppAsync("Live table app");
        using (api)
        {
            var page = await server.NewPageAsync();
            await page.LogInAsDemoAsync();
            await page.OpenAsync($"/dashboard/apps/{clientId}");
            await Expect(page.Locator("#request-log tbody tr")).ToHaveCountAsync(1); // the token request

            using var response = await api.GetAsync("/v1/albums/not-an-id?market=SE");

            var row = page.Locator("#request-log tbody tr").First;
            await Expect(row).ToContainTextAsync("GET /v1/albums/not-an-id?market=SE", WithinFiveSeconds);
            await Expect(row.Locator("td.status")).ToHaveTextAsync("400");
            await Expect(row).ToContainTextAsync("Invalid base62 id");
            await Expect(row).ToHaveClassAsync("failed");
            await BrowserServer.ScreenshotAsync(page, "dashboard-live-requests");
        }
    }

    [Fact]
    public async Task A_fault_added_on_the_page_fails_the_next_request_and_shows_in_the_table_and_the_chart()
    {
        var (clientId, api) = await NewAppAsync("Fault page app");
        using (api)
        {
            var page = await server.NewPageAsync();
            await page.LogInAsDemoAsync();
            await page.OpenAsync($"/dashboard/apps/{clientId}");

            await page.GetByLabel("Path").FillAsync("/v1/markets");
            await page.GetByLabel("Status").SelectOptionAsync("503");
            await page.GetByLabel("For the next … requests").FillAsync("1");
            await page.Locator("#add-fault").ClickAsync();
            await page.WaitForFunctionAsync("() => document.readyState !== 'loading'");
            await Expect(page.Locator("#fault-rules tbody tr")).ToHaveCountAsync(1);
            await Expect(page.Locator("#fault-rules tbody tr")).ToContainTextAsync("answers 503");

            using (var faulted = await api.GetAsync("/v1/markets"))
            {
                Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, faulted.StatusCode);
            }
            await Expect(page.Locator("#request-log tbody tr").First).ToContainTextAsync("Service unavailable", WithinFiveSeconds);
            await Expect(page.Locator("#request-log tbody tr").First).ToContainTextAsync("fault ");
            using (var normal = await api.GetAsync("/v1/markets"))
            {
                Assert.Equal(System.Net.HttpStatusCode.OK, normal.StatusCode);
            }

            await page.OpenAsync($"/dashboard/apps/{clientId}");
            await Expect(page.Locator("#no-faults")).ToHaveCountAsync(1);
            await Expect(page.Locator("#request-chart rect.server-error")).ToHaveAttributeAsync("data-count", "1");
            await Expect(page.Locator("#request-outcomes [data-outcome='5xx']")).ToContainTextAsync("5xx: 1");
            await Expect(page.Locator("#request-outcomes [data-outcome='2xx']")).ToContainTextAsync("2xx: 1");
            await BrowserServer.ScreenshotAsync(page, "dashboard-faults");
        }
    }

    [Fact]
    public async Task A_bad_fault_is_refused_with_its_reason_and_a_fault_can_be_removed()
    {
        var (clientId, api) = await NewAppAsync("Fault removal app");
        using (api)
        {
            var page = await server.NewPageAsync();
            await page.LogInAsDemoAsync();
            await page.OpenAsync($"/dashboard/apps/{clientId}");

            await page.GetByLabel("Path").FillAsync("/v1/markets");
            await page.Locator("#add-fault").ClickAsync();
            await Expect(page.Locator("#faults")).ToContainTextAsync("A fault needs an action");
            await Expect(page.Locator("#no-faults")).ToHaveCountAsync(1);

            await page.GetByLabel("Latency (ms)").FillAsync("250");
            await page.Locator("#add-fault").ClickAsync();
            await Expect(page.Locator("#fault-rules tbody tr")).ToContainTextAsync("waits 250 ms");
            await page.Locator("#fault-rules").GetByRole(AriaRole.Button, new() { Name = "Remove" }).ClickAsync();
            await Expect(page.Locator("#no-faults")).ToHaveCountAsync(1);
        }
    }
}
