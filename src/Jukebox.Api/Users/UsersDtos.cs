using System.Text.Json.Serialization;
using Jukebox.Api.Artists;
using Jukebox.Api.Http;

namespace Jukebox.Api.Users;

public sealed record ExplicitContentSettingsObject(bool FilterEnabled, bool FilterLocked);

/// <summary>The current user's profile; the private fields appear only with the scopes that grant them.</summary>
public sealed record PrivateUserObject(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Country,
    string? DisplayName,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Email,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ExplicitContentSettingsObject? ExplicitContent,
    ExternalUrlObject ExternalUrls,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] FollowersObject? Followers,
    string Href,
    string Id,
    IReadOnlyList<ImageObject> Images,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Product,
    string Type,
    string Uri);

public sealed record PublicUserObject(
    string? DisplayName,
    ExternalUrlObject ExternalUrls,
    FollowersObject Followers,
    string Href,
    string Id,
    IReadOnlyList<ImageObject> Images,
    string Type,
    string Uri);

/// <summary>The cursors of GET /me/following: the last artist id of the page, null on the last page.</summary>
public sealed record FollowedArtistsCursors(string? After);

/// <summary>A cursor-paged list of artists (the spec's CursorPagingSimplifiedArtistObject).</summary>
public sealed record CursorPagingArtistObject(
    string Href,
    int Limit,
    string? Next,
    FollowedArtistsCursors Cursors,
    int Total,
    IReadOnlyList<ArtistObject> Items);

/// <summary>GET /me/following (the spec's CursorPagedArtists).</summary>
public sealed record FollowedArtistsResponse(CursorPagingArtistObject Artists);
