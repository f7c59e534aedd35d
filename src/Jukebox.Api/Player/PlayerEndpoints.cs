using System.Globalization;
using Jukebox.Api.Catalog;
using Jukebox.Api.Episodes;
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
        services.AddScoped<PlaybackClock>();
        services.AddScoped<PlayerCommands>();
        services.AddScoped<ListeningHistory>();
        services.AddScoped<EpisodeResumePoints>();
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

    private static PlayerCommands.Target Target(Caller caller, Market market, string? deviceId) =>
        new(caller.UserId!, caller.Product, deviceId, market.Code);

    private static async Task<IResult> GetPlaybackState(
        string? additional_types, Caller caller, Market market, PlayerService player, PlayerObjects view, CancellationToken ct)
    {
        var code = market.Code;
        var loaded = await player.SyncAsync(caller.UserId!, ct);
        if (loaded.ActiveDevice is not { } device)
        {
            return TypedResults.NoContent();
        }
        var playback = view.Playback(loaded, device, code, PlayerObjects.WantsEpisodes(additional_types));
        return SpotifyResults.Private(playback, SpotifyJsonContext.Default.CurrentlyPlayingContextObject);
    }

    private static async Task<IResult> TransferPlayback(HttpRequest request, Caller caller, PlayerCommands commands, CancellationToken ct)
    {
        var body = await JsonBody.ReadOptionalAsync(request, SpotifyJsonContext.Default.TransferRequest, ct);
        var result = await commands.TransferAsync(caller.UserId!, caller.Product, body, ct);
        return Done(result);
    }

    private static async Task<SpotifyJson<DevicesResponse>> GetDevices(Caller caller, PlayerService player, PlayerObjects view, CancellationToken ct)
    {
        var loaded = await player.SyncAsync(caller.UserId!, ct);
        var devices = loaded.Devices.Select(d => view.Device(d, loaded.ActiveDevice?.Id)).ToList();
        return SpotifyResults.Private(new DevicesResponse(devices), SpotifyJsonContext.Default.DevicesResponse);
    }

    /// <summary>204 when nothing is loaded on an active device, and in a private session.</summary>
    private static async Task<IResult> GetCurrentlyPlaying(
        string? additional_types, Caller caller, Market market, PlayerService player, PlayerObjects view, CancellationToken ct)
    {
        var code = market.Code;
        var loaded = await player.SyncAsync(caller.UserId!, ct);
        if (loaded.ActiveDevice is not { IsPrivateSession: false } || !loaded.State.HasItem)
        {
            return TypedResults.NoContent();
        }
        var playing = view.CurrentlyPlaying(loaded, code, PlayerObjects.WantsEpisodes(additional_types));
        return SpotifyResults.Private(playing, SpotifyJsonContext.Default.CurrentlyPlayingObject);
    }

    private static async Task<IResult> StartPlayback(
        string? device_id, HttpRequest request, Caller caller, Market market, PlayerCommands commands, CancellationToken ct)
    {
        var body = await JsonBody.ReadOptionalAsync(request, SpotifyJsonContext.Default.PlayRequest, ct);
        var result = await commands.PlayAsync(Target(caller, market, device_id), body, ct);
        return Done(result);
    }

    /// <summary>204, or 202 when the command only woke a sleeping device (the client sends it again).</summary>
    private static IResult Done(PlayerService.Loaded result) =>
        result.WokeDevice ? TypedResults.StatusCode(StatusCodes.Status202Accepted) : TypedResults.NoContent();

    private static async Task<IResult> PausePlayback(string? device_id, Caller caller, Market market, PlayerCommands commands, CancellationToken ct)
    {
        await commands.PauseAsync(Target(caller, market, device_id), ct);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> SkipToNext(string? device_id, Caller caller, Market market, PlayerCommands commands, CancellationToken ct)
    {
        await commands.NextAsync(Target(caller, market, device_id), ct);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> SkipToPrevious(string? device_id, Caller caller, Market market, PlayerCommands commands, CancellationToken ct)
    {
        await commands.PreviousAsync(Target(caller, market, device_id), ct);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> SeekToPosition(
        string? position_ms, string? device_id, Caller caller, Market market, PlayerCommands commands, CancellationToken ct)
    {
        var position = PlayerCommands.ParseNonNegative(position_ms, "position_ms");
        await commands.SeekAsync(Target(caller, market, device_id), position, ct);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> SetRepeatMode(
        string? state, string? device_id, Caller caller, Market market, PlayerCommands commands, CancellationToken ct)
    {
        if (!PlayerCommands.TryParseRepeat(state, out var mode))
        {
            throw SpotifyException.BadRequest("State must be one of track, context or off");
        }
        await commands.RepeatAsync(Target(caller, market, device_id), mode, ct);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> SetVolume(
        string? volume_percent, string? device_id, Caller caller, Market market, PlayerCommands commands, CancellationToken ct)
    {
        var percent = PlayerCommands.ParseNonNegative(volume_percent, "volume_percent");
        if (percent > 100)
        {
            throw SpotifyException.BadRequest("Invalid volume_percent");
        }
        await commands.VolumeAsync(Target(caller, market, device_id), (int)percent, ct);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> SetShuffle(
        string? state, string? device_id, Caller caller, Market market, PlayerCommands commands, CancellationToken ct)
    {
        var on = state switch
        {
            "true" => true,
            "false" => false,
            _ => throw SpotifyException.BadRequest("State must be true or false"),
        };
        await commands.ShuffleAsync(Target(caller, market, device_id), on, ct);
        return TypedResults.NoContent();
    }

    private static async Task<SpotifyJson<CursorPagingPlayHistoryObject>> GetRecentlyPlayed(
        HttpRequest request, Caller caller, Market market, PlayerService player, ListeningHistory history, CancellationToken ct)
    {
        var code = market.Code;
        var loaded = await player.SyncAsync(caller.UserId!, ct);
        var recent = new RecentlyPlayedRequest(
            Page.From(request, defaultLimit: 20, maxLimit: 50).Limit, Cursor(request, "before"), Cursor(request, "after"),
            $"{request.PathBase}{request.Path}", request.QueryString.ToString());
        var page = await history.RecentlyPlayedAsync(caller.UserId!, code, loaded.Catalog, recent, ct);
        return SpotifyResults.Private(page, SpotifyJsonContext.Default.CursorPagingPlayHistoryObject);
    }

    /// <summary>A <c>before</c> or <c>after</c> cursor: Unix milliseconds up to the end of year 9999.</summary>
    private static DateTimeOffset? Cursor(HttpRequest request, string name)
    {
        if (!request.Query.TryGetValue(name, out var raw))
        {
            return null;
        }
        return long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) && ms <= 253402300799999
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : throw SpotifyException.BadRequest($"Invalid {name}");
    }

    private static async Task<SpotifyJson<QueueObject>> GetQueue(Caller caller, Market market, PlayerService player, PlayerObjects view, CancellationToken ct)
    {
        var code = market.Code;
        var loaded = await player.SyncAsync(caller.UserId!, ct);
        return SpotifyResults.Private(view.Queue(loaded, code), SpotifyJsonContext.Default.QueueObject);
    }

    private static async Task<IResult> AddToQueue(string? uri, string? device_id, Caller caller, Market market, PlayerCommands commands, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(uri))
        {
            throw SpotifyException.BadRequest("Missing required parameter uri");
        }
        await commands.EnqueueAsync(Target(caller, market, device_id), uri, ct);
        return TypedResults.NoContent();
    }

    private static async Task<SpotifyJson<PagingObject<Artists.ArtistObject>>> GetTopArtists(string? time_range, HttpRequest request, Caller caller,
        PageLink link, PlayerService player, ListeningHistory history, CatalogObjects objects, CancellationToken ct)
    {
        var range = ListeningHistory.RangeOf(time_range);
        var page = Page.From(request, defaultLimit: 20, maxLimit: 50);
        var loaded = await player.SyncAsync(caller.UserId!, ct);
        var artists = await history.TopArtistsAsync(caller.UserId!, loaded.Now, range, loaded.Catalog, ct);
        var paging = page.ToPaging(objects.Urls, link, artists, objects.Artist);
        return SpotifyResults.Private(paging, SpotifyJsonContext.Default.PagingObjectArtistObject);
    }

    private static async Task<SpotifyJson<PagingObject<Tracks.TrackObject>>> GetTopTracks(string? time_range, HttpRequest request, Caller caller,
        Market market, PageLink link, PlayerService player, ListeningHistory history, CatalogObjects objects, CancellationToken ct)
    {
        var range = ListeningHistory.RangeOf(time_range);
        var page = Page.From(request, defaultLimit: 20, maxLimit: 50);
        var code = market.Code;
        var loaded = await player.SyncAsync(caller.UserId!, ct);
        var tracks = await history.TopTracksAsync(caller.UserId!, loaded.Now, range, loaded.Catalog, ct);
        var paging = page.ToPaging(objects.Urls, link, tracks, t => objects.Track(t, code));
        return SpotifyResults.Private(paging, SpotifyJsonContext.Default.PagingObjectTrackObject);
    }
}
