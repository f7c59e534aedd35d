using System.Net;
using System.Text.Json;
using Jukebox.Testing;

namespace Jukebox.Api.Tests.Player;

/// <summary>Starting, pausing, seeking and transferring playback, and what GET /me/player shows.</summary>
[Collection(CatalogServer.Name)]
public sealed class PlaybackTests(JukeboxTestServer server)
{
    [Fact]
    public async Task Without_playback_the_state_is_204_and_the_devices_are_listed_inactive()
    {
        using var user = await PlayerUser.CreateAsync(server);
        var speaker = await user.AddDeviceAsync("Kitchen", "Speaker", supportsVolume: false);

        Assert.Null(await user.StateAsync());
        var devices = await user.GetAsync("/v1/me/player/devices", "/me/player/devices");
        var device = Assert.Single(devices.Array("devices"));
        Assert.Equal(speaker, device.Str("id"));
        Assert.False(device.GetProperty("is_active").GetBoolean());
        Assert.Equal("Kitchen", device.Str("name"));
        Assert.Equal("Speaker", device.Str("type"));
        Assert.False(device.GetProperty("supports_volume").GetBoolean());
        Assert.Equal(JsonValueKind.Null, device.GetProperty("volume_percent").ValueKind);
    }

    [Fact]
    public async Task Playing_an_album_from_an_offset_shows_the_track_its_context_and_the_progress_moving_with_the_clock()
    {
        var album = (await server.CatalogAsync()).PlainAlbum();
        using var user = await PlayerUser.CreateAsync(server);
        var device = await user.AddDeviceAsync();

        await user.PlayAsync($$"""{"context_uri":"spotify:album:{{album.Id}}","offset":{"position":1},"position_ms":5000}""", device);
        var started = await user.RequireStateAsync();
        await user.AdvanceAsync(10);
        var state = await user.RequireStateAsync();

        Assert.Equal(album.Tracks[1].Id, state.GetProperty("item").Str("id"));
        Assert.Equal("track", state.Str("currently_playing_type"));
        Assert.True(state.GetProperty("is_playing").GetBoolean());
        Assert.Equal(15_000, state.GetProperty("progress_ms").GetInt64());
        Assert.Equal(started.GetProperty("timestamp").GetInt64(), state.GetProperty("timestamp").GetInt64());
        Assert.Equal($"spotify:album:{album.Id}", state.GetProperty("context").Str("uri"));
        Assert.Equal("album", state.GetProperty("context").Str("type"));
        Assert.Equal($"{server.BaseAddress}v1/albums/{album.Id}", state.GetProperty("context").Str("href"));
        Assert.Equal(device, state.GetProperty("device").Str("id"));
        Assert.True(state.GetProperty("device").GetProperty("is_active").GetBoolean());
        Assert.Equal("off", state.Str("repeat_state"));
        Assert.False(state.GetProperty("shuffle_state").GetBoolean());
        Assert.True(state.GetProperty("actions").GetProperty("disallows").GetProperty("resuming").GetBoolean());
        Assert.False(state.GetProperty("actions").GetProperty("disallows").Has("pausing"));
    }

    [Fact]
    public async Task The_server_clock_moves_playback_too()
    {
        var album = (await server.CatalogAsync()).PlainAlbum();
        using var user = await PlayerUser.CreateAsync(server);
        await user.PlayAlbumAsync(album, await user.AddDeviceAsync());

        server.Clock.Advance(TimeSpan.FromSeconds(3));

        Assert.Equal(3_000, (await user.RequireStateAsync()).GetProperty("progress_ms").GetInt64());
    }

    [Fact]
    public async Task An_offset_by_uri_starts_at_that_track()
    {
        var album = (await server.CatalogAsync()).PlainAlbum();
        using var user = await PlayerUser.CreateAsync(server);

        await user.PlayAsync($$$"""{"context_uri":"spotify:album:{{{album.Id}}}","offset":{"uri":"spotify:track:{{{album.Tracks[2].Id}}}"}}""", await user.AddDeviceAsync());

        Assert.Equal(album.Tracks[2].Id, await user.CurrentIdAsync());
    }

    [Fact]
    public async Task Uris_play_in_the_given_order_without_a_context()
    {
        var album = (await server.CatalogAsync()).PlainAlbum();
        using var user = await PlayerUser.CreateAsync(server);
        var device = await user.AddDeviceAsync();

        await user.PlayAsync($$"""{"uris":["spotify:track:{{album.Tracks[3].Id}}","spotify:track:{{album.Tracks[0].Id}}"]}""", device);
        var state = await user.RequireStateAsync();
        await user.CommandAsync(HttpMethod.Post, "/v1/me/player/next");

        Assert.Equal(album.Tracks[3].Id, state.GetProperty("item").Str("id"));
        Assert.Equal(JsonValueKind.Null, state.GetProperty("context").ValueKind);
        Assert.Equal(album.Tracks[0].Id, await user.CurrentIdAsync());
    }

    [Fact]
    public async Task Pause_stops_the_progress_and_play_without_a_body_resumes_it()
    {
        var album = (await server.CatalogAsync()).PlainAlbum();
        using var user = await PlayerUser.CreateAsync(server);
        await user.PlayAlbumAsync(album, await user.AddDeviceAsync());
        await user.AdvanceAsync(4);

        await user.CommandAsync(HttpMethod.Put, "/v1/me/player/pause");
        await user.AdvanceAsync(60);
        var paused = await user.RequireStateAsync();
        await user.CommandAsync(HttpMethod.Put, "/v1/me/player/play");
        await user.AdvanceAsync(1);
        var resumed = await user.RequireStateAsync();

        Assert.False(paused.GetProperty("is_playing").GetBoolean());
        Assert.Equal(4_000, paused.GetProperty("progress_ms").GetInt64());
        Assert.True(paused.GetProperty("actions").GetProperty("disallows").GetProperty("pausing").GetBoolean());
        Assert.True(resumed.GetProperty("is_playing").GetBoolean());
        Assert.Equal(5_000, resumed.GetProperty("progress_ms").GetInt64());
        Assert.True(resumed.GetProperty("timestamp").GetInt64() > paused.GetProperty("timestamp").GetInt64());
    }

    [Fact]
    public async Task Seek_moves_within_the_track_and_past_its_end_plays_the_next_one()
    {
        var album = (await server.CatalogAsync()).PlainAlbum();
        using var user = await PlayerUser.CreateAsync(server);
        await user.PlayAlbumAsync(album, await user.AddDeviceAsync());

        await user.CommandAsync(HttpMethod.Put, "/v1/me/player/seek?position_ms=25000");
        Assert.Equal(25_000, (await user.RequireStateAsync()).GetProperty("progress_ms").GetInt64());

        await user.CommandAsync(HttpMethod.Put, $"/v1/me/player/seek?position_ms={album.Tracks[0].DurationMs + 10}");
        var state = await user.RequireStateAsync();
        Assert.Equal(album.Tracks[1].Id, state.GetProperty("item").Str("id"));
        Assert.Equal(0, state.GetProperty("progress_ms").GetInt64());
    }

    [Fact]
    public async Task Transfer_moves_playback_to_another_device_and_play_true_resumes_it()
    {
        var album = (await server.CatalogAsync()).PlainAlbum();
        using var user = await PlayerUser.CreateAsync(server);
        var first = await user.AddDeviceAsync("Phone", "Smartphone");
        var second = await user.AddDeviceAsync("TV", "TV");
        await user.PlayAlbumAsync(album, first);
        await user.CommandAsync(HttpMethod.Put, "/v1/me/player/pause");

        await user.CommandAsync(HttpMethod.Put, "/v1/me/player", $$"""{"device_ids":["{{second}}"]}""");
        var kept = await user.RequireStateAsync();
        await user.CommandAsync(HttpMethod.Put, "/v1/me/player", $$"""{"device_ids":["{{first}}"],"play":true}""");
        var resumed = await user.RequireStateAsync();

        Assert.Equal(second, kept.GetProperty("device").Str("id"));
        Assert.False(kept.GetProperty("is_playing").GetBoolean());
        Assert.Equal(first, resumed.GetProperty("device").Str("id"));
        Assert.True(resumed.GetProperty("is_playing").GetBoolean());
        var devices = await user.GetAsync("/v1/me/player/devices", "/me/player/devices");
        Assert.Equal([first], devices.Array("devices").Where(d => d.GetProperty("is_active").GetBoolean()).Select(d => d.Str("id")));
    }

    [Fact]
    public async Task Play_on_a_device_that_is_not_active_moves_playback_there()
    {
        var album = (await server.CatalogAsync()).PlainAlbum();
        using var user = await PlayerUser.CreateAsync(server);
        var first = await user.AddDeviceAsync("Phone", "Smartphone");
        var second = await user.AddDeviceAsync("Car", "Automobile");
        await user.PlayAlbumAsync(album, first);

        await user.CommandAsync(HttpMethod.Put, "/v1/me/player/pause");
        await user.PlayAsync("", second);

        var state = await user.RequireStateAsync();
        Assert.Equal(second, state.GetProperty("device").Str("id"));
        Assert.True(state.GetProperty("is_playing").GetBoolean());
    }

    [Fact]
    public async Task Volume_changes_the_device_and_repeat_and_shuffle_show_in_the_state()
    {
        var album = (await server.CatalogAsync()).PlainAlbum();
        using var user = await PlayerUser.CreateAsync(server);
        var device = await user.AddDeviceAsync();
        await user.PlayAlbumAsync(album, device);

        await user.CommandAsync(HttpMethod.Put, "/v1/me/player/volume?volume_percent=0");
        await user.CommandAsync(HttpMethod.Put, "/v1/me/player/repeat?state=context");
        await user.CommandAsync(HttpMethod.Put, "/v1/me/player/shuffle?state=true");
        var state = await user.RequireStateAsync();

        Assert.Equal(0, state.GetProperty("device").Int("volume_percent"));
        Assert.Equal("context", state.Str("repeat_state"));
        Assert.True(state.GetProperty("shuffle_state").GetBoolean());
        await user.CommandAsync(HttpMethod.Put, "/v1/me/player/volume?volume_percent=100");
        await user.CommandAsync(HttpMethod.Put, "/v1/me/player/repeat?state=track");
        state = await user.RequireStateAsync();
        Assert.Equal(100, state.GetProperty("device").Int("volume_percent"));
        Assert.Equal("track", state.Str("repeat_state"));
    }

    [Fact]
    public async Task Currently_playing_shows_the_item_and_is_204_without_playback()
    {
        var album = (await server.CatalogAsync()).PlainAlbum();
        using var user = await PlayerUser.CreateAsync(server);
        var device = await user.AddDeviceAsync();
        using (var none = await user.Http.GetAsync("/v1/me/player/currently-playing"))
        {
            Assert.Equal(HttpStatusCode.NoContent, none.StatusCode);
        }

        await user.PlayAlbumAsync(album, device);
        await user.AdvanceAsync(2);
        var playing = await user.GetAsync("/v1/me/player/currently-playing", "/me/player/currently-playing");

        Assert.Equal(album.Tracks[0].Id, playing.GetProperty("item").Str("id"));
        Assert.Equal(2_000, playing.GetProperty("progress_ms").GetInt64());
        Assert.True(playing.GetProperty("is_playing").GetBoolean());
        Assert.False(playing.Has("device"));
    }

    [Fact]
    public async Task A_private_session_hides_the_currently_playing_item()
    {
        var album = (await server.CatalogAsync()).PlainAlbum();
        using var user = await PlayerUser.CreateAsync(server);
        await user.PlayAlbumAsync(album, await user.AddDeviceAsync(privateSession: true));

        using var response = await user.Http.GetAsync("/v1/me/player/currently-playing");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.True((await user.RequireStateAsync()).GetProperty("device").GetProperty("is_private_session").GetBoolean());
    }

    [Fact]
    public async Task An_episode_shows_as_item_only_with_additional_types_episode()
    {
        var show = (await server.CatalogAsync()).Shows.Values.OrderBy(s => s.Id, StringComparer.Ordinal).First();
        using var user = await PlayerUser.CreateAsync(server);
        await user.PlayAsync($$"""{"context_uri":"spotify:show:{{show.Id}}"}""", await user.AddDeviceAsync());

        var hidden = await user.RequireStateAsync();
        var shown = await user.RequireStateAsync("?additional_types=track,episode");
        var playing = await user.GetAsync("/v1/me/player/currently-playing?additional_types=episode", "/me/player/currently-playing");

        Assert.Equal("episode", hidden.Str("currently_playing_type"));
        Assert.Equal(JsonValueKind.Null, hidden.GetProperty("item").ValueKind);
        Assert.Equal(show.Episodes[0].Id, shown.GetProperty("item").Str("id"));
        Assert.Equal("episode", shown.GetProperty("item").Str("type"));
        Assert.Equal(show.Episodes[0].Id, playing.GetProperty("item").Str("id"));
        Assert.Equal("show", shown.GetProperty("context").Str("type"));
    }
}
