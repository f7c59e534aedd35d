using Jukebox.Testing;

namespace Jukebox.Api.Tests.Player;

/// <summary>The player's errors, with Spotify's statuses, messages and reasons; a failed command changes nothing.</summary>
[Collection(CatalogServer.Name)]
public sealed class PlayerErrorTests(JukeboxTestServer server)
{
    private const string Restriction = "Player command failed: Restriction violated";

    public static TheoryData<string, string> Commands => new()
    {
        { "PUT", "/v1/me/player/play" },
        { "PUT", "/v1/me/player/pause" },
        { "POST", "/v1/me/player/next" },
        { "POST", "/v1/me/player/previous" },
        { "PUT", "/v1/me/player/seek?position_ms=1000" },
        { "PUT", "/v1/me/player/repeat?state=off" },
        { "PUT", "/v1/me/player/shuffle?state=true" },
        { "PUT", "/v1/me/player/volume?volume_percent=10" },
        { "POST", "/v1/me/player/queue?uri=spotify:track:" + CatalogPicks.UnknownId },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Every_command_without_an_active_device_is_404_no_active_device(string method, string url)
    {
        using var user = await PlayerUser.CreateAsync(server);
        await user.AddDeviceAsync();

        await user.AssertFailsAsync(new HttpMethod(method), url, 404, "Player command failed: No active device found", "NO_ACTIVE_DEVICE");
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Every_command_of_a_free_user_is_403_premium_required(string method, string url)
    {
        using var user = await PlayerUser.CreateAsync(server, product: "free");
        await user.AddDeviceAsync();

        await user.AssertFailsAsync(new HttpMethod(method), url, 403, "Player command failed: Premium required", "PREMIUM_REQUIRED");
    }

    [Fact]
    public async Task A_free_user_can_still_read_the_player_and_cannot_transfer()
    {
        using var user = await PlayerUser.CreateAsync(server, product: "free");
        var device = await user.AddDeviceAsync();

        Assert.Null(await user.StateAsync());
        Assert.Single((await user.GetAsync("/v1/me/player/devices", "/me/player/devices")).Array("devices"));
        await user.AssertFailsAsync(HttpMethod.Put, "/v1/me/player", 403, "Player command failed: Premium required", "PREMIUM_REQUIRED",
            $$"""{"device_ids":["{{device}}"]}""");
    }

    [Fact]
    public async Task State_errors_name_their_reason()
    {
        var album = (await server.CatalogAsync()).PlainAlbum();
        using var user = await PlayerUser.CreateAsync(server);
        var device = await user.AddDeviceAsync();
        await user.PlayAlbumAsync(album, device);

        await user.AssertFailsAsync(HttpMethod.Put, "/v1/me/player/play", 403, Restriction, "NOT_PAUSED");
        await user.AssertFailsAsync(HttpMethod.Post, "/v1/me/player/previous", 403, Restriction, "NO_PREV_TRACK");
        await user.CommandAsync(HttpMethod.Put, "/v1/me/player/pause");
        await user.AssertFailsAsync(HttpMethod.Put, "/v1/me/player/pause", 403, Restriction, "ALREADY_PAUSED");
        await user.PlayAlbumAsync(album, device, album.Tracks.Length - 1);
        await user.AssertFailsAsync(HttpMethod.Post, "/v1/me/player/next", 403, Restriction, "NO_NEXT_TRACK");
        var disallows = (await user.RequireStateAsync()).GetProperty("actions").GetProperty("disallows");
        Assert.True(disallows.GetProperty("skipping_next").GetBoolean());
    }

    [Fact]
    public async Task Device_errors()
    {
        var album = (await server.CatalogAsync()).PlainAlbum();
        using var user = await PlayerUser.CreateAsync(server);
        var speaker = await user.AddDeviceAsync("Speaker", "Speaker", supportsVolume: false);
        var other = await user.AddDeviceAsync("Phone", "Smartphone");
        var restricted = await user.AddDeviceAsync("Hotel TV", "TV", restricted: true);
        await user.PlayAlbumAsync(album, speaker);

        await user.AssertFailsAsync(HttpMethod.Put, "/v1/me/player/volume?volume_percent=40", 403, "Player command failed: Cannot control device volume", "VOLUME_CONTROL_DISALLOW");
        await user.AssertFailsAsync(HttpMethod.Put, $"/v1/me/player/pause?device_id={"0".PadLeft(40, '0')}", 404, "Device not found");
        await user.AssertFailsAsync(HttpMethod.Put, $"/v1/me/player/play?device_id={restricted}", 403, Restriction, "DEVICE_NOT_CONTROLLABLE");
        await user.AssertFailsAsync(HttpMethod.Put, $"/v1/me/player/pause?device_id={other}", 403, Restriction, "UNKNOWN");
        await user.AssertFailsAsync(HttpMethod.Put, "/v1/me/player", 404, "Device not found", json: $$"""{"device_ids":["{{"1".PadLeft(40, '1')}}"]}""");
        await user.AssertFailsAsync(HttpMethod.Put, "/v1/me/player", 404, "Device not found", json: """{"device_ids":[""]}""");
        Assert.Equal(speaker, (await user.RequireStateAsync()).GetProperty("device").Str("id"));
    }

    public static TheoryData<string, string, string?, string> BadRequests => new()
    {
        { "PUT", "/v1/me/player/play", "{\"context_uri\":", "Malformed json" },
        { "PUT", "/v1/me/player/play", "{\"uris\":\"spotify:track:x\"}", "Malformed json" },
        { "PUT", "/v1/me/player", "not json", "Malformed json" },
        { "PUT", "/v1/me/player", "{}", "Required field device_ids missing" },
        { "PUT", "/v1/me/player", "{\"device_ids\":[\"a\",\"b\"]}", "Only one device_id is currently supported" },
        { "PUT", "/v1/me/player/play", "{\"context_uri\":\"spotify:album:bad\"}", "Invalid context uri" },
        { "PUT", "/v1/me/player/play", "{\"context_uri\":\"spotify:track:" + CatalogPicks.UnknownId + "\"}", "Non supported context uri" },
        { "PUT", "/v1/me/player/play", "{\"uris\":[\"spotify:album:" + CatalogPicks.UnknownId + "\"]}", "Invalid track uri: spotify:album:" + CatalogPicks.UnknownId },
        { "PUT", "/v1/me/player/play", "{\"uris\":[\"x\"],\"position_ms\":-1}", "position_ms must be a positive number" },
        { "PUT", "/v1/me/player/seek", null, "Missing required parameter position_ms" },
        { "PUT", "/v1/me/player/seek?position_ms=-5", null, "Invalid position_ms" },
        { "PUT", "/v1/me/player/seek?position_ms=abc", null, "Invalid position_ms" },
        { "PUT", "/v1/me/player/volume?volume_percent=101", null, "Invalid volume_percent" },
        { "PUT", "/v1/me/player/volume?volume_percent=-1", null, "Invalid volume_percent" },
        { "PUT", "/v1/me/player/volume", null, "Missing required parameter volume_percent" },
        { "PUT", "/v1/me/player/repeat?state=all", null, "State must be one of track, context or off" },
        { "PUT", "/v1/me/player/shuffle?state=yes", null, "State must be true or false" },
        { "POST", "/v1/me/player/queue", null, "Missing required parameter uri" },
        { "POST", "/v1/me/player/queue?uri=spotify:album:" + CatalogPicks.UnknownId, null, "Invalid track uri: spotify:album:" + CatalogPicks.UnknownId },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_input_is_400_and_changes_nothing(string method, string url, string? json, string message)
    {
        var album = (await server.CatalogAsync()).PlainAlbum();
        using var user = await PlayerUser.CreateAsync(server);
        await user.PlayAlbumAsync(album, await user.AddDeviceAsync());
        var before = await user.RequireStateAsync();

        await user.AssertFailsAsync(new HttpMethod(method), url, 400, message, json: json);

        Assert.Equal(before.ToString(), (await user.RequireStateAsync()).ToString());
    }

    [Fact]
    public async Task Unknown_items_and_offsets_outside_the_context_are_refused()
    {
        var album = (await server.CatalogAsync()).PlainAlbum();
        using var user = await PlayerUser.CreateAsync(server);
        var device = await user.AddDeviceAsync();
        var unknown = CatalogPicks.UnknownId;

        await user.AssertFailsAsync(HttpMethod.Put, $"/v1/me/player/play?device_id={device}", 404, "non existing id", json: $$"""{"context_uri":"spotify:album:{{unknown}}"}""");
        await user.AssertFailsAsync(HttpMethod.Put, $"/v1/me/player/play?device_id={device}", 404, "non existing id", json: $$"""{"context_uri":"spotify:playlist:{{unknown}}"}""");
        await user.AssertFailsAsync(HttpMethod.Put, $"/v1/me/player/play?device_id={device}", 404, "non existing id", json: $$"""{"uris":["spotify:track:{{unknown}}"]}""");
        await user.AssertFailsAsync(HttpMethod.Put, $"/v1/me/player/play?device_id={device}", 403, Restriction, "NO_SPECIFIC_TRACK",
            $$$"""{"context_uri":"spotify:album:{{{album.Id}}}","offset":{"position":{{{album.Tracks.Length}}}}}""");
        await user.AssertFailsAsync(HttpMethod.Put, $"/v1/me/player/play?device_id={device}", 403, Restriction, "NO_SPECIFIC_TRACK",
            $$$"""{"context_uri":"spotify:album:{{{album.Id}}}","offset":{"uri":"spotify:track:{{{unknown}}}"}}""");
        await user.AssertFailsAsync(HttpMethod.Put, $"/v1/me/player/play?device_id={device}", 403, Restriction, "NO_SPECIFIC_TRACK");
        Assert.Null(await user.StateAsync());
    }
}
