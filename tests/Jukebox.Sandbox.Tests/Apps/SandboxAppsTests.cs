using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Jukebox.Testing;

namespace Jukebox.Sandbox.Tests.Apps;

/// <summary>Developer apps through the sandbox API: what a test suite does instead of the dashboard.</summary>
public sealed class SandboxAppsTests(JukeboxTestServer server) : IClassFixture<JukeboxTestServer>
{
    private static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpClient sandbox, HttpMethod method, string url, object? body = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await sandbox.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private async Task<JsonElement> CreateAsync(object body)
    {
        using var sandbox = server.CreateClient();
        var (status, app) = await SendAsync(sandbox, HttpMethod.Post, "/sandbox/apps", body);
        Assert.True(status == HttpStatusCode.Created, $"{(int)status} {app}");
        return app;
    }

    private async Task<int> TokenStatusAsync(string clientId, string secret) =>
        (await new OAuthClient(server, clientId, secret).TokenAsync([("grant_type", "client_credentials")])).Status;

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    [Fact]
    public async Task A_created_app_gets_tokens_with_its_secret_and_reads_back_as_created()
    {
        await server.CreateUserAsync("apps-listed-1", "pass-1");
        var app = await CreateAsync(new
        {
            name = "CI app", description = "made by a test", redirect_uris = new[] { "http://127.0.0.1:9000/callback" },
            quota_mode = "development", api_profile = "full", allowlist = new[] { "apps-listed-1" },
        });
        var clientId = app.GetProperty("client_id").GetString()!;
        using var sandbox = server.CreateClient();

        var (readStatus, read) = await SendAsync(sandbox, HttpMethod.Get, $"/sandbox/apps/{clientId}");
        var (_, list) = await SendAsync(sandbox, HttpMethod.Get, "/sandbox/apps");

        Assert.Equal(200, await TokenStatusAsync(clientId, app.GetProperty("client_secret").GetString()!));
        Assert.Equal(HttpStatusCode.OK, readStatus);
        Assert.Equal("CI app", read.GetProperty("name").GetString());
        Assert.Equal("made by a test", read.GetProperty("description").GetString());
        Assert.Equal(["http://127.0.0.1:9000/callback"], Strings(read.GetProperty("redirect_uris")));
        Assert.Equal("development", read.GetProperty("quota_mode").GetString());
        Assert.Equal("full", read.GetProperty("api_profile").GetString());
        Assert.Equal(JukeboxTestServer.DemoUserId, read.GetProperty("owner").GetString());
        Assert.Equal(["apps-listed-1"], Strings(read.GetProperty("allowlist")));
        Assert.False(read.TryGetProperty("client_secret", out _));
        Assert.Contains(clientId, list.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("client_id").GetString()));
    }

    [Fact]
    public async Task A_patch_changes_only_the_fields_it_names()
    {
        await server.CreateUserAsync("apps-patch-owner", "pass-2");
        await server.CreateUserAsync("apps-patch-user", "pass-3");
        var app = await CreateAsync(new { name = "Before", owner = "apps-patch-owner", redirect_uris = new[] { "http://127.0.0.1:9001/cb" } });
        var clientId = app.GetProperty("client_id").GetString()!;
        using var sandbox = server.CreateClient();

        var (status, patched) = await SendAsync(sandbox, HttpMethod.Patch, $"/sandbox/apps/{clientId}",
            new { name = "After", quota_mode = "extended", allowlist = new[] { "apps-patch-user" } });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("After", patched.GetProperty("name").GetString());
        Assert.Equal("extended", patched.GetProperty("quota_mode").GetString());
        Assert.Equal(["apps-patch-user"], Strings(patched.GetProperty("allowlist")));
        Assert.Equal(["http://127.0.0.1:9001/cb"], Strings(patched.GetProperty("redirect_uris")));
        Assert.Equal("apps-patch-owner", patched.GetProperty("owner").GetString());
    }

    [Fact]
    public async Task A_rotated_secret_replaces_the_old_one_at_once()
    {
        var app = await CreateAsync(new { name = "Rotating" });
        var clientId = app.GetProperty("client_id").GetString()!;
        using var sandbox = server.CreateClient();
        // Used before the rotation, so the server has verified (and remembers) the old secret.
        Assert.Equal(200, await TokenStatusAsync(clientId, app.GetProperty("client_secret").GetString()!));

        var (status, rotated) = await SendAsync(sandbox, HttpMethod.Post, $"/sandbox/apps/{clientId}/secret");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(400, await TokenStatusAsync(clientId, app.GetProperty("client_secret").GetString()!));
        Assert.Equal(200, await TokenStatusAsync(clientId, rotated.GetProperty("client_secret").GetString()!));
    }

    [Fact]
    public async Task A_verified_secret_lets_no_other_secret_through()
    {
        var app = await CreateAsync(new { name = "Verified" });
        var clientId = app.GetProperty("client_id").GetString()!;
        var secret = app.GetProperty("client_secret").GetString()!;

        var statuses = new[]
        {
            await TokenStatusAsync(clientId, secret), await TokenStatusAsync(clientId, secret),
            await TokenStatusAsync(clientId, secret[..^1]), await TokenStatusAsync(clientId, secret + "0"),
            await TokenStatusAsync(JukeboxTestServer.DemoClientId, secret), await TokenStatusAsync(clientId, secret),
        };

        Assert.Equal([200, 200, 400, 400, 400, 200], statuses);
    }

    [Fact]
    public async Task A_deleted_app_is_gone_and_its_credentials_refused()
    {
        var app = await CreateAsync(new { name = "Short-lived" });
        var clientId = app.GetProperty("client_id").GetString()!;
        using var sandbox = server.CreateClient();
        Assert.Equal(200, await TokenStatusAsync(clientId, app.GetProperty("client_secret").GetString()!));

        var (deleted, _) = await SendAsync(sandbox, HttpMethod.Delete, $"/sandbox/apps/{clientId}");
        var (read, body) = await SendAsync(sandbox, HttpMethod.Get, $"/sandbox/apps/{clientId}");
        var (again, _) = await SendAsync(sandbox, HttpMethod.Delete, $"/sandbox/apps/{clientId}");

        Assert.Equal(HttpStatusCode.NoContent, deleted);
        Assert.Equal(HttpStatusCode.NotFound, read);
        Assert.Equal("No such app", body.GetProperty("error").GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.NotFound, again);
        Assert.Equal(400, await TokenStatusAsync(clientId, app.GetProperty("client_secret").GetString()!));
    }

    public static TheoryData<string, string> BadApps => new()
    {
        { "{}", "name is required" },
        { "{\"name\":\"\"}", "The app needs a name." },
        { "{\"name\":\"x\",\"redirect_uris\":[\"not a uri\"]}", "not a uri: " },
        { "{\"name\":\"x\",\"quota_mode\":\"unlimited\"}", "quota_mode is development or extended" },
        { "{\"name\":\"x\",\"api_profile\":\"spotify-1999\"}", "Unknown api_profile 'spotify-1999'" },
        { "{\"name\":\"x\",\"owner\":\"nobody-here\"}", "No such user: nobody-here" },
        { "{\"name\":\"x\",\"allowlist\":[\"nobody-either\"]}", "No such user: nobody-either" },
        { "{\"name\":[1]}", "Malformed json" },
        { "not json", "Malformed json" },
    };

    [Theory]
    [MemberData(nameof(BadApps))]
    public async Task A_bad_app_is_refused_with_its_reason_and_nothing_is_written(string body, string message)
    {
        using var sandbox = server.CreateClient();
        var (_, before) = await SendAsync(sandbox, HttpMethod.Get, "/sandbox/apps");

        using var response = await sandbox.PostAsync("/sandbox/apps", new StringContent(body, Encoding.UTF8, "application/json"));
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
        var (_, after) = await SendAsync(sandbox, HttpMethod.Get, "/sandbox/apps");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(400, error.GetProperty("status").GetInt32());
        Assert.StartsWith(message, error.GetProperty("message").GetString());
        Assert.Equal(before.GetProperty("items").GetArrayLength(), after.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task A_development_app_takes_at_most_25_users()
    {
        var users = new List<string>();
        for (var i = 0; i < 26; i++)
        {
            users.Add($"apps-cap-{i}");
            await server.CreateUserAsync(users[^1], "pass");
        }
        var app = await CreateAsync(new { name = "Capped", allowlist = users.Take(25) });
        using var sandbox = server.CreateClient();

        var (status, body) = await SendAsync(sandbox, HttpMethod.Patch, $"/sandbox/apps/{app.GetProperty("client_id").GetString()}", new { allowlist = users });
        var (_, read) = await SendAsync(sandbox, HttpMethod.Get, $"/sandbox/apps/{app.GetProperty("client_id").GetString()}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("An app in development mode can have at most 25 users", body.GetProperty("error").GetProperty("message").GetString());
        Assert.Equal(25, read.GetProperty("allowlist").GetArrayLength());
    }

    [Fact]
    public async Task A_development_2026_app_takes_at_most_5_users_and_keeps_those_it_had()
    {
        var users = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            users.Add($"apps-2026-{i}");
            await server.CreateUserAsync(users[^1], "pass");
        }
        using var sandbox = server.CreateClient();
        var (refused, error) = await SendAsync(sandbox, HttpMethod.Post, "/sandbox/apps", new { name = "Six", api_profile = "development-2026", allowlist = users });
        var app = await CreateAsync(new { name = "Six before 2026", allowlist = users });

        var (status, switched) = await SendAsync(sandbox, HttpMethod.Patch, $"/sandbox/apps/{app.GetProperty("client_id").GetString()}", new { api_profile = "development-2026" });

        Assert.Equal(HttpStatusCode.BadRequest, refused);
        Assert.Equal("An app in development mode can have at most 5 users", error.GetProperty("error").GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("development-2026", switched.GetProperty("api_profile").GetString());
        Assert.Equal(6, switched.GetProperty("allowlist").GetArrayLength());
    }

    [Fact]
    public async Task An_unknown_app_is_404_on_every_route()
    {
        using var sandbox = server.CreateClient();
        foreach (var (method, url) in new[]
        {
            (HttpMethod.Get, "/sandbox/apps/0000"), (HttpMethod.Patch, "/sandbox/apps/0000"),
            (HttpMethod.Delete, "/sandbox/apps/0000"), (HttpMethod.Post, "/sandbox/apps/0000/secret"),
        })
        {
            var (status, body) = await SendAsync(sandbox, method, url, method == HttpMethod.Patch ? new { name = "x" } : null);
            Assert.Equal(HttpStatusCode.NotFound, status);
            Assert.Equal("No such app", body.GetProperty("error").GetProperty("message").GetString());
        }
    }
}
