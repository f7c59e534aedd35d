using System.Text.Json.Serialization;
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
    FollowersObject Followers,
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
