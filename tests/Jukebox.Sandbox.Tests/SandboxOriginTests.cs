using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jukebox.Testing;

namespace Jukebox.Sandbox.Tests;

/// <summary>
/// Web pages cannot drive the sandbox of a Jukebox they can reach (such as one on the visitor's own
/// machine): no CORS on /sandbox, and browser requests from other origins are refused. The Web API and
/// the other grants keep answering browser apps.
/// </summary>
public sealed class SandboxOriginTests(JukeboxTestServer server) : IClassFixture<JukeboxTestServer>
{
    private const string Elsewhere = "https://pages.example";

    private static readonly (string, string)[] SandboxGrant =
        [("grant_type", "urn:jukebox:params:oauth:grant-type:sandbox-user"), ("user_id", JukeboxTestServer.DemoUserId), ("scope", "user-read-private")];

    private async Task<HttpResponseMessage> CreateUserAsync(string id, params (string Name, string Value)[] headers)
    {
        using var client = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/sandbox/users") { Content = JsonContent.Create(new { id, password = "pw" }) };
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }
        return await client.SendAsync(request);
    }

    private async Task<HttpResponseMessage> PreflightAsync(string path)
    {
        using var client = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", Elsewhere);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type, authorization");
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task A_browser_preflight_for_the_sandbox_api_is_not_allowed()
    {
        using var sandbox = await PreflightAsync("/sandbox/users");
        using var api = await PreflightAsync("/v1/me/playlists");
        using var token = await PreflightAsync("/api/token");

        Assert.False(sandbox.IsSuccessStatusCode);
        Assert.False(sandbox.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal("*", Assert.Single(api.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Equal("*", Assert.Single(token.Headers.GetValues("Access-Control-Allow-Origin")));
    }

    [Fact]
    public async Task A_sandbox_call_from_a_page_of_another_origin_is_refused_with_spotifys_error_object()
    {
        using var origin = await CreateUserAsync("origin-mallory", ("Origin", Elsewhere));
        using var fetchSite = await CreateUserAsync("fetch-site-mallory", ("Sec-Fetch-Site", "cross-site"));
        using var nullOrigin = await CreateUserAsync("null-origin-mallory", ("Origin", "null"));

        foreach (var response in new[] { origin, fetchSite, nullOrigin })
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
            var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error");
            Assert.Equal(403, error.GetProperty("status").GetInt32());
            Assert.Equal("Cross-origin sandbox requests are not allowed", error.GetProperty("message").GetString());
        }
        // Nothing was made: the same id is still free.
        using var again = await CreateUserAsync("origin-mallory");
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
    }

    [Fact]
    public async Task Clients_without_an_origin_and_pages_of_the_server_itself_may_use_the_sandbox()
    {
        using var plain = await CreateUserAsync("origin-plain");
        using var sameOrigin = await CreateUserAsync("origin-same", ("Origin", server.BaseAddress.GetLeftPart(UriPartial.Authority)), ("Sec-Fetch-Site", "same-origin"));

        Assert.Equal(HttpStatusCode.Created, plain.StatusCode);
        Assert.Equal(HttpStatusCode.Created, sameOrigin.StatusCode);
    }

    [Fact]
    public async Task The_sandbox_grant_from_a_page_of_another_origin_is_refused_while_other_grants_answer_it()
    {
        var client = OAuthClient.Demo(server);

        var (sandbox, sandboxBody) = await client.TokenAsync(SandboxGrant, [("Origin", Elsewhere)]);
        var (crossSite, crossSiteBody) = await client.TokenAsync(SandboxGrant, [("Sec-Fetch-Site", "cross-site")]);
        var (app, appBody) = await client.TokenAsync([("grant_type", "client_credentials")], [("Origin", Elsewhere)]);
        var (plain, _) = await client.TokenAsync(SandboxGrant);

        Assert.Equal(400, sandbox);
        Assert.Equal("unauthorized_client", sandboxBody.GetProperty("error").GetString());
        Assert.Equal("Cross-origin sandbox requests are not allowed", sandboxBody.GetProperty("error_description").GetString());
        Assert.False(sandboxBody.TryGetProperty("access_token", out _));
        Assert.Equal(400, crossSite);
        Assert.Equal("unauthorized_client", crossSiteBody.GetProperty("error").GetString());
        Assert.Equal(200, app);
        Assert.True(appBody.TryGetProperty("access_token", out _));
        Assert.Equal(200, plain);
    }

    [Fact]
    public async Task The_web_api_still_answers_pages_of_any_origin()
    {
        using var client = await server.CreateAppClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/markets");
        request.Headers.Add("Origin", Elsewhere);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
    }
}
