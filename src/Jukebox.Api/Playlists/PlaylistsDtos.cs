using System.Text.Json.Serialization;
using Jukebox.Api.Http;

namespace Jukebox.Api.Playlists;

public sealed record PlaylistOwnerObject(ExternalUrlObject ExternalUrls, string Href, string Id, string Type, string Uri, string? DisplayName);

public sealed record PlaylistUserObject(ExternalUrlObject ExternalUrls, string Href, string Id, string Type, string Uri);

public sealed record PlaylistTracksRefObject(string Href, int Total);

public sealed record SimplifiedPlaylistObject(
    bool Collaborative,
    string Description,
    ExternalUrlObject ExternalUrls,
    string Href,
    string Id,
    IReadOnlyList<ImageObject> Images,
    string Name,
    PlaylistOwnerObject Owner,
    bool Public,
    string SnapshotId,
    PlaylistTracksRefObject Items,
    PlaylistTracksRefObject Tracks,
    string Type,
    string Uri);

/// <summary>
/// A playlist with its first page of items. Spotify moved the items from <c>tracks</c> to <c>items</c>
/// (and each entry's object from <c>track</c> to <c>item</c>) and sent both during the change; so does
/// Jukebox, so that clients of either generation work.
/// </summary>
public sealed record PlaylistObject(
    bool Collaborative,
    string Description,
    ExternalUrlObject ExternalUrls,
    FollowersObject Followers,
    string Href,
    string Id,
    IReadOnlyList<ImageObject> Images,
    string Name,
    PlaylistOwnerObject Owner,
    bool Public,
    string SnapshotId,
    // Left out for a development-2026 app when the user is not a member (metadata only, as Spotify answers).
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] PagingObject<PlaylistTrackObject>? Items,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] PagingObject<PlaylistTrackObject>? Tracks,
    string Type,
    string Uri);

/// <summary>
/// One entry of a playlist. <see cref="Track"/> is a TrackObject, an EpisodeObject, a
/// <see cref="LocalTrackObject"/>, or null (an episode the client did not ask for with
/// additional_types). Pages named <c>items</c> (and the /items path) also carry the same object as
/// <see cref="Item"/>, Spotify's newer name, as Spotify did during the change; pages named
/// <c>tracks</c> (and the /tracks path) carry <c>track</c> alone, as before it.
/// </summary>
public sealed record PlaylistTrackObject(
    string AddedAt,
    PlaylistUserObject? AddedBy,
    bool IsLocal,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] object? Item,
    object? Track);

/// <summary>An empty object, as local files carry for external_urls and external_ids.</summary>
public sealed record EmptyObject;

/// <summary>The track object of a local file (the "Local Files" section of the Playlists concept page).</summary>
public sealed record LocalTrackObject(
    LocalAlbumObject Album,
    IReadOnlyList<LocalArtistObject> Artists,
    IReadOnlyList<string> AvailableMarkets,
    int DiscNumber,
    int DurationMs,
    bool Explicit,
    EmptyObject ExternalIds,
    EmptyObject ExternalUrls,
    string? Href,
    string? Id,
    bool IsLocal,
    string Name,
    int Popularity,
    string? PreviewUrl,
    int TrackNumber,
    string Type,
    string Uri);

public sealed record LocalAlbumObject(
    string? AlbumType, IReadOnlyList<string> AvailableMarkets, EmptyObject ExternalUrls, string? Href, string? Id,
    IReadOnlyList<ImageObject> Images, string Name, string Type, string? Uri);

public sealed record LocalArtistObject(EmptyObject ExternalUrls, string? Href, string? Id, string Name, string Type, string? Uri);

public sealed record SnapshotIdResponse(string SnapshotId);

// Request bodies. Every property is optional on the wire; the service says which are required.

public sealed record PlaylistDetailsRequest(string? Name, bool? Public, bool? Collaborative, string? Description);

public sealed record AddItemsRequest(IReadOnlyList<string?>? Uris, int? Position);

public sealed record ReorderOrReplaceRequest(IReadOnlyList<string?>? Uris, int? RangeStart, int? InsertBefore, int? RangeLength, string? SnapshotId);

public sealed record RemovedItem(string? Uri, IReadOnlyList<int>? Positions);

/// <summary>
/// <c>tracks</c> (the /tracks path) or <c>items</c> (the /items path) name what to remove; the older
/// form <c>positions</c> removes by index alone, as clients do for local files.
/// </summary>
public sealed record RemoveItemsRequest(
    IReadOnlyList<RemovedItem?>? Tracks, IReadOnlyList<RemovedItem?>? Items, IReadOnlyList<int>? Positions, string? SnapshotId);

public sealed record FollowPlaylistRequest(bool? Public);
