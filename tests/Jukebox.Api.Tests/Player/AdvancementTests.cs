using Jukebox.Api.Catalog;
using Jukebox.Data;
using Jukebox.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jukebox.Api.Tests.Player;

/// <summary>Time running through tracks: queue, context, repeat and shuffle, next and previous.</summary>
[Collection(CatalogServer.Name)]
public sealed class AdvancementTests(JukeboxTestServer server)
{
    private static double Seconds(params CatalogTrack[] tracks) => tracks.Sum(t => t.DurationMs) / 1000.0;

    private async Task<List<string>> QueueIdsAsync(PlayerUser user)
    {
        var queue = await user.GetAsync("/v1/me/player/queue", "/me/player/queue");
        return [.. queue.Array("queue").Select(i => i.Str("id"))];
    }

    [Fact]
    public async Task At_the_end_of_a_track_the_next_track_of_the_context_plays_even_several_tracks_later()
    {
        var album = (await server.CatalogAsync()).PlainAlbum();
        using var user = await PlayerUser.CreateAsync(server);
        await user.PlayAlbumAsync(album, await user.AddDeviceAsync());

        await user.AdvanceAsync(Seconds(album.Tracks[0], album.Tracks[1]) + 5);
        var state = await user.RequireStateAsync();

        Assert.Equal(album.Tracks[2].Id, state.GetProperty("item").Str("id"));
        Assert.Equal(5_000, state.GetProperty("progress_ms").GetInt64());
        Assert.True(state.GetProperty("is_playing").GetBoolean());
    }

    [Fact]
    public async Task Queued_items_play_before_the_context_continues()
    {
        var catalog = await server.CatalogAsync();
        var album = catalog.PlainAlbum();
        var queued = catalog.LongestAlbum().Tracks[0];
        using var user = await PlayerUser.CreateAsync(server);
        await user.PlayAlbumAsync(album, await user.AddDeviceAsync());

        await user.CommandAsync(HttpMethod.Post, $"/v1/me/player/queue?uri=spotify:track:{queued.Id}");
        var queue = await user.GetAsync("/v1/me/player/queue", "/me/player/queue");
        Assert.Equal(album.Tracks[0].Id, queue.GetProperty("currently_playing").Str("id"));
        Assert.Equal([queued.Id, album.Tracks[1].Id, album.Tracks[2].Id], queue.Array("queue").Take(3).Select(i => i.Str("id")));

        await user.AdvanceAsync(Seconds(album.Tracks[0]) + 1);
        Assert.Equal(queued.Id, await user.CurrentIdAsync());
        await user.AdvanceAsync(Seconds(queued));
        Assert.Equal(album.Tracks[1].Id, await user.CurrentIdAsync());
    }

    [Fact]
    public async Task Without_repeat_playback_stops_after_the_last_track_of_the_context()
    {
        var album = (await server.CatalogAsync()).PlainAlbum();
        var last = album.Tracks.Length - 1;
        using var user = await PlayerUser.CreateAsync(server);
        await user.PlayAlbumAsync(album, await user.AddDeviceAsync(), last);

        await user.AdvanceAsync(Seconds(album.Tracks[last]) + 30);
        var state = await user.RequireStateAsync();

        Assert.False(state.GetProperty("is_playing").GetBoolean());
        Assert.Equal(album.Tracks[0].Id, state.GetProperty("item").Str("id"));
        Assert.Equal(0, state.GetProperty("progress_ms").GetInt64());
    }

    [Fact]
    public async Task Repeat_context_starts_the_context_again()
    {
        var album = (await server.CatalogAsync()).PlainAlbum();
        var last = album.Tracks.Length - 1;
        using var user = await PlayerUser.CreateAsync(server);
        await user.PlayAlbumAsync(album, await user.AddDeviceAsync(), last);
        await user.CommandAsync(HttpMethod.Put, "/v1/me/player/repeat?state=context");

        await user.AdvanceAsync(Seconds(album.Tracks[last], album.Tracks[0]) + 2);
        var state = await user.RequireStateAsync();

        Assert.True(state.GetProperty("is_playing").GetBoolean());
        Assert.Equal(album.Tracks[1].Id, state.GetProperty("item").Str("id"));
        Assert.Equal(2_000, state.GetProperty("progress_ms").GetInt64());
    }

    [Fact]
    public async Task Repeat_track_plays_the_same_track_again_and_again()
    {
        var album = (await server.CatalogAsync()).PlainAlbum();
        using var user = await PlayerUser.CreateAsync(server);
        await user.PlayAlbumAsync(album, await user.AddDeviceAsync());
        await user.CommandAsync(HttpMethod.Put, "/v1/me/player/repeat?state=track");

        await user.AdvanceAsync(Seconds(album.Tracks[0]) * 3 + 1);
        var state = await user.RequireStateAsync();

        Assert.Equal(album.Tracks[0].Id, state.GetProperty("item").Str("id"));
        Assert.Equal(1_000, state.GetProperty("progress_ms").GetInt64());
        var history = await user.GetAsync("/v1/me/player/recently-played", "/me/player/recently-played");
        Assert.Equal(3, history.Array().Count(i => i.GetProperty("track").Str("id") == album.Tracks[0].Id));
    }

    [Fact]
    public async Task Shuffle_plays_every_track_once_in_the_order_the_queue_shows_and_stops_without_repeat()
    {
        var album = (await server.CatalogAsync()).PlainAlbum();
        using var user = await PlayerUser.CreateAsync(server);
        await user.PlayAlbumAsync(album, await user.AddDeviceAsync(), 2);
        await user.CommandAsync(HttpMethod.Put, "/v1/me/player/shuffle?state=true");

        var upcoming = await QueueIdsAsync(user);
        Assert.Equal(album.Tracks.Where((_, i) => i != 2).Select(t => t.Id).Order(), upcoming.Order());
        Assert.NotEqual(album.Tracks.Where((_, i) => i != 2).Select(t => t.Id), upcoming);

        var played = new List<string> { album.Tracks[2].Id };
        var current = album.Tracks[2];
        foreach (var id in upcoming)
        {
            await user.AdvanceAsync(Seconds(current));
            Assert.Equal(id, await user.CurrentIdAsync());
            played.Add(id);
            current = album.Tracks.Single(t => t.Id == id);
        }
        await user.AdvanceAsync(Seconds(current));

        Assert.Equal(album.Tracks.Length, played.Distinct().Count());
        Assert.False((await user.RequireStateAsync()).GetProperty("is_playing").GetBoolean());
    }

    [Fact]
    public async Task Shuffle_with_repeat_context_goes_round_in_the_same_order_and_shuffle_off_returns_to_album_order()
    {
        var album = (await server.CatalogAsync()).PlainAlbum();
        using var user = await PlayerUser.CreateAsync(server);
        await user.PlayAlbumAsync(album, await user.AddDeviceAsync());
        await user.CommandAsync(HttpMethod.Put, "/v1/me/player/shuffle?state=true");
        await user.CommandAsync(HttpMethod.Put, "/v1/me/player/repeat?state=context");
        var order = (List<string>)[album.Tracks[0].Id, .. (await QueueIdsAsync(user)).Take(album.Tracks.Length - 1)];

        await user.AdvanceAsync(Seconds(album.Tracks) + Seconds(album.Tracks.Single(t => t.Id == order[0])) + 1);
        Assert.Equal(order[1], await user.CurrentIdAsync());

        await user.CommandAsync(HttpMethod.Put, "/v1/me/player/shuffle?state=false");
        var index = Array.FindIndex(album.Tracks, t => t.Id == order[1]);
        Assert.Equal(album.Tracks[(index + 1) % album.Tracks.Length].Id, (await QueueIdsAsync(user))[0]);
        Assert.False((await user.RequireStateAsync()).GetProperty("shuffle_state").GetBoolean());
    }

    [Fact]
    public async Task Next_and_previous_move_through_the_context_and_previous_late_in_a_track_restarts_it()
    {
        var album = (await server.CatalogAsync()).PlainAlbum();
        using var user = await PlayerUser.CreateAsync(server);
        await user.PlayAlbumAsync(album, await user.AddDeviceAsync());

        await user.CommandAsync(HttpMethod.Post, "/v1/me/player/next");
        await user.CommandAsync(HttpMethod.Post, "/v1/me/player/next");
        Assert.Equal(album.Tracks[2].Id, await user.CurrentIdAsync());
        await user.CommandAsync(HttpMethod.Post, "/v1/me/player/previous");
        Assert.Equal(album.Tracks[1].Id, await user.CurrentIdAsync());

        await user.AdvanceAsync(10);
        await user.CommandAsync(HttpMethod.Post, "/v1/me/player/previous");
        var state = await user.RequireStateAsync();
        Assert.Equal(album.Tracks[1].Id, state.GetProperty("item").Str("id"));
        Assert.Equal(0, state.GetProperty("progress_ms").GetInt64());
    }

    [Fact]
    public async Task An_artist_context_plays_the_artists_top_tracks()
    {
        var catalog = await server.CatalogAsync();
        var artist = catalog.Artists.Values.OrderBy(a => a.Id, StringComparer.Ordinal).First(a => a.Tracks.Count >= 3);
        using var user = await PlayerUser.CreateAsync(server);
        using var app = await server.CreateAppClientAsync();
        var top = await app.GetOkAsync($"/v1/artists/{artist.Id}/top-tracks?market=US", "/artists/{id}/top-tracks");

        await user.PlayAsync($$"""{"context_uri":"spotify:artist:{{artist.Id}}"}""", await user.AddDeviceAsync());

        Assert.Equal(top.Array("tracks")[0].Str("id"), await user.CurrentIdAsync());
        Assert.Equal(top.Array("tracks").Skip(1).Select(t => t.Str("id")), await QueueIdsAsync(user));
    }

    [Fact]
    public async Task A_playlist_context_plays_the_playlists_items_in_order()
    {
        using var user = await PlayerUser.CreateAsync(server);
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JukeboxDbContext>();
        var playlistId = await db.Playlists.Where(p => p.FeaturedPosition != null).OrderBy(p => p.FeaturedPosition).Select(p => p.Id).FirstAsync();
        var items = await db.PlaylistItems.Where(i => i.PlaylistId == playlistId).OrderBy(i => i.Position).Select(i => i.TrackId).Take(3).ToListAsync();

        await user.PlayAsync($$$"""{"context_uri":"spotify:playlist:{{{playlistId}}}","offset":{"position":1}}""", await user.AddDeviceAsync());
        var state = await user.RequireStateAsync();

        Assert.Equal(items[1], state.GetProperty("item").Str("id"));
        Assert.Equal("playlist", state.GetProperty("context").Str("type"));
        Assert.Equal(items[2], (await QueueIdsAsync(user))[0]);
    }
}
