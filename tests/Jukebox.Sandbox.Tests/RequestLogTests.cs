using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jukebox.Sandbox.Requests;
using Jukebox.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Jukebox.Sandbox.Tests;

/// <summary>The request log: what an app's requests were and how they were answered, newest first, in bounded memory.</summary>
public sealed class RequestLogTests(RequestLogTests.Server server) : IClassFixture<RequestLogTests.Server>
{
    /// <summary>A server with a small log (5 requests for each of 3 apps) that prints requests to a writer the tests read.</summary>
    public sealed class Server : JukeboxTestServer
    {
        public StringWriter Console { get; } = new();

        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [
            new("Sandbox:RequestLogSize", "5"),
            new("Sandbox:RequestLogApps", "3"),
            new("Sandbox:LogRequests", "true"),
        ];

        protected override void ConfigureServices(IServiceCollection services) =>
            services.AddSingleton(new RequestLogConsole(TextWriter.Synchronized(Console)));
    }

    private static string Text(JsonElement entry, string name) => entry.GetProperty(name).GetString()!;

    private async Task<HttpResponseMessage> QueryAsync(string query)
    {
        using var sandbox = server.CreateClient();
        return await sandbox.GetAsync("/sandbox/requests" + query);
    }

    [Fact]
    public async Task An_entry_says_what_the_rate_limit_window_has_left_and_which_profile_refused_it()
    {
        var app = await TestApp.CreateAsync(server, "Log limits");
        using var client = await app.ClientAsync();
        using (var sandbox = server.CreateClient())
        {
            using var patched = await sandbox.PatchAsJsonAsync($"/sandbox/apps/{app.ClientId}", new { api_profile = "development-2026" });
            Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        }

        (await client.GetAsync("/v1/search?q=a&type=track")).Dispose();
        (await client.GetAsync("/v1/search?q=a&type=track")).Dispose();
        (await client.GetAsync("/v1/markets")).Dispose();

        var log = await app.RequestsAsync();
        var (markets, second, first) = (log[0], log[1], log[2]);
        Assert.Equal(403, markets.GetProperty("status").GetInt32());
        Assert.Equal("development-2026", Text(markets, "profile"));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("profile").ValueKind);
        Assert.Equal(first.GetProperty("rate_limit_remaining").GetInt32() - 1, second.GetProperty("rate_limit_remaining").GetInt32());
        Assert.Equal(second.GetProperty("rate_limit_remaining").GetInt32() - 1, markets.GetProperty("rate_limit_remaining").GetInt32());
        Assert.Equal(JsonValueKind.Null, log[3].GetProperty("rate_limit_remaining").ValueKind); // the token request is not counted
    }

    [Fact]
    public async Task A_403_for_scopes_names_the_missing_scope_in_the_log_and_on_the_console()
    {
        var app = await TestApp.CreateAsync(server, "Log scopes");
        using var user = await app.UserClientAsync(JukeboxTestServer.DemoUserId, "user-read-private");

        using var tracks = await user.GetAsync("/v1/me/tracks");
        using var playlist = await user.PostAsJsonAsync("/v1/me/playlists", new { name = "x" });

        var log = await app.RequestsAsync();
        Assert.Equal(HttpStatusCode.Forbidden, tracks.StatusCode);
        Assert.Equal("{\"error\":{\"status\":403,\"message\":\"Insufficient client scope\"}}", await tracks.Content.ReadAsStringAsync());
        Assert.Equal("playlist-modify-public or playlist-modify-private", Text(log[0], "missing_scope"));
        Assert.Equal("user-library-read", Text(log[1], "missing_scope"));
        Assert.Equal("Insufficient client scope", Text(log[1], "message"));
        Assert.Contains("/v1/me/tracks 403", server.Console.ToString(), StringComparison.Ordinal);
        Assert.Contains("missing scope: user-library-read", server.Console.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_request_is_listed_newest_first_with_its_route_status_app_user_scopes_and_error_message()
    {
        var app = await TestApp.CreateAsync(server, "Log fields");
        using var user = await app.UserClientAsync(JukeboxTestServer.DemoUserId, "user-read-private", "user-read-email");
        server.Clock.Advance(TimeSpan.FromSeconds(1));

        (await user.GetAsync("/v1/me")).Dispose();
        (await user.GetAsync("/v1/albums/not-an-id?market=SE")).Dispose();

        var log = await app.RequestsAsync();
        var (bad, me, token) = (log[0], log[1], log[2]);
        Assert.Equal(["/v1/albums/not-an-id?market=SE", "/v1/me", "/api/token"], log.Take(3).Select(e => Text(e, "path")));
        Assert.Equal("/v1/albums/{id}", Text(bad, "route"));
        Assert.Equal("GET", Text(bad, "method"));
        Assert.Equal(400, bad.GetProperty("status").GetInt32());
        Assert.Equal("Invalid base62 id", Text(bad, "message"));
        Assert.Equal(200, me.GetProperty("status").GetInt32());
        Assert.Equal(JsonValueKind.Null, me.GetProperty("message").ValueKind);
        Assert.Equal(app.ClientId, Text(me, "client_id"));
        Assert.Equal(JukeboxTestServer.DemoUserId, Text(me, "user_id"));
        Assert.Equal(["user-read-email", "user-read-private"], me.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(server.Clock.GetUtcNow(), me.GetProperty("time").GetDateTimeOffset());
        Assert.True(me.GetProperty("duration_ms").GetDouble() >= 0);
        Assert.Equal("/api/token", Text(token, "route"));
        Assert.Equal("POST", Text(token, "method"));
        Assert.Contains($"GET /v1/albums/not-an-id?market=SE 400", server.Console.ToString());
        Assert.Contains($"app={app.ClientId} user={JukeboxTestServer.DemoUserId} \"Invalid base62 id\"", server.Console.ToString());
    }

    [Fact]
    public async Task A_refused_token_request_is_logged_with_the_oauth_error_description()
    {
        var app = await TestApp.CreateAsync(server, "Log token");

        var (status, _) = await new OAuthClient(server, app.ClientId, "wrong-secret").TokenAsync([("grant_type", "client_credentials")]);

        var entry = Assert.Single(await app.RequestsAsync());
        Assert.Equal(400, status);
        Assert.Equal(400, entry.GetProperty("status").GetInt32());
        Assert.Equal("Invalid client secret", Text(entry, "message"));
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("scopes").ValueKind);
    }

    [Fact]
    public async Task The_log_filters_by_status_time_and_limit()
    {
        var app = await TestApp.CreateAsync(server, "Log filters");
        using var api = await app.ClientAsync();
        (await api.GetAsync("/v1/albums/not-an-id")).Dispose();
        server.Clock.Advance(TimeSpan.FromMinutes(1));
        var since = server.Clock.GetUtcNow();
        (await api.GetAsync("/v1/markets")).Dispose();
        (await api.GetAsync("/v1/tracks/not-an-id")).Dispose();

        Assert.Equal(["/v1/tracks/not-an-id", "/v1/albums/not-an-id"], (await app.RequestsAsync("&status=4xx")).Select(e => Text(e, "path")));
        Assert.Equal(["/v1/tracks/not-an-id", "/v1/albums/not-an-id"], (await app.RequestsAsync("&status=400")).Select(e => Text(e, "path")));
        Assert.Equal(["/v1/markets", "/api/token"], (await app.RequestsAsync("&status=2xx")).Select(e => Text(e, "path")));
        Assert.Equal(["/v1/tracks/not-an-id", "/v1/markets"],
            (await app.RequestsAsync("&since=" + Uri.EscapeDataString(since.ToString("O")))).Select(e => Text(e, "path")));
        Assert.Equal(["/v1/tracks/not-an-id"], (await app.RequestsAsync("&limit=1")).Select(e => Text(e, "path")));
    }

    [Fact]
    public async Task Each_app_keeps_its_newest_requests_and_a_new_app_beyond_the_limit_replaces_the_idlest()
    {
        var first = await TestApp.CreateAsync(server, "Log bound 1");
        using (var api = await first.ClientAsync())
        {
            for (var i = 0; i < 7; i++)
            {
                (await api.GetAsync($"/v1/markets?n={i}")).Dispose();
            }
        }
        Assert.Equal(Enumerable.Range(2, 5).Reverse().Select(i => $"/v1/markets?n={i}"), (await first.RequestsAsync()).Select(e => Text(e, "path")));

        foreach (var name in new[] { "Log bound 2", "Log bound 3", "Log bound 4" })
        {
            var other = await TestApp.CreateAsync(server, name);
            (await other.ClientAsync()).Dispose();
            Assert.Single(await other.RequestsAsync());
        }

        Assert.Empty(await first.RequestsAsync());
    }

    [Theory]
    [InlineData("?limit=0", "limit must be 1-1000")]
    [InlineData("?limit=1001", "limit must be 1-1000")]
    [InlineData("?limit=ten", "limit must be 1-1000")]
    [InlineData("?status=200s", "status must be a status code")]
    [InlineData("?status=6xx", "status must be a status code")]
    [InlineData("?since=yesterday", "since must be an ISO 8601 time")]
    public async Task A_bad_query_is_refused_with_the_reason(string query, string reason)
    {
        using var response = await QueryAsync(query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("message").GetString());
    }
}
