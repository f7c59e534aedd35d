using System.Text.Json.Serialization;

namespace Jukebox.Api.Http;

public sealed record ErrorResponse(ErrorObject Error);

/// <summary>Spotify's error object; a few refusals carry no message at all (audio features for restricted apps).</summary>
public sealed record ErrorObject(
    int Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Message,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason = null);

/// <summary>An OAuth 2.0 error object (RFC 6749 §5.2), as the token endpoint answers.</summary>
public sealed record OAuthErrorResponse(string Error, string ErrorDescription);

public sealed record ExternalUrlObject(Link Spotify);

public sealed record ImageObject(Link Url, int? Height, int? Width);

public sealed record FollowersObject(string? Href, long Total);

public sealed record CopyrightObject(string Text, string Type);

public sealed record ExternalIdObject(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Isrc = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Ean = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Upc = null);

/// <summary>Spotify's offset-based paging object.</summary>
public sealed record PagingObject<T>(
    string Href,
    int Limit,
    string? Next,
    int Offset,
    string? Previous,
    int Total,
    IReadOnlyList<T> Items);

public sealed record RestrictionsObject(string Reason);
