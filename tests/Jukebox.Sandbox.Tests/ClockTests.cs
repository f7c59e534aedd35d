using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Jukebox.Testing;

namespace Jukebox.Sandbox.Tests;

/// <summary>The server's clock: moved ahead through the sandbox, it moves for tokens, players and history alike.</summary>
public sealed class ClockTests(JukeboxTestServer server) : IClassFixture<JukeboxTestServer>
{
    private const string Expected = "seconds must be a number of seconds, zero or more";

    internal static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    internal static async Task<JsonElement> AdvanceAsync(JukeboxTestServer server, double seconds)
    {
        using var sandbox = server.CreateClient();
        using var response = await sandbox.PostAsync("/sandbox/clock/advance", JsonContent.Create(new { seconds }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await JsonAsync(response);
    }

    internal static async Task<JsonElement> ReadClockAsync(JukeboxTestServer server)
    {
        using var sandbox = server.CreateClient();
        using var response = await sandbox.GetAsync("/sandbox/clock");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await JsonAsync(response);
    }

    private async Task<string> NewUserTokenAsync(string userId, params string[] scopes)
    {
        await server.CreateUserAsync(userId, $"{userId}-pass");
        return await OAuthClient.Demo(server).SandboxUserTokenAsync(userId, scopes);
    }

    [Fact]
    public async Task Advancing_adds_to_the_offset_and_now_is_the_servers_time_plus_the_offset()
    {
        var before = await ReadClockAsync(server);

        var advanced = await AdvanceAsync(server, 90.5);
        var read = await ReadClockAsync(server);

        var offset = before.GetProperty("offset_seconds").GetDouble() + 90.5;
        Assert.Equal(offset, advanced.GetProperty("offset_seconds").GetDouble());
        Assert.Equal(offset, read.GetProperty("offset_seconds").GetDouble());
        Assert.Equal(server.Clock.GetUtcNow().AddSeconds(offset), read.GetProperty("now").GetDateTimeOffset());
        Assert.EndsWith("Z", read.GetProperty("now").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Past_an_hour_a_user_token_has_expired()
    {
        var token = await NewUserTokenAsync("clock-expiry", "user-read-private");
        using var api = server.CreateClient(token);
        using var fresh = await api.GetAsync("/v1/me");

        await AdvanceAsync(server, 3601);
        using var expired = await api.GetAsync("/v1/me");
        var error = (await JsonAsync(expired)).GetProperty("error");

        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        Assert.Equal("The access token expired", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_refresh_token_works_for_six_months_and_not_after()
    {
        await server.CreateUserAsync("clock-refresh", "clock-refresh-pass");
        var oauth = OAuthClient.Demo(server);
        var (_, issued) = await oauth.TokenAsync(
            [("grant_type", "urn:jukebox:params:oauth:grant-type:sandbox-user"), ("user_id", "clock-refresh"), ("scope", "user-read-private")]);
        var refresh = issued.GetProperty("refresh_token").GetString()!;

        await AdvanceAsync(server, TimeSpan.FromDays(181).TotalSeconds);
        var (midway, renewed) = await oauth.TokenAsync([("grant_type", "refresh_token"), ("refresh_token", refresh)]);
        using var api = server.CreateClient(renewed.GetProperty("access_token").GetString());
        using var me = await api.GetAsync("/v1/me");
        await AdvanceAsync(server, TimeSpan.FromDays(2).TotalSeconds);
        var (late, refused) = await oauth.TokenAsync([("grant_type", "refresh_token"), ("refresh_token", refresh)]);

        Assert.Equal(200, midway);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(400, late);
        Assert.Equal("invalid_grant", refused.GetProperty("error").GetString());
    }

    [Fact]
    public async Task The_player_progresses_and_a_finished_track_is_in_the_history_at_the_servers_time()
    {
        var token = await NewUserTokenAsync("clock-player", "user-read-playback-state", "user-modify-playback-state", "user-read-recently-played");
        using var sandbox = server.CreateClient();
        using var api = server.CreateClient(token);
        var deviceId = (await JsonAsync(await sandbox.PostAsync("/sandbox/users/clock-player/devices", JsonContent.Create(new { name = "Desk" }))))
            .GetProperty("id").GetString();
        var track = (await server.CatalogAsync()).Tracks.Values.Where(t => t.DurationMs > 60_000).OrderBy(t => t.Id, StringComparer.Ordinal).First();
        using var play = await api.PutAsync($"/v1/me/player/play?device_id={deviceId}",
            new StringContent($$"""{"uris":["spotify:track:{{track.Id}}"]}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.NoContent, play.StatusCode);
        var started = (await ReadClockAsync(server)).GetProperty("now").GetDateTimeOffset();

        await AdvanceAsync(server, 12);
        var playing = await JsonAsync(await api.GetAsync("/v1/me/player"));
        var ended = (await AdvanceAsync(server, track.DurationMs / 1000.0)).GetProperty("now").GetDateTimeOffset();
        var history = await JsonAsync(await api.GetAsync("/v1/me/player/recently-played?limit=1"));

        Assert.Equal(12_000, playing.GetProperty("progress_ms").GetInt64());
        var played = Assert.Single(history.GetProperty("items").EnumerateArray());
        Assert.Equal(track.Id, played.GetProperty("track").GetProperty("id").GetString());
        var playedAt = played.GetProperty("played_at").GetDateTimeOffset();
        Assert.InRange(playedAt, started, ended);
    }

    [Theory]
    [InlineData("{\"seconds\":-1}", Expected)]
    [InlineData("{\"seconds\":\"60\"}", Expected)]
    [InlineData("{\"seconds\":null}", Expected)]
    [InlineData("{\"minutes\":5}", Expected)]
    [InlineData("{}", Expected)]
    [InlineData("[60]", Expected)]
    [InlineData("{\"seconds\":", Expected)]
    [InlineData("", Expected)]
    [InlineData("{\"seconds\":1e300}", "The clock cannot move more than 100 years ahead")]
    public async Task Bad_advances_are_400_and_leave_the_clock_alone(string body, string message)
    {
        using var sandbox = server.CreateClient();
        var before = await ReadClockAsync(server);

        using var response = await sandbox.PostAsync("/sandbox/clock/advance", new StringContent(body, Encoding.UTF8, "application/json"));
        var error = (await JsonAsync(response)).GetProperty("error");
        var after = await ReadClockAsync(server);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(400, error.GetProperty("status").GetInt32());
        Assert.Equal(message, error.GetProperty("message").GetString());
        Assert.Equal(before.GetProperty("offset_seconds").GetDouble(), after.GetProperty("offset_seconds").GetDouble());
    }
}
