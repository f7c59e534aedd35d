using System.Net;
using Jukebox.Testing;

namespace Jukebox.Web.Tests.Pages;

/// <summary>What the dashboard refuses, checked over HTTP (no browser needed).</summary>
public sealed class DashboardSecurityTests(JukeboxTestServer server) : IClassFixture<JukeboxTestServer>
{
    [Theory]
    [InlineData("/dashboard")]
    [InlineData("/dashboard/create")]
    [InlineData("/dashboard/apps/6a756b65626f782d64656d6f2d617070")]
    public async Task Dashboard_pages_send_a_visitor_without_a_session_to_the_login_page(string path)
    {
        using var browser = new AccountsBrowser(server);

        using var response = await browser.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.Contains("/login?ReturnUrl=" + Uri.EscapeDataString(path), location);
    }

    [Fact]
    public async Task A_form_post_without_the_anti_forgery_token_is_refused()
    {
        using var browser = new AccountsBrowser(server);
        await browser.LogInAsync(JukeboxTestServer.DemoUserEmail, JukeboxTestServer.DemoUserPassword);

        using var forged = await browser.Client.PostAsync("/dashboard/create",
            new FormUrlEncodedContent([new("Form.Name", "Forged app"), new("Form.RedirectUris", "")]));
        using var rotate = await browser.Client.PostAsync($"/dashboard/apps/{JukeboxTestServer.DemoClientId}?handler=Rotate",
            new FormUrlEncodedContent([new("x", "y")]));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, rotate.StatusCode);
        using var list = await browser.Client.GetAsync("/dashboard");
        Assert.DoesNotContain("Forged app", await list.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_session_and_anti_forgery_cookies_are_HttpOnly_and_SameSite()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };
        using var page = await client.GetAsync("/login");
        var html = await page.Content.ReadAsStringAsync();
        var fields = AccountsBrowser.Fields(html).Append(new("Login", JukeboxTestServer.DemoUserEmail)).Append(new("Password", JukeboxTestServer.DemoUserPassword));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/login") { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("Cookie", string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])));
        using var signedIn = await client.SendAsync(request);

        var cookies = page.Headers.GetValues("Set-Cookie").Concat(signedIn.Headers.GetValues("Set-Cookie")).ToList();
        Assert.Contains(cookies, c => c.StartsWith("jukebox_session=", StringComparison.Ordinal));
        Assert.All(cookies, c =>
        {
            Assert.Contains("httponly", c, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("samesite=", c, StringComparison.OrdinalIgnoreCase);
        });
    }
}
