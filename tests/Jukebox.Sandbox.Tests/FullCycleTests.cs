using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Jukebox.Sandbox.Tests;

/// <summary>
/// What a CI job does with a throwaway server, start to finish, through HTTP only: an app and a user,
/// a token outlived by the clock, a fault seen once, the request log, snapshot, reset, restore, stop.
/// </summary>
public sealed class FullCycleTests
{
    private const string SandboxGrant = "urn:jukebox:params:oauth:grant-type:sandbox-user";

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    [Fact]
    public async Task A_ci_run_drives_a_throwaway_server_through_the_sandbox_and_leaves_nothing_behind()
    {
        await using var server = await ThrowawayServer.StartAsync();
        using var sandbox = server.CreateClient();

        // An app and a user of its own.
        await JsonAsync(await sandbox.PostAsJsonAsync("/sandbox/users", new { id = "ci-user", password = "ci-password" }), HttpStatusCode.Created);
        var app = await JsonAsync(await sandbox.PostAsJsonAsync("/sandbox/apps",
            new { name = "CI", redirect_uris = new[] { "http://127.0.0.1:9999/callback" }, allowlist = new[] { "ci-user" } }), HttpStatusCode.Created);
        var (clientId, secret) = (app.GetProperty("client_id").GetString()!, app.GetProperty("client_secret").GetString()!);
        async Task<string> UserTokenAsync()
        {
            var token = await JsonAsync(await server.TokenAsync(clientId, secret,
                ("grant_type", SandboxGrant), ("user_id", "ci-user"), ("scope", "user-library-read user-library-modify user-read-private")), HttpStatusCode.OK);
            return token.GetProperty("access_token").GetString()!;
        }
        using var user = server.CreateClient(await UserTokenAsync());
        var track = (await JsonAsync(await user.GetAsync("/v1/search?q=a&type=track&limit=1"), HttpStatusCode.OK))
            .GetProperty("tracks").GetProperty("items")[0].GetProperty("id").GetString()!;
        await JsonAsync(await user.PutAsync($"/v1/me/tracks?ids={track}", null), HttpStatusCode.OK);

        // The clock outlives the token's hour.
        await JsonAsync(await sandbox.PostAsJsonAsync("/sandbox/clock/advance", new { seconds = 3601 }), HttpStatusCode.OK);
        var expired = await JsonAsync(await user.GetAsync("/v1/me"), HttpStatusCode.Unauthorized);
        Assert.Equal("The access token expired", expired.GetProperty("error").GetProperty("message").GetString());

        // A 503 for the next request, then the API as usual.
        using var renewed = server.CreateClient(await UserTokenAsync());
        var fault = await JsonAsync(await sandbox.PostAsJsonAsync("/sandbox/faults",
            new { client_id = clientId, path = "/v1/me", status = 503, count = 1 }), HttpStatusCode.Created);
        await JsonAsync(await renewed.GetAsync("/v1/me"), HttpStatusCode.ServiceUnavailable);
        Assert.Equal("ci-user", (await JsonAsync(await renewed.GetAsync("/v1/me"), HttpStatusCode.OK)).GetProperty("id").GetString());

        // The request log, newest first: the API's calls and the token request between them.
        var log = (await JsonAsync(await sandbox.GetAsync($"/sandbox/requests?client_id={clientId}&limit=4"), HttpStatusCode.OK)).GetProperty("items");
        Assert.Equal(["200 /v1/me", "503 /v1/me", "200 /api/token", "401 /v1/me"],
            log.EnumerateArray().Select(e => $"{e.GetProperty("status").GetInt32()} {e.GetProperty("route").GetString()}"));
        Assert.Equal(fault.GetProperty("id").GetString(), log[1].GetProperty("fault_id").GetString());
        Assert.Equal("The access token expired", log[3].GetProperty("message").GetString());

        // Snapshot, reset (all of it gone), restore (all of it back).
        using var snapshotResponse = await sandbox.GetAsync("/sandbox/snapshot");
        var snapshot = await snapshotResponse.Content.ReadAsByteArrayAsync();
        Assert.Equal(HttpStatusCode.OK, snapshotResponse.StatusCode);
        await JsonAsync(await sandbox.PostAsync("/sandbox/reset", null), HttpStatusCode.NoContent);
        await JsonAsync(await sandbox.GetAsync("/sandbox/users/ci-user"), HttpStatusCode.NotFound);
        await JsonAsync(await sandbox.GetAsync($"/sandbox/apps/{clientId}"), HttpStatusCode.NotFound);
        Assert.Empty((await JsonAsync(await sandbox.GetAsync($"/sandbox/requests?client_id={clientId}"), HttpStatusCode.OK)).GetProperty("items").EnumerateArray());
        await JsonAsync(await server.TokenAsync(clientId, secret, ("grant_type", "client_credentials")), HttpStatusCode.BadRequest);

        using var restore = new ByteArrayContent(snapshot);
        restore.Headers.ContentType = new("application/json");
        await JsonAsync(await sandbox.PutAsync("/sandbox/snapshot", restore), HttpStatusCode.NoContent);
        using var restored = server.CreateClient(await UserTokenAsync());
        var saved = await JsonAsync(await restored.GetAsync("/v1/me/tracks"), HttpStatusCode.OK);
        Assert.Equal([track], saved.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("track").GetProperty("id").GetString()));

        // Stop: nothing is left on disk.
        await server.StopAsync();
        Assert.Equal(0, server.ExitCode);
        Assert.Empty(server.Folder.GetFileSystemInfos());
    }
}
