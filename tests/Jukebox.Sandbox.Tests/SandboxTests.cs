using System.Net;
using System.Net.Http.Json;
using Jukebox.Testing;

namespace Jukebox.Sandbox.Tests;

/// <summary>The sandbox API lets a client's test suite make users and user tokens without a browser.</summary>
public sealed class SandboxTests(JukeboxTestServer server) : IClassFixture<JukeboxTestServer>
{
    [Fact]
    public async Task A_user_created_through_the_sandbox_can_log_in_and_get_a_token_with_the_scopes_asked_for()
    {
        await server.CreateUserAsync("sandbox-alice", "alice-password", country: "SE", product: "free");
        var token = await OAuthClient.Demo(server).SandboxUserTokenAsync("sandbox-alice", "user-read-private");
        using var api = server.CreateClient(token);

        var me = await (await api.GetAsync("/v1/me")).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        using var browser = new AccountsBrowser(server);
        await browser.LogInAsync("sandbox-alice", "alice-password");

        Assert.Equal("sandbox-alice", me.GetProperty("id").GetString());
        Assert.Equal("SE", me.GetProperty("country").GetString());
        Assert.Equal("free", me.GetProperty("product").GetString());
    }

    [Fact]
    public async Task The_sandbox_grant_refuses_unknown_users_and_unknown_scopes()
    {
        var client = OAuthClient.Demo(server);

        var (unknownUser, userBody) = await client.TokenAsync(
            [("grant_type", "urn:jukebox:params:oauth:grant-type:sandbox-user"), ("user_id", "nobody-here"), ("scope", "")]);
        var (unknownScope, scopeBody) = await client.TokenAsync(
            [("grant_type", "urn:jukebox:params:oauth:grant-type:sandbox-user"), ("user_id", JukeboxTestServer.DemoUserId), ("scope", "not-a-scope")]);

        Assert.Equal(400, unknownUser);
        Assert.Equal("invalid_grant", userBody.GetProperty("error").GetString());
        Assert.Equal(400, unknownScope);
        Assert.Equal("invalid_scope", scopeBody.GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_user_id_that_exists_already_is_a_conflict()
    {
        await server.CreateUserAsync("sandbox-bob", "bob-password");
        using var client = server.CreateClient();

        using var response = await client.PostAsJsonAsync("/sandbox/users", new { id = "sandbox-bob", password = "x" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task Sixteen_requests_creating_one_user_at_once_make_it_once_and_the_others_are_conflicts()
    {
        using var client = server.CreateClient();
        for (var round = 1; round <= 10; round++)
        {
            var id = $"sandbox-twin-{round}-{Guid.NewGuid():N}"[..30];

            var statuses = await Task.WhenAll(Enumerable.Range(0, 16).Select(async _ =>
            {
                using var response = await client.PostAsJsonAsync("/sandbox/users", new { id });
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode == HttpStatusCode.Conflict)
                {
                    using var error = System.Text.Json.JsonDocument.Parse(body);
                    Assert.Equal(409, error.RootElement.GetProperty("error").GetProperty("status").GetInt32());
                }
                return $"{(int)response.StatusCode}";
            }));

            Assert.Equal(["201", .. Enumerable.Repeat("409", 15)], statuses.Order(StringComparer.Ordinal));
        }
    }
}

/// <summary>A server configured for production: the sandbox API is off, or needs the admin key.</summary>
public sealed class SandboxSwitchTests
{
    private sealed class SandboxOffServer : JukeboxTestServer
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Sandbox:Enabled", "false")];
    }

    private sealed class AdminKeyServer : JukeboxTestServer
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Sandbox:AdminKey", "s3cret-admin")];
    }

    [Fact]
    public async Task When_the_sandbox_is_off_its_users_api_and_grant_do_not_exist()
    {
        await using var server = new SandboxOffServer();
        await server.InitializeAsync();
        using var client = server.CreateClient();

        using var users = await client.PostAsJsonAsync("/sandbox/users", new { id = "someone", password = "pw" });
        var (grant, body) = await OAuthClient.Demo(server).TokenAsync(
            [("grant_type", "urn:jukebox:params:oauth:grant-type:sandbox-user"), ("user_id", JukeboxTestServer.DemoUserId), ("scope", "")]);

        Assert.Equal(HttpStatusCode.NotFound, users.StatusCode);
        Assert.Equal(400, grant);
        Assert.Equal("unsupported_grant_type", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task With_an_admin_key_the_users_api_needs_it()
    {
        await using var server = new AdminKeyServer();
        await server.InitializeAsync();
        using var client = server.CreateClient();

        using var without = await client.PostAsJsonAsync("/sandbox/users", new { id = "keyed", password = "pw" });
        client.DefaultRequestHeaders.Add("X-Jukebox-Admin-Key", "s3cret-admin");
        using var with = await client.PostAsJsonAsync("/sandbox/users", new { id = "keyed", password = "pw" });

        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        Assert.Equal(HttpStatusCode.Created, with.StatusCode);
    }

    [Fact]
    public async Task A_refused_sandbox_call_is_refused_whatever_its_body()
    {
        await using var off = new SandboxOffServer();
        await off.InitializeAsync();
        await using var keyed = new AdminKeyServer();
        await keyed.InitializeAsync();

        foreach (var (server, status) in new (JukeboxTestServer, HttpStatusCode)[] { (off, HttpStatusCode.NotFound), (keyed, HttpStatusCode.Unauthorized) })
        {
            using var client = server.CreateClient();
            foreach (var path in new[] { "/sandbox/users", "/sandbox/catalog/tracks", "/sandbox/clock/advance" })
            {
                using var response = await client.PostAsync(path, new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));
                using var error = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());

                Assert.Equal(status, response.StatusCode);
                Assert.Equal((int)status, error.RootElement.GetProperty("error").GetProperty("status").GetInt32());
            }
        }
    }

    [Fact]
    public async Task With_an_admin_key_the_sandbox_grant_needs_it_too()
    {
        await using var server = new AdminKeyServer();
        await server.InitializeAsync();
        var client = OAuthClient.Demo(server);
        (string, string)[] form =
            [("grant_type", "urn:jukebox:params:oauth:grant-type:sandbox-user"), ("user_id", JukeboxTestServer.DemoUserId), ("scope", "user-read-private")];

        var (without, withoutBody) = await client.TokenAsync(form);
        var (wrong, wrongBody) = await client.TokenAsync(form, [("X-Jukebox-Admin-Key", "s3cret-admin-guess")]);
        var (with, withBody) = await client.TokenAsync(form, [("X-Jukebox-Admin-Key", "s3cret-admin")]);

        Assert.Equal(400, without);
        Assert.Equal("unauthorized_client", withoutBody.GetProperty("error").GetString());
        Assert.Equal("Invalid admin key", withoutBody.GetProperty("error_description").GetString());
        Assert.False(withoutBody.TryGetProperty("access_token", out _));
        Assert.Equal(400, wrong);
        Assert.Equal("unauthorized_client", wrongBody.GetProperty("error").GetString());
        Assert.Equal(200, with);
        Assert.Equal("user-read-private", withBody.GetProperty("scope").GetString());
    }
}
