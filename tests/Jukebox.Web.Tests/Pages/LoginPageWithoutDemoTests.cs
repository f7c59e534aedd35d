using Jukebox.Testing;
using static Microsoft.Playwright.Assertions;

namespace Jukebox.Web.Tests.Pages;

/// <summary>A server without the demo (Demo:Enabled=false) suggests no user on its login page.</summary>
[Collection(BrowserServer.Collection)]
[Trait("Category", "Browser")]
public sealed class LoginPageWithoutDemoTests(LoginPageWithoutDemoTests.DemoOffServer server) : IClassFixture<LoginPageWithoutDemoTests.DemoOffServer>
{
    public sealed class DemoOffServer : BrowserServer
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Demo:Enabled", "false")];
    }

    [Fact]
    public async Task Without_the_demo_the_login_page_names_no_user()
    {
        var page = await server.NewPageAsync();
        await page.OpenAsync("/login");

        await Expect(page.GetByLabel("Email address or username")).ToBeVisibleAsync();
        await Expect(page.Locator("#demo-hint")).ToHaveCountAsync(0);
        var text = await page.Locator("body").InnerTextAsync();
        Assert.DoesNotContain(JukeboxTestServer.DemoUserEmail, text, StringComparison.Ordinal);
        Assert.DoesNotContain(JukeboxTestServer.DemoUserPassword, text, StringComparison.Ordinal);
    }
}
