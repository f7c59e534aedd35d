using System.Net;
using Jukebox.Testing;

namespace Jukebox.Web.Tests.Pages;

/// <summary>
/// Behind a proxy that terminates TLS, the pages' cookies are Secure, HSTS is sent and redirects stay
/// on https, once the proxy is configured as known (ForwardedHeaders:KnownProxies); the forwarded
/// scheme of any other source is ignored.
/// </summary>
public sealed class HttpsBehindProxyTests
{
    /// <summary>The test client connects from loopback, which is the proxy here.</summary>
    private sealed class BehindLoopbackProxy : JukeboxTestServer
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("ForwardedHeaders:KnownProxies", "127.0.0.1, ::1")];
    }

    /// <summary>A proxy is configured, but the test client is not it.</summary>
    private sealed class BehindAnotherProxy : JukeboxTestServer
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("ForwardedHeaders:KnownNetworks", "10.20.0.0/16")];
    }

    private sealed record Visit(List<string> Cookies, string? LoginRedirect, bool Hsts);

    /// <summary>Opens the login page, signs in and opens the dashboard without a session, all as if forwarded for https.</summary>
    private static async Task<Visit> VisitOverForwardedHttpsAsync(JukeboxTestServer server)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = server.BaseAddress };
        HttpRequestMessage Forwarded(HttpMethod method, string path)
        {
            var request = new HttpRequestMessage(method, path);
            request.Headers.Add("X-Forwarded-Proto", "https");
            request.Headers.Add("X-Forwarded-For", "203.0.113.7");
            // HSTS is never sent for loopback names; the proxy's public name is forwarded as Host.
            request.Headers.Host = "jukebox.example";
            return request;
        }

        using var pageRequest = Forwarded(HttpMethod.Get, "/login");
        using var page = await client.SendAsync(pageRequest);
        var html = await page.Content.ReadAsStringAsync();
        var fields = AccountsBrowser.Fields(html).Append(new("Login", JukeboxTestServer.DemoUserEmail)).Append(new("Password", JukeboxTestServer.DemoUserPassword));
        using var loginRequest = Forwarded(HttpMethod.Post, "/login");
        loginRequest.Content = new FormUrlEncodedContent(fields);
        loginRequest.Headers.Add("Cookie", string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])));
        using var signedIn = await client.SendAsync(loginRequest);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        using var dashboardRequest = Forwarded(HttpMethod.Get, "/dashboard");
        using var dashboard = await client.SendAsync(dashboardRequest);

        return new Visit(
            [.. page.Headers.GetValues("Set-Cookie").Concat(signedIn.Headers.GetValues("Set-Cookie"))],
            dashboard.Headers.Location?.ToString(),
            page.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Through_a_known_proxy_forwarding_https_cookies_are_Secure_HSTS_is_sent_and_redirects_use_https()
    {
        await using var server = new BehindLoopbackProxy();
        await server.InitializeAsync();

        var visit = await VisitOverForwardedHttpsAsync(server);

        Assert.Contains(visit.Cookies, c => c.StartsWith("jukebox_session=", StringComparison.Ordinal));
        Assert.Contains(visit.Cookies, c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.All(visit.Cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.True(visit.Hsts);
        Assert.StartsWith("https://jukebox.example/login?", visit.LoginRedirect);
    }

    [Fact]
    public async Task The_forwarded_scheme_of_a_source_that_is_not_a_known_proxy_is_ignored()
    {
        await using var server = new BehindAnotherProxy();
        await server.InitializeAsync();

        var visit = await VisitOverForwardedHttpsAsync(server);

        Assert.Contains(visit.Cookies, c => c.StartsWith("jukebox_session=", StringComparison.Ordinal));
        Assert.All(visit.Cookies, c => Assert.DoesNotContain("; secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.False(visit.Hsts);
        Assert.StartsWith("http://jukebox.example/login?", visit.LoginRedirect);
    }

    [Fact]
    public async Task Without_configured_proxies_forwarded_headers_are_ignored()
    {
        await using var server = new JukeboxTestServer();
        await server.InitializeAsync();

        var visit = await VisitOverForwardedHttpsAsync(server);

        Assert.All(visit.Cookies, c => Assert.DoesNotContain("; secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.False(visit.Hsts);
        Assert.StartsWith("http://", visit.LoginRedirect);
    }
}
