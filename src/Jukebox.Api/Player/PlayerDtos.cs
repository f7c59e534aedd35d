using System.Text.Json.Serialization;
using Jukebox.Api.Http;
using Jukebox.Api.Tracks;

namespace Jukebox.Api.Player;

public sealed record DeviceObject(
    string? Id, bool IsActive, bool IsPrivateSession, bool IsRestricted, string Name, string Type, int? VolumePercent, bool SupportsVolume);

public sealed record DevicesResponse(IReadOnlyList<DeviceObject> Devices);

public sealed record ContextObject(string Type, string Href, ExternalUrlObject ExternalUrls, string Uri);

/// <summary>
/// Spotify sends <c>"actions": {"disallows": {"pausing": true, ...}}</c>, naming only the actions
/// that are not allowed now.
/// </summary>
public sealed record ActionsObject(IReadOnlyDictionary<string, bool> Disallows);

/// <summary>GET /me/player. <c>item</c> is a TrackObject or an EpisodeObject (or null).</summary>
public sealed record CurrentlyPlayingContextObject(
    DeviceObject Device,
    string RepeatState,
    bool ShuffleState,
    ContextObject? Context,
    long Timestamp,
    long? ProgressMs,
    bool IsPlaying,
    object? Item,
    string CurrentlyPlayingType,
    ActionsObject Actions);

/// <summary>GET /me/player/currently-playing.</summary>
public sealed record CurrentlyPlayingObject(
    ContextObject? Context,
    long Timestamp,
    long? ProgressMs,
    bool IsPlaying,
    object? Item,
    string CurrentlyPlayingType,
    ActionsObject Actions);

public sealed record QueueObject(object? CurrentlyPlaying, IReadOnlyList<object> Queue);

public sealed record PlayHistoryObject(TrackObject Track, string PlayedAt, ContextObject? Context);

public sealed record CursorObject(string? After, string? Before);

/// <summary>Recently played: cursor paging by play time, without a total (as Spotify answers).</summary>
public sealed record CursorPagingPlayHistoryObject(
    string Href,
    int Limit,
    string? Next,
    CursorObject Cursors,
    IReadOnlyList<PlayHistoryObject> Items);

/// <summary>The body of PUT /me/player/play; anything else in it is ignored, as the spec allows.</summary>
public sealed record PlayRequest(
    [property: JsonPropertyName("context_uri")] string? ContextUri,
    [property: JsonPropertyName("uris")] IReadOnlyList<string>? Uris,
    [property: JsonPropertyName("offset")] PlayOffset? Offset,
    [property: JsonPropertyName("position_ms")] long? PositionMs);

public sealed record PlayOffset(
    [property: JsonPropertyName("position")] int? Position,
    [property: JsonPropertyName("uri")] string? Uri);

/// <summary>The body of PUT /me/player.</summary>
public sealed record TransferRequest(
    [property: JsonPropertyName("device_ids")] IReadOnlyList<string>? DeviceIds,
    [property: JsonPropertyName("play")] bool? Play);
