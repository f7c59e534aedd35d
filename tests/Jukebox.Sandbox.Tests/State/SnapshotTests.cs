using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jukebox.Testing;

namespace Jukebox.Sandbox.Tests.State;

/// <summary>GET and PUT /sandbox/snapshot: all user-made state as one file, and back.</summary>
public sealed class SnapshotTests(JukeboxTestServer server) : IClassFixture<JukeboxTestServer>
{
    private async Task<string> SnapshotAsync()
    {
        using var sandbox = server.CreateClient();
        using var response = await sandbox.GetAsync("/sandbox/snapshot");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<(HttpStatusCode Status, string Body)> RestoreAsync(string file)
    {
        using var sandbox = server.CreateClient();
        using var response = await sandbox.PutAsync("/sandbox/snapshot", new StringContent(file, Encoding.UTF8, "application/json"));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task ResetAsync()
    {
        using var sandbox = server.CreateClient();
        using var response = await sandbox.PostAsync("/sandbox/reset", null);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    /// <summary>The file's rows, but for the tokens: observing the scene issues client-credentials tokens.</summary>
    private static string Tables(string file)
    {
        var tables = JsonNode.Parse(file)!["tables"]!.AsObject();
        tables.Remove("openiddict_tokens");
        return tables.ToJsonString();
    }

    private async Task<(UserScene Scene, string File)> SceneAndSnapshotAsync()
    {
        await ResetAsync();
        var scene = await UserScene.CreateAsync(server);
        return (scene, await SnapshotAsync());
    }

    [Fact]
    public async Task A_snapshot_restored_after_a_reset_brings_every_answer_back()
    {
        var (scene, file) = await SceneAndSnapshotAsync();
        var before = await scene.ObserveAsync(server);

        await ResetAsync();
        var reset = await scene.ObserveAsync(server);
        var (status, body) = await RestoreAsync(file);
        var after = await scene.ObserveAsync(server);

        Assert.True(status == HttpStatusCode.NoContent, body);
        Assert.NotEqual(before, reset);
        Assert.Equal(before, after);
        Assert.Equal(Tables(file), Tables(await SnapshotAsync()));
    }

    [Fact]
    public async Task The_file_is_versioned_and_holds_the_users_apps_and_playlists()
    {
        var (scene, file) = await SceneAndSnapshotAsync();
        var root = JsonDocument.Parse(file).RootElement;
        var tables = root.GetProperty("tables");

        Assert.Equal("jukebox-snapshot", root.GetProperty("format").GetString());
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        Assert.Contains(tables.GetProperty("users").EnumerateArray(), u => u.GetProperty("id").GetString() == UserScene.UserId
            && u.GetProperty("password_hash").GetString()!.Length > 20);
        Assert.DoesNotContain(tables.GetProperty("users").EnumerateArray(), u => u.GetProperty("id").GetString() == "spotify");
        Assert.Contains(tables.GetProperty("openiddict_applications").EnumerateArray(), a => a.GetProperty("client_id").GetString() == scene.App.ClientId
            && a.GetProperty("client_secret").GetString() != scene.App.ClientSecret
            && a.GetProperty("redirect_uris").GetString()!.Contains("http://127.0.0.1:9999/callback", StringComparison.Ordinal));
        Assert.Equal(3, tables.GetProperty("playlist_items").EnumerateArray().Count());
        Assert.Single(tables.GetProperty("user_images").EnumerateArray());
        Assert.NotEmpty(tables.GetProperty("play_history").EnumerateArray());
    }

    public static TheoryData<string, string> BadFiles => new()
    {
        { "not json", "The snapshot is not valid JSON" },
        { "[]", "Not a Jukebox snapshot" },
        { "{\"format\":\"something-else\",\"version\":1,\"tables\":{}}", "Not a Jukebox snapshot" },
        { "{\"format\":\"jukebox-snapshot\",\"version\":2,\"tables\":{}}", "The snapshot is of version 2; this server reads version 1 and older" },
        { "{\"format\":\"jukebox-snapshot\",\"version\":\"1\",\"tables\":{}}", "\"version\" must be a positive integer" },
        { "{\"format\":\"jukebox-snapshot\",\"version\":1}", "\"tables\" must be an object" },
        { "{\"format\":\"jukebox-snapshot\",\"version\":1,\"tables\":{\"songs\":[]}}", "Unknown table \"songs\"" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_malformed_file_is_refused_with_the_reason_and_changes_nothing(string file, string reason)
    {
        var (scene, snapshot) = await SceneAndSnapshotAsync();
        var before = await scene.ObserveAsync(server);

        var (status, body) = await RestoreAsync(file);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(reason, JsonDocument.Parse(body).RootElement.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await scene.ObserveAsync(server));
        Assert.Equal(Tables(snapshot), Tables(await SnapshotAsync()));
    }

    public static TheoryData<string, string, string, string> BadRows => new()
    {
        { "playlist_items", "track_id", "\"0000000000000000000000\"", "playlist_items.track_id \"0000000000000000000000\": no such Track" },
        { "saved_items", "item_id", "\"0000000000000000000000\"", "saved_items.item_id \"0000000000000000000000\": no such " },
        { "saved_items", "item_type", "\"song\"", "saved_items.item_type \"song\" names nothing the catalog holds" },
        { "artist_follows", "artist_id", "\"0000000000000000000000\"", "no such Artist" },
        { "play_history", "track_id", "\"0000000000000000000000\"", "no such Track" },
        { "playlists", "owner_id", "\"nobody\"", "playlists.owner_id \"nobody\": no such User" },
        { "playlist_items", "added_at", "\"yesterday\"", "playlist_items[0].added_at must be an ISO 8601 instant" },
        { "playlists", "name", "null", "playlists[0].name must not be null" },
        { "users", "colour", "\"red\"", "users[0]: unknown column \"colour\"" },
    };

    [Theory]
    [MemberData(nameof(BadRows))]
    public async Task A_file_that_refers_to_what_does_not_exist_is_refused_and_changes_nothing(string table, string column, string value, string reason)
    {
        var (scene, snapshot) = await SceneAndSnapshotAsync();
        var before = await scene.ObserveAsync(server);
        var file = JsonNode.Parse(snapshot)!;
        var rows = file["tables"]![table]!.AsArray();
        rows[0]![column] = JsonNode.Parse(value);

        var (status, body) = await RestoreAsync(file.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(reason, JsonDocument.Parse(body).RootElement.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await scene.ObserveAsync(server));
        Assert.Equal(Tables(snapshot), Tables(await SnapshotAsync()));
    }
}
