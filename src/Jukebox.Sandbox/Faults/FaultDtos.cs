using System.Text.Json.Serialization;
using Jukebox.Data.Entities;

namespace Jukebox.Sandbox.Faults;

/// <summary>The body of POST /sandbox/faults: what to match, what to do, how often and for how long.</summary>
public sealed record FaultRequest(
    [property: JsonPropertyName("client_id")] string? ClientId,
    [property: JsonPropertyName("user_id")] string? UserId,
    [property: JsonPropertyName("method")] string? Method,
    [property: JsonPropertyName("path")] string? Path,
    [property: JsonPropertyName("status")] int? Status,
    [property: JsonPropertyName("retry_after")] int? RetryAfter,
    [property: JsonPropertyName("latency_ms")] int? LatencyMs,
    [property: JsonPropertyName("reset_connection")] bool? ResetConnection,
    [property: JsonPropertyName("probability")] double? Probability,
    [property: JsonPropertyName("count")] int? Count,
    [property: JsonPropertyName("expires_in")] double? ExpiresIn);

/// <summary>A rule as stored: <c>count</c> is how many more requests it applies to (null: no limit).</summary>
public sealed record FaultObject(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("client_id")] string? ClientId,
    [property: JsonPropertyName("user_id")] string? UserId,
    [property: JsonPropertyName("method")] string? Method,
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("status")] int? Status,
    [property: JsonPropertyName("retry_after")] int? RetryAfter,
    [property: JsonPropertyName("latency_ms")] int? LatencyMs,
    [property: JsonPropertyName("reset_connection")] bool ResetConnection,
    [property: JsonPropertyName("probability")] double Probability,
    [property: JsonPropertyName("count")] int? Count,
    [property: JsonPropertyName("expires_at")] DateTimeOffset? ExpiresAt,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt)
{
    public static FaultObject From(FaultRule rule) => new(
        rule.Id, rule.ClientId, rule.UserId, rule.Method, rule.Path, rule.Status, rule.RetryAfter, rule.LatencyMs,
        rule.ResetConnection, rule.Probability, rule.Remaining, rule.ExpiresAt, rule.CreatedAt);
}

public sealed record FaultList([property: JsonPropertyName("items")] IReadOnlyList<FaultObject> Items);
