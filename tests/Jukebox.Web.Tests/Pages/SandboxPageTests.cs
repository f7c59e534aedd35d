using System.Net;
using System.Text.Json;
using Jukebox.Accounts.Apps;
using Jukebox.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Jukebox.Web.Tests.Pages;

/// <summary>The dashboard's sandbox page (no admin key set): the clock, a reset and the snapshot, as the sandbox API does them.</summary>
public sealed class SandboxPageTests(JukeboxTestServer server) : IClassFixture<JukeboxTestServer>
{
    [Fact]
    public async Task Moving_the_clock_on_the_page_moves_the_server_clock_the_sandbox_API_reads()
    {
        using var browser = await SandboxPageSteps.LoggedInAsync(server);
        var before = await SandboxPageSteps.ClockOffsetAsync(server);

        using var moved = await browser.PostFormAsync("Advance", [("Amount", "90"), ("Unit", "minutes")]);

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal(before + 5400, await SandboxPageSteps.ClockOffsetAsync(server));
        var page = await browser.Client.GetStringAsync(SandboxPageSteps.Path);
        Assert.Contains("The clock moved 90 minutes ahead", page);
        Assert.Contains($"{before + 5400} s ahead of the system clock", page);
    }

    [Theory]
    [InlineData("-1", "hours", "above zero")]
    [InlineData("abc", "hours", "above zero")]
    [InlineData("2", "fortnights", "above zero")]
    [InlineData("40000", "days", "more than 100 years")]
    public async Task A_move_the_clock_cannot_make_is_refused_with_its_reason_and_changes_nothing(string amount, string unit, string reason)
    {
        using var browser = await SandboxPageSteps.LoggedInAsync(server);
        var before = await SandboxPageSteps.ClockOffsetAsync(server);

        using var refused = await browser.PostFormAsync("Advance", [("Amount", amount), ("Unit", unit)]);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(reason, await refused.Content.ReadAsStringAsync());
        Assert.Equal(before, await SandboxPageSteps.ClockOffsetAsync(server));
    }

    [Fact]
    public async Task A_reset_on_the_page_deletes_the_apps_users_made()
    {
        await using (var scope = server.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DeveloperApps>()
                .CreateAsync(JukeboxTestServer.DemoUserId, "Made before the reset", "", null, [], CancellationToken.None);
        }
        using var browser = await SandboxPageSteps.LoggedInAsync(server);
        Assert.Contains("Made before the reset", await browser.Client.GetStringAsync("/dashboard"));

        using (var unconfirmed = await browser.PostFormAsync("Reset", []))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
            Assert.Contains("Tick the box to confirm the reset", await unconfirmed.Content.ReadAsStringAsync());
        }
        Assert.Contains("Made before the reset", await browser.Client.GetStringAsync("/dashboard"));
        using var reset = await browser.PostFormAsync("Reset", [("ConfirmReset", "true")]);

        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Contains("The server was reset", await browser.Client.GetStringAsync(SandboxPageSteps.Path));
        var dashboard = await browser.Client.GetStringAsync("/dashboard");
        Assert.DoesNotContain("Made before the reset", dashboard);
        Assert.Contains(JukeboxTestServer.DemoClientId, dashboard);
    }

    [Fact]
    public async Task A_user_a_test_made_through_the_sandbox_API_is_listed_on_the_page()
    {
        using var sandbox = server.CreateClient();
        using (var created = await sandbox.PostAsync("/sandbox/users", new StringContent(
            """{"id":"listed-on-page","display_name":"Listed On Page","password":"a-password-1","country":"NO","product":"free"}""",
            System.Text.Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }
        using var browser = await SandboxPageSteps.LoggedInAsync(server);

        var page = await browser.Client.GetStringAsync(SandboxPageSteps.Path);

        var row = System.Text.RegularExpressions.Regex.Match(page, "<tr data-user-id=\"listed-on-page\">(.*?)</tr>", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.True(row.Success, page);
        Assert.Contains("Listed On Page", row.Value);
        Assert.Contains("<td>NO</td>", row.Value);
        Assert.Contains("<td>free</td>", row.Value);
        Assert.Contains($"data-user-id=\"{JukeboxTestServer.DemoUserId}\"", page);
    }

    [Fact]
    public async Task The_snapshot_link_downloads_the_file_the_sandbox_API_restores()
    {
        using var browser = await SandboxPageSteps.LoggedInAsync(server);

        using var response = await browser.Client.GetAsync(SandboxPageSteps.Path + "?handler=Snapshot");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".json", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var file = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("jukebox-snapshot", file.RootElement.GetProperty("format").GetString());
        using var restore = server.CreateClient();
        using var restored = await restore.PutAsync("/sandbox/snapshot",
            new StringContent(file.RootElement.GetRawText(), System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.NoContent, restored.StatusCode);
    }

    [Fact]
    public async Task A_form_posted_from_a_page_of_another_origin_is_refused_and_changes_nothing()
    {
        using var browser = await SandboxPageSteps.LoggedInAsync(server);
        var before = await SandboxPageSteps.ClockOffsetAsync(server);

        using var refused = await browser.PostFormAsync("Advance", [("Amount", "1"), ("Unit", "days")], origin: "http://evil.example");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(before, await SandboxPageSteps.ClockOffsetAsync(server));
    }

    [Fact]
    public async Task The_page_needs_a_session_and_the_dashboard_links_to_it()
    {
        using var visitor = new AccountsBrowser(server);
        using var anonymous = await visitor.Client.GetAsync(SandboxPageSteps.Path);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/login", anonymous.Headers.Location!.ToString());

        using var browser = await SandboxPageSteps.LoggedInAsync(server);
        Assert.Contains("href=\"/dashboard/sandbox\"", await browser.Client.GetStringAsync("/dashboard"));
    }
}
