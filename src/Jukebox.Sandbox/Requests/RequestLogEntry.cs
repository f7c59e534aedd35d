using System.Text.Json.Serialization;

namespace Jukebox.Sandbox.Requests;

/// <summary>
/// One request in the request log, as GET /sandbox/requests shows it. <c>status</c> is 0 when a fault
/// reset the connection; <c>scopes</c> is null without a token; <c>rate_limit_remaining</c> is what the
/// app's rolling window took after this request (null when the request was not counted); <c>profile</c>
/// names the API profile that refused the operation; <c>missing_scope</c> the scopes a 403 for scopes
/// lacked (Spotify's message does not say); <c>message</c> is the error object's.
/// </summary>
public sealed record RequestLogEntry(
    [property: JsonIgnore] long Sequence,
    [property: JsonPropertyName("time")] DateTimeOffset Time,
    [property: JsonPropertyName("method")] string Method,
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("route")] string? Route,
    [property: JsonPropertyName("status")] int Status,
    [property: JsonPropertyName("duration_ms")] double DurationMs,
    [property: JsonPropertyName("client_id")] string? ClientId,
    [property: JsonPropertyName("user_id")] string? UserId,
    [property: JsonPropertyName("scopes")] IReadOnlyList<string>? Scopes,
    [property: JsonPropertyName("fault_id")] string? FaultId,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("rate_limit_remaining")] int? RateLimitRemaining = null,
    [property: JsonPropertyName("profile")] string? Profile = null,
    [property: JsonPropertyName("missing_scope")] string? MissingScope = null)
{
    /// <summary>Whether the status is the one asked for: a code ("429") or a class ("4xx").</summary>
    public bool HasStatus(string status) =>
        status.Length == 3 && status.EndsWith("xx", StringComparison.Ordinal)
            ? Status / 100 == status[0] - '0'
            : Status.ToString(System.Globalization.CultureInfo.InvariantCulture) == status;
}

public sealed record RequestLogList([property: JsonPropertyName("items")] IReadOnlyList<RequestLogEntry> Items);
