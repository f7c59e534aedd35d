using System.Net;
using System.Text.RegularExpressions;
using Jukebox.Testing;

namespace Jukebox.Web.Tests.Pages;

/// <summary>
/// What every page is sent with, checked over HTTP: no site may frame it (the consent and dashboard
/// buttons cannot be clickjacked), a Content-Security-Policy of this server's own resources, whose
/// nonce each of the page's inline blocks carries, no MIME sniffing and no referrer to other sites.
/// </summary>
public sealed partial class PageHeadersTests(JukeboxTestServer server) : IClassFixture<JukeboxTestServer>
{
    private static string ConsentUrl =>
        "/authorize?" + OAuthClient.Query(("client_id", JukeboxTestServer.DemoClientId), ("response_type", "code"),
            ("redirect_uri", JukeboxTestServer.DemoRedirectUri), ("scope", "user-read-private"), ("state", "s"), ("show_dialog", "true"));

    private async Task<(HttpResponseMessage Response, string Html)> OpenAsync(string path, bool signedIn)
    {
        using var browser = new AccountsBrowser(server);
        if (signedIn)
        {
            await browser.LogInAsync(JukeboxTestServer.DemoUserEmail, JukeboxTestServer.DemoUserPassword);
        }
        var response = await browser.Client.GetAsync(path);
        return (response, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/login", false)]
    [InlineData("consent", true)]
    [InlineData("/dashboard", true)]
    [InlineData("/dashboard/apps/6a756b65626f782d64656d6f2d617070", true)]
    [InlineData("/player", true)]
    public async Task Pages_may_not_be_framed_and_allow_only_their_own_resources(string path, bool signedIn)
    {
        var (response, html) = await OpenAsync(path == "consent" ? ConsentUrl : path, signedIn);
        using var _ = response;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        var policy = Directives(Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("'none'", policy["frame-ancestors"]);
        Assert.Equal("'self'", policy["default-src"]);
        Assert.DoesNotContain("unsafe-inline", policy["script-src"] + policy["style-src"]);
        var nonce = NonceOf(policy["script-src"]);
        Assert.Equal(nonce, NonceOf(policy["style-src"]));
        var inlineBlocks = InlineBlock().Matches(html);
        Assert.NotEmpty(inlineBlocks);
        Assert.All(inlineBlocks, block => Assert.Equal(nonce, WebUtility.HtmlDecode(block.Groups["nonce"].Value)));
    }

    [Fact]
    public async Task Each_page_response_has_a_nonce_of_its_own()
    {
        var (first, _) = await OpenAsync("/login", signedIn: false);
        var (second, _) = await OpenAsync("/login", signedIn: false);
        using var a = first;
        using var b = second;

        Assert.NotEqual(
            NonceOf(Directives(a.Headers.GetValues("Content-Security-Policy").Single())["script-src"]),
            NonceOf(Directives(b.Headers.GetValues("Content-Security-Policy").Single())["script-src"]));
    }

    [Fact]
    public async Task The_error_page_of_authorize_cannot_be_framed_either()
    {
        var (response, _) = await OpenAsync("/authorize?client_id=unknown-app&response_type=code&redirect_uri=http%3A%2F%2F127.0.0.1%3A1%2F", signedIn: false);
        using var _ = response;

        Assert.StartsWith("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Contains("frame-ancestors 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
    }

    private static Dictionary<string, string> Directives(string policy) =>
        policy.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', 2))
            .ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : "");

    private static string NonceOf(string sources) =>
        NonceSource().Match(sources) is { Success: true } match ? match.Groups["nonce"].Value : throw new InvalidOperationException($"No nonce in {sources}");

    [GeneratedRegex("'nonce-(?<nonce>[A-Za-z0-9+/_=-]+)'")]
    private static partial Regex NonceSource();

    /// <summary>Every inline script or style element, with its nonce attribute (empty when it has none).</summary>
    [GeneratedRegex("<(?:script|style)(?![^>]*\\bsrc=)(?:[^>]*\\bnonce=\"(?<nonce>[^\"]*)\")?[^>]*>")]
    private static partial Regex InlineBlock();
}
