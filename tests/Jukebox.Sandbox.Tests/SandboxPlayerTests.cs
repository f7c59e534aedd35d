using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Jukebox.Testing;

namespace Jukebox.Sandbox.Tests;

/// <summary>The sandbox's player controls: devices for a user, and the user's playback clock.</summary>
public sealed class SandboxPlayerTests(JukeboxTestServer server) : IClassFixture<JukeboxTestServer>
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    private async Task<HttpClient> PlayerClientAsync(string userId) =>
        server.CreateClient(await OAuthClient.Demo(server).SandboxUserTokenAsync(userId, "user-read-playback-state", "user-modify-playback-state"));

    [Fact]
    public async Task A_device_created_for_a_user_is_listed_and_a_deleted_one_is_gone()
    {
        await server.CreateUserAsync("sandbox-devices", "devices-pass");
        using var sandbox = server.CreateClient();
        using var api = await PlayerClientAsync("sandbox-devices");

        using var created = await sandbox.PostAsync("/sandbox/users/sandbox-devices/devices",
            JsonContent.Create(new { name = "Garage", type = "AVR", volume_percent = 30 }));
        var device = await JsonAsync(created);
        var listed = await JsonAsync(await api.GetAsync("/v1/me/player/devices"));
        using var deleted = await sandbox.DeleteAsync($"/sandbox/users/sandbox-devices/devices/{device.GetProperty("id").GetString()}");
        var after = await JsonAsync(await api.GetAsync("/v1/me/player/devices"));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Matches("^[0-9a-f]{40}$", device.GetProperty("id").GetString());
        Assert.Equal("AVR", device.GetProperty("type").GetString());
        Assert.Equal(30, device.GetProperty("volume_percent").GetInt32());
        Assert.True(device.GetProperty("supports_volume").GetBoolean());
        Assert.Equal("Garage", Assert.Single(listed.GetProperty("devices").EnumerateArray()).GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty(after.GetProperty("devices").EnumerateArray());
    }

    [Theory]
    [InlineData("{\"type\":\"Speaker\"}", 400, "name must be 1-512 characters")]
    [InlineData("{\"name\":\"x\",\"type\":\"Toaster\"}", 400, null)]
    [InlineData("{\"name\":\"x\",\"volume_percent\":101}", 400, "volume_percent must be 0-100")]
    [InlineData("{\"name\":", 400, null)]
    public async Task Bad_device_requests_are_400(string json, int status, string? message)
    {
        await server.CreateUserAsync($"sandbox-bad-{Math.Abs(json.GetHashCode(StringComparison.Ordinal))}", "bad-pass-1");
        using var sandbox = server.CreateClient();

        using var response = await sandbox.PostAsync($"/sandbox/users/sandbox-bad-{Math.Abs(json.GetHashCode(StringComparison.Ordinal))}/devices",
            new StringContent(json, Encoding.UTF8, "application/json"));
        var error = (await JsonAsync(response)).GetProperty("error");

        Assert.Equal(status, (int)response.StatusCode);
        if (message is not null)
        {
            Assert.Equal(message, error.GetProperty("message").GetString());
        }
    }

    [Fact]
    public async Task Unknown_users_and_devices_are_404()
    {
        using var sandbox = server.CreateClient();

        using var device = await sandbox.PostAsync("/sandbox/users/nobody-at-all/devices", JsonContent.Create(new { name = "x" }));
        using var advance = await sandbox.PostAsync("/sandbox/users/nobody-at-all/player/advance", JsonContent.Create(new { seconds = 1 }));
        using var delete = await sandbox.DeleteAsync($"/sandbox/users/{JukeboxTestServer.DemoUserId}/devices/{new string('0', 40)}");

        Assert.Equal(HttpStatusCode.NotFound, device.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, advance.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
    }

    [Fact]
    public async Task Advancing_the_clock_moves_only_that_users_playback_and_adds_up()
    {
        await server.CreateUserAsync("sandbox-clock", "clock-pass-1");
        using var sandbox = server.CreateClient();
        using var api = await PlayerClientAsync("sandbox-clock");
        var deviceId = (await JsonAsync(await sandbox.PostAsync("/sandbox/users/sandbox-clock/devices", JsonContent.Create(new { name = "Desk" }))))
            .GetProperty("id").GetString();
        var track = (await server.CatalogAsync()).Tracks.Values.OrderByDescending(t => t.DurationMs).First();
        using var play = await api.PutAsync($"/v1/me/player/play?device_id={deviceId}",
            new StringContent($$"""{"uris":["spotify:track:{{track.Id}}"]}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.NoContent, play.StatusCode);

        using var first = await sandbox.PostAsync("/sandbox/users/sandbox-clock/player/advance", JsonContent.Create(new { seconds = 1.5 }));
        using var second = await sandbox.PostAsync("/sandbox/users/sandbox-clock/player/advance", JsonContent.Create(new { milliseconds = 500 }));
        var state = await JsonAsync(await api.GetAsync("/v1/me/player"));
        using var negative = await sandbox.PostAsync("/sandbox/users/sandbox-clock/player/advance", JsonContent.Create(new { seconds = -1 }));

        Assert.Equal(1500, (await JsonAsync(first)).GetProperty("clock_offset_ms").GetInt64());
        Assert.Equal(2000, (await JsonAsync(second)).GetProperty("clock_offset_ms").GetInt64());
        Assert.Equal(2000, state.GetProperty("progress_ms").GetInt64());
        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
    }

    [Fact]
    public async Task Deleting_the_playing_device_stops_playback_then()
    {
        await server.CreateUserAsync("sandbox-unplug", "unplug-pass-1");
        using var sandbox = server.CreateClient();
        using var api = await PlayerClientAsync("sandbox-unplug");
        var deviceId = (await JsonAsync(await sandbox.PostAsync("/sandbox/users/sandbox-unplug/devices", JsonContent.Create(new { name = "Desk" }))))
            .GetProperty("id").GetString();
        var album = (await server.CatalogAsync()).Albums.Values.OrderBy(a => a.Id, StringComparer.Ordinal).First(a => a.Tracks.Length > 2);
        using var play = await api.PutAsync($"/v1/me/player/play?device_id={deviceId}",
            new StringContent($$"""{"context_uri":"spotify:album:{{album.Id}}"}""", Encoding.UTF8, "application/json"));

        using var deleted = await sandbox.DeleteAsync($"/sandbox/users/sandbox-unplug/devices/{deviceId}");
        using var state = await api.GetAsync("/v1/me/player");
        using var pause = await api.PutAsync("/v1/me/player/pause", null);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, state.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, pause.StatusCode);
    }

    [Fact]
    public async Task The_demo_user_has_a_computer_a_smartphone_and_a_speaker()
    {
        using var api = await PlayerClientAsync(JukeboxTestServer.DemoUserId);

        var devices = (await JsonAsync(await api.GetAsync("/v1/me/player/devices"))).GetProperty("devices").EnumerateArray()
            .Select(d => d.GetProperty("type").GetString()).ToList();

        Assert.Equal(["Computer", "Smartphone", "Speaker"], devices);
    }
}
