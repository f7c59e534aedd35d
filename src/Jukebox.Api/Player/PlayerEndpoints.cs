using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Jukebox.Api.Catalog;
using Jukebox.Api.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Jukebox.Api.Player;

public static class PlayerEndpoints
{
    /// <summary>The player's services: playback state, commands, listening history and change notices.</summary>
    public static IServiceCollection AddPlayer(this IServiceCollection services)
    {
        services.AddSingleton<PlayerObjects>();
        services.AddSingleton<PlayerUserLocks>();
        services.AddSingleton<IPlayerNotifier, ClusterPlayerNotifier>();
        services.AddOptions<PlayerOptions>().BindConfiguration("Player");
        services.AddScoped<PlayerService>();
        services.AddScoped<PlayerCommands>();
        services.AddScoped<ListeningHistory>();
        return services;
    }

    public static void MapPlayer(this IEndpointRouteBuilder api)
    {
        api.MapGet("/me/player", GetPlaybackState);
        api.MapPut("/me/player", TransferPlayback);
        api.MapGet("/me/player/devices", GetDevices);
        api.MapGet("/me/player/currently-playing", GetCurrentlyPlaying);
        api.MapPut("/me/player/play", StartPlayback);
        api.MapPut("/me/player/pause", PausePlayback);
        api.MapPost("/me/player/next", SkipToNext);
        api.MapPost("/me/player/previous", SkipToPrevious);
        api.MapPut("/me/player/seek", SeekToPosition);
        api.MapPut("/me/player/repeat", SetRepeatMode);
        api.MapPut("/me/player/volume", SetVolume);
        api.MapPut("/me/player/shuffle", SetShuffle);
        api.MapGet("/me/player/recently-played", GetRecentlyPlayed);
        api.MapGet("/me/player/queue", GetQueue);
        api.MapPost("/me/player/queue", AddToQueue);
        // Top items are computed from the listening history the player records.
        api.MapGet("/me/top/artists", GetTopArtists);
        api.MapGet("/me/top/tracks", GetTopTracks);
    }

    private static string UserId(HttpContext context) => Caller.From(context).UserId!;

    private static PlayerCommands.Target Target(HttpContext context, string? deviceId)
    {
        var caller = Caller.From(context);
        return new PlayerCommands.Target(caller.UserId!, caller.Product, deviceId, Market.Resolve(context));
    }

    private static async Task<IResult> GetPlaybackState(string? additional_types, HttpContext context, PlayerService player, PlayerObjects view)
    {
        var market = Market.Resolve(context);
        var loaded = await player.SyncAsync(UserId(context), context.RequestAborted);
        if (loaded.ActiveDevice is not { } device)
        {
            return TypedResults.NoContent();
        }
        var playback = view.Playback(loaded, device, market, PlayerObjects.WantsEpisodes(additional_types));
        return SpotifyResults.Private(playback, SpotifyJsonContext.Default.CurrentlyPlayingContextObject);
    }

    private static async Task<IResult> TransferPlayback(HttpContext context, PlayerCommands commands)
    {
        var body = await ReadBodyAsync(context, SpotifyJsonContext.Default.TransferRequest);
        var caller = Caller.From(context);
        var result = await commands.TransferAsync(caller.UserId!, caller.Product, body, context.RequestAborted);
        return Done(result);
    }

    private static async Task<SpotifyJson<DevicesResponse>> GetDevices(HttpContext context, PlayerService player, PlayerObjects view)
    {
        var loaded = await player.SyncAsync(UserId(context), context.RequestAborted);
        var devices = loaded.Devices.Select(d => view.Device(d, loaded.ActiveDevice?.Id)).ToList();
        return SpotifyResults.Private(new DevicesResponse(devices), SpotifyJsonContext.Default.DevicesResponse);
    }

    /// <summary>204 when nothing is loaded on an active device, and in a private session.</summary>
    private static async Task<IResult> GetCurrentlyPlaying(string? additional_types, HttpContext context, PlayerService player, PlayerObjects view)
    {
        var market = Market.Resolve(context);
        var loaded = await player.SyncAsync(UserId(context), context.RequestAborted);
        if (loaded.ActiveDevice is not { IsPrivateSession: false } || !loaded.State.HasItem)
        {
            return TypedResults.NoContent();
        }
        var playing = view.CurrentlyPlaying(loaded, market, PlayerObjects.WantsEpisodes(additional_types));
        return SpotifyResults.Private(playing, SpotifyJsonContext.Default.CurrentlyPlayingObject);
    }

    private static async Task<IResult> StartPlayback(string? device_id, HttpContext context, PlayerCommands commands)
    {
        var body = await ReadBodyAsync(context, SpotifyJsonContext.Default.PlayRequest);
        var result = await commands.PlayAsync(Target(context, device_id), body, context.RequestAborted);
        return Done(result);
    }

    /// <summary>204, or 202 when the command only woke a sleeping device (the client sends it again).</summary>
    private static IResult Done(PlayerService.Loaded result) =>
        result.WokeDevice ? TypedResults.StatusCode(StatusCodes.Status202Accepted) : TypedResults.NoContent();

    private static async Task<IResult> PausePlayback(string? device_id, HttpContext context, PlayerCommands commands)
    {
        await commands.PauseAsync(Target(context, device_id), context.RequestAborted);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> SkipToNext(string? device_id, HttpContext context, PlayerCommands commands)
    {
        await commands.NextAsync(Target(context, device_id), context.RequestAborted);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> SkipToPrevious(string? device_id, HttpContext context, PlayerCommands commands)
    {
        await commands.PreviousAsync(Target(context, device_id), context.RequestAborted);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> SeekToPosition(string? position_ms, string? device_id, HttpContext context, PlayerCommands commands)
    {
        var position = PlayerCommands.ParseNonNegative(position_ms, "position_ms");
        await commands.SeekAsync(Target(context, device_id), position, context.RequestAborted);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> SetRepeatMode(string? state, string? device_id, HttpContext context, PlayerCommands commands)
    {
        if (!PlayerCommands.TryParseRepeat(state, out var mode))
        {
            throw SpotifyException.BadRequest("State must be one of track, context or off");
        }
        await commands.RepeatAsync(Target(context, device_id), mode, context.RequestAborted);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> SetVolume(string? volume_percent, string? device_id, HttpContext context, PlayerCommands commands)
    {
        var percent = PlayerCommands.ParseNonNegative(volume_percent, "volume_percent");
        if (percent > 100)
        {
            throw SpotifyException.BadRequest("Invalid volume_percent");
        }
        await commands.VolumeAsync(Target(context, device_id), (int)percent, context.RequestAborted);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> SetShuffle(string? state, string? device_id, HttpContext context, PlayerCommands commands)
    {
        var on = state switch
        {
            "true" => true,
            "false" => false,
            _ => throw SpotifyException.BadRequest("State must be true or false"),
        };
        await commands.ShuffleAsync(Target(context, device_id), on, context.RequestAborted);
        return TypedResults.NoContent();
    }

    private static async Task<SpotifyJson<CursorPagingPlayHistoryObject>> GetRecentlyPlayed(
        HttpContext context, PlayerService player, ListeningHistory history)
    {
        var market = Market.Resolve(context);
        var loaded = await player.SyncAsync(UserId(context), context.RequestAborted);
        var page = await history.RecentlyPlayedAsync(context.Request, UserId(context), market, loaded.Catalog, context.RequestAborted);
        return SpotifyResults.Private(page, SpotifyJsonContext.Default.CursorPagingPlayHistoryObject);
    }

    private static async Task<SpotifyJson<QueueObject>> GetQueue(HttpContext context, PlayerService player, PlayerObjects view)
    {
        var market = Market.Resolve(context);
        var loaded = await player.SyncAsync(UserId(context), context.RequestAborted);
        return SpotifyResults.Private(view.Queue(loaded, market), SpotifyJsonContext.Default.QueueObject);
    }

    private static async Task<IResult> AddToQueue(string? uri, string? device_id, HttpContext context, PlayerCommands commands)
    {
        if (string.IsNullOrEmpty(uri))
        {
            throw SpotifyException.BadRequest("Missing required parameter uri");
        }
        await commands.EnqueueAsync(Target(context, device_id), uri, context.RequestAborted);
        return TypedResults.NoContent();
    }

    private static async Task<SpotifyJson<PagingObject<Artists.ArtistObject>>> GetTopArtists(
        string? time_range, HttpContext context, PlayerService player, ListeningHistory history, CatalogObjects objects)
    {
        var range = ListeningHistory.RangeOf(time_range);
        var page = Page.From(context.Request, defaultLimit: 20, maxLimit: 50);
        var loaded = await player.SyncAsync(UserId(context), context.RequestAborted);
        var artists = await history.TopArtistsAsync(UserId(context), loaded.Now, range, loaded.Catalog, context.RequestAborted);
        var paging = page.ToPaging(context.Request, objects.Urls, artists, objects.Artist);
        return SpotifyResults.Private(paging, SpotifyJsonContext.Default.PagingObjectArtistObject);
    }

    private static async Task<SpotifyJson<PagingObject<Tracks.TrackObject>>> GetTopTracks(
        string? time_range, HttpContext context, PlayerService player, ListeningHistory history, CatalogObjects objects)
    {
        var range = ListeningHistory.RangeOf(time_range);
        var page = Page.From(context.Request, defaultLimit: 20, maxLimit: 50);
        var market = Market.Resolve(context);
        var loaded = await player.SyncAsync(UserId(context), context.RequestAborted);
        var tracks = await history.TopTracksAsync(UserId(context), loaded.Now, range, loaded.Catalog, context.RequestAborted);
        var paging = page.ToPaging(context.Request, objects.Urls, tracks, t => objects.Track(t, market));
        return SpotifyResults.Private(paging, SpotifyJsonContext.Default.PagingObjectTrackObject);
    }

    /// <summary>An optional JSON body: none (or only whitespace-free emptiness) is null; anything that is not JSON is 400 Malformed json.</summary>
    private static async Task<T?> ReadBodyAsync<T>(HttpContext context, JsonTypeInfo<T> type) where T : class
    {
        using var reader = new StreamReader(context.Request.Body);
        var text = await reader.ReadToEndAsync(context.RequestAborted);
        if (text.Length == 0)
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize(text, type);
        }
        catch (JsonException)
        {
            throw SpotifyException.BadRequest("Malformed json");
        }
    }
}
