using System.Net;
using Jukebox.Accounts.Apps;
using Jukebox.Data;
using Jukebox.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jukebox.Web.Tests.Pages;

/// <summary>The developer dashboard in Chromium, signed in as the demo user.</summary>
[Collection(BrowserServer.Collection)]
[Trait("Category", "Browser")]
public sealed class DashboardPageTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    private async Task<T> WithAppsAsync<T>(Func<DeveloperApps, Task<T>> action)
    {
        await using var scope = server.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<DeveloperApps>());
    }

    private static ILocator Button(IPage page, string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    [Fact]
    public async Task An_app_can_be_created_edited_rotated_shared_switched_to_extended_quota_and_deleted()
    {
        await server.CreateUserAsync("dashboard-tester", "tester-pass-1");
        var page = await server.NewPageAsync();
        await page.LogInAsDemoAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard" })).ToBeVisibleAsync();

        // Create: the client id and, this once, the secret.
        await page.GetByRole(AriaRole.Link, new() { Name = "Create app" }).ClickAsync();
        await page.GetByLabel("App name").FillAsync("Browser Test App");
        await page.GetByLabel("App description").FillAsync("Made by the dashboard test.");
        await page.GetByLabel("Redirect URIs").FillAsync("http://127.0.0.1:5173/callback");
        await Button(page, "Save").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Browser Test App" })).ToBeVisibleAsync();
        await BrowserServer.ScreenshotAsync(page, "dashboard-created");
        var clientId = await page.Locator("#client-id").InnerTextAsync();
        var secret = await page.Locator("#client-secret").InnerTextAsync();
        Assert.Matches("^[0-9a-f]{32}$", clientId);
        Assert.Matches("^[0-9a-f]{32}$", secret);
        Assert.Equal(200, (await new OAuthClient(server, clientId, secret).TokenAsync([("grant_type", "client_credentials")])).Status);

        await page.ReloadAsync(new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Expect(page.Locator("#client-secret")).ToHaveCountAsync(0);
        await Expect(page.Locator("#client-secret-hidden")).ToContainTextAsync("stores the secret only hashed");
        await page.OpenAsync("/dashboard");
        await Expect(page.Locator($"#apps tr[data-client-id='{clientId}']")).ToContainTextAsync("Browser Test App");

        // Edit: a localhost redirect URI is refused next to the field; a loopback literal is saved.
        await page.OpenAsync($"/dashboard/apps/{clientId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit settings" }).ClickAsync();
        await page.GetByLabel("Redirect URIs").FillAsync("http://127.0.0.1:5173/callback\nhttp://localhost:3000/callback");
        await Button(page, "Save").ClickAsync();
        var fieldError = page.Locator("span[data-valmsg-for='Form.RedirectUris']");
        await Expect(fieldError).ToContainTextAsync("localhost is not allowed as redirect URI; use http://127.0.0.1 or http://[::1].");
        await BrowserServer.ScreenshotAsync(page, "dashboard-edit-error");
        await Expect(page.GetByLabel("Redirect URIs")).ToHaveValueAsync("http://127.0.0.1:5173/callback\nhttp://localhost:3000/callback");
        await page.GetByLabel("Redirect URIs").FillAsync("http://127.0.0.1:5173/callback\nhttps://app.example/callback");
        await page.GetByLabel("App name").FillAsync("Browser Test App 2");
        await Button(page, "Save").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Settings saved.");
        await Expect(page.Locator("#redirect-uris li")).ToHaveTextAsync(["http://127.0.0.1:5173/callback", "https://app.example/callback"]);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Browser Test App 2" })).ToBeVisibleAsync();

        // Rotate: a new secret, shown once; the old one stops working.
        await Button(page, "Rotate client secret").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("rotated");
        var newSecret = await page.Locator("#client-secret").InnerTextAsync();
        Assert.NotEqual(secret, newSecret);
        Assert.Equal(400, (await new OAuthClient(server, clientId, secret).TokenAsync([("grant_type", "client_credentials")])).Status);
        Assert.Equal(200, (await new OAuthClient(server, clientId, newSecret).TokenAsync([("grant_type", "client_credentials")])).Status);

        // Allowlist: an unknown user is refused inline; a user added by email is listed.
        await page.GetByLabel("Username or email address").FillAsync("nobody@example.test");
        await Button(page, "Add user").ClickAsync();
        await Expect(page.Locator("span[data-valmsg-for='NewUser']")).ToHaveTextAsync("No user has that username or email address.");
        await page.GetByLabel("Username or email address").FillAsync("dashboard-tester@example.test");
        await Button(page, "Add user").ClickAsync();
        await Expect(page.Locator("#allowed-users tr[data-user-id='dashboard-tester']")).ToBeVisibleAsync();
        await Expect(page.Locator("#user-count")).ToHaveTextAsync("1");
        await BrowserServer.ScreenshotAsync(page, "dashboard-app");

        // API profile: development-2026 serves the app as Spotify serves development mode since 2026 (5 users at most).
        await page.GetByLabel("Profile", new() { Exact = true }).SelectOptionAsync("development-2026");
        await Button(page, "Switch profile").ClickAsync();
        await Expect(page.Locator("#api-profile-now")).ToContainTextAsync("development-2026.");
        await Expect(page.Locator("#users h2")).ToContainTextAsync("of 5");
        Assert.Equal("development-2026", (await WithAppsAsync(apps => apps.FindAsync(JukeboxTestServer.DemoUserId, clientId, CancellationToken.None)))!.Value.App.ApiProfile);

        // Quota mode: extended opens the app to everyone and hides the allowlist.
        await page.GetByLabel("Mode").SelectOptionAsync("extended");
        await Button(page, "Switch mode").ClickAsync();
        await Expect(page.Locator("#quota-mode")).ToContainTextAsync("Extended quota mode.");
        await Expect(page.Locator("#users")).ToHaveCountAsync(0);
        Assert.Equal("extended", (await WithAppsAsync(apps => apps.FindAsync(JukeboxTestServer.DemoUserId, clientId, CancellationToken.None)))!.Value.App.QuotaMode);

        // Delete, after a confirmation page.
        await page.GetByRole(AriaRole.Link, new() { Name = "Delete app" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Delete Browser Test App 2?" })).ToBeVisibleAsync();
        await Button(page, "Delete app").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(server.BaseAddress, "/dashboard").ToString());
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Browser Test App 2 was deleted.");
        await Expect(page.Locator($"#apps tr[data-client-id='{clientId}']")).ToHaveCountAsync(0);
        Assert.Equal(400, (await new OAuthClient(server, clientId, newSecret).TokenAsync([("grant_type", "client_credentials")])).Status);
    }

    [Fact]
    public async Task Another_users_app_is_not_found()
    {
        await server.CreateUserAsync("someone-else", "someone-pass-1");
        var theirs = await WithAppsAsync(apps => apps.CreateAsync("someone-else", "Their App", "", null, [], CancellationToken.None));
        var page = await server.NewPageAsync();
        await page.LogInAsDemoAsync();

        foreach (var path in new[] { "", "/edit", "/delete" })
        {
            var response = await page.OpenAsync($"/dashboard/apps/{theirs.ClientId}{path}");
            Assert.Equal((int)HttpStatusCode.NotFound, response!.Status);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "App not found" })).ToBeVisibleAsync();
        }
        await page.OpenAsync("/dashboard");
        await Expect(page.GetByText("Their App")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_chart_shows_the_apps_real_request_counts_in_30_second_buckets()
    {
        var app = await WithAppsAsync(apps => apps.CreateAsync(JukeboxTestServer.DemoUserId, "Chart App", "", null, [], CancellationToken.None));
        var (_, token) = await new OAuthClient(server, app.ClientId, app.ClientSecret).TokenAsync([("grant_type", "client_credentials")]);
        using var api = server.CreateClient(token.GetProperty("access_token").GetString());
        var counter = server.Services.GetRequiredService<AppRequestCounter>();
        server.Clock.Advance(TimeSpan.FromSeconds(30));
        for (var i = 0; i < 3; i++)
        {
            (await api.GetAsync("/v1/markets")).Dispose();
        }
        await counter.FlushAsync(CancellationToken.None);
        server.Clock.Advance(TimeSpan.FromSeconds(30));
        for (var i = 0; i < 2; i++)
        {
            (await api.GetAsync("/v1/markets")).Dispose();
        }

        var page = await server.NewPageAsync();
        await page.LogInAsDemoAsync();
        await page.OpenAsync($"/dashboard/apps/{app.ClientId}");
        await BrowserServer.ScreenshotAsync(page, "dashboard-chart");

        await Expect(page.Locator("#request-total")).ToContainTextAsync("5 requests in the last hour");
        await Expect(page.Locator("#request-chart rect.bar")).ToHaveCountAsync(2);
        await Expect(page.Locator("#request-chart rect.bar").First).ToHaveAttributeAsync("data-count", "3");
        await Expect(page.Locator("#request-chart rect.bar").Last).ToHaveAttributeAsync("data-count", "2");
        await using var scope = server.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<JukeboxDbContext>().AppRequestCounts
            .Where(c => c.ClientId == app.ClientId).SumAsync(c => c.Count);
        Assert.InRange(stored, 3, 5);
    }
}
