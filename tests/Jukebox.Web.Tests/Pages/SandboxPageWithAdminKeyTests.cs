using System.Net;
using Jukebox.Testing;

namespace Jukebox.Web.Tests.Pages;

/// <summary>The dashboard's sandbox controls (the page, an app's faults and request log) obey Sandbox:AdminKey: locked until the key is given on the page.</summary>
public sealed class SandboxPageWithAdminKeyTests(SandboxPageWithAdminKeyTests.AdminKeyServer server)
    : IClassFixture<SandboxPageWithAdminKeyTests.AdminKeyServer>
{
    public const string Key = "page-admin-key";

    public sealed class AdminKeyServer : JukeboxTestServer
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Sandbox:AdminKey", Key)];
    }

    [Fact]
    public async Task Without_the_key_the_page_shows_no_clock_and_changes_nothing()
    {
        using var browser = await SandboxPageSteps.LoggedInAsync(server);
        var before = await SandboxPageSteps.ClockOffsetAsync(server, Key);

        var page = await browser.Client.GetStringAsync(SandboxPageSteps.Path);
        using var advance = await browser.PostFormAsync("Advance", [("Amount", "1"), ("Unit", "days")]);
        using var snapshot = await browser.Client.GetAsync(SandboxPageSteps.Path + "?handler=Snapshot");

        Assert.Contains("id=\"unlock\"", page);
        Assert.DoesNotContain("id=\"server-time\"", page);
        Assert.Equal(HttpStatusCode.Unauthorized, advance.StatusCode);
        Assert.Equal("text/html", snapshot.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await SandboxPageSteps.ClockOffsetAsync(server, Key));
    }

    [Fact]
    public async Task A_wrong_key_is_refused_and_the_right_one_unlocks_the_page_and_the_apps_faults()
    {
        using var browser = await SandboxPageSteps.LoggedInAsync(server);
        var appPage = $"/dashboard/apps/{JukeboxTestServer.DemoClientId}";
        var lockedApp = await browser.Client.GetStringAsync(appPage);
        Assert.Contains("id=\"faults-locked\"", lockedApp);
        Assert.DoesNotContain("id=\"request-log\"", lockedApp);
        using (var stream = await browser.Client.GetAsync(appPage + "/requests/events"))
        {
            Assert.Equal(HttpStatusCode.NotFound, stream.StatusCode);
        }
        using (var locked = await browser.PostFormAsync("AddFault", [("NewFault.Path", "/v1/markets"), ("NewFault.Status", "503")], appPage))
        {
            Assert.Contains("Enter the admin key on the sandbox page first", await locked.Content.ReadAsStringAsync());
        }

        using (var wrong = await browser.PostFormAsync("Unlock", [("AdminKey", "not-the-key")]))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            Assert.Contains("Invalid admin key", await wrong.Content.ReadAsStringAsync());
        }
        using (var right = await browser.PostFormAsync("Unlock", [("AdminKey", Key)]))
        {
            Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        }

        Assert.Contains("id=\"server-time\"", await browser.Client.GetStringAsync(SandboxPageSteps.Path));
        var unlockedApp = await browser.Client.GetStringAsync(appPage);
        Assert.DoesNotContain("id=\"faults-locked\"", unlockedApp);
        Assert.Contains("id=\"add-fault\"", unlockedApp);
        Assert.Contains("id=\"request-log\"", unlockedApp);
        using var other = new AccountsBrowser(server);
        await other.LogInAsync(JukeboxTestServer.DemoUserEmail, JukeboxTestServer.DemoUserPassword);
        Assert.Contains("id=\"unlock\"", await other.Client.GetStringAsync(SandboxPageSteps.Path));
    }
}
