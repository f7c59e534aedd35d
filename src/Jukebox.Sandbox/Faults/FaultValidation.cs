using Jukebox.Api.Http;
using Jukebox.Data.Entities;

namespace Jukebox.Sandbox.Faults;

/// <summary>Turns a requested rule into a stored one, or refuses it with the reason (400).</summary>
public static class FaultValidation
{
    public static readonly IReadOnlySet<int> Statuses = new HashSet<int> { 429, 500, 502, 503 };
    public static readonly IReadOnlySet<string> Methods = new HashSet<string>(StringComparer.Ordinal) { "GET", "POST", "PUT", "DELETE", "PATCH" };
    public const int MaxLatencyMs = 600_000;
    private const double MaxExpiresIn = 10 * 365 * 86400.0;

    /// <summary>The rule, without checking that its app and user exist (the store does).</summary>
    public static FaultRule ToRule(FaultRequest body, string id, DateTimeOffset now)
    {
        var path = body.Path?.Trim();
        if (string.IsNullOrEmpty(path))
        {
            throw SpotifyException.BadRequest("path is required: a route template such as /v1/tracks/{id}, or a path prefix such as /v1/me");
        }
        if (!path.StartsWith('/') || path.Length > 512)
        {
            throw SpotifyException.BadRequest("path must start with / (at most 512 characters)");
        }
        if (body.Status is { } status && !Statuses.Contains(status))
        {
            throw SpotifyException.BadRequest("status must be 429, 500, 502 or 503");
        }
        var reset = body.ResetConnection ?? false;
        if (body.Status is null && body.LatencyMs is null && !reset)
        {
            throw SpotifyException.BadRequest("A fault needs an action: status, latency_ms or reset_connection");
        }
        if (body.Status is not null && reset)
        {
            throw SpotifyException.BadRequest("status and reset_connection cannot be combined");
        }
        if (body.RetryAfter is not null && body.Status != 429)
        {
            throw SpotifyException.BadRequest("retry_after applies to status 429 only");
        }
        if (body.RetryAfter is < 0 or > 86400)
        {
            throw SpotifyException.BadRequest("retry_after must be 0-86400 seconds");
        }
        if (body.LatencyMs is < 0 or > MaxLatencyMs)
        {
            throw SpotifyException.BadRequest($"latency_ms must be 0-{MaxLatencyMs}");
        }
        if (body.Probability is { } p && (double.IsNaN(p) || p < 0 || p > 1))
        {
            throw SpotifyException.BadRequest("probability must be between 0 and 1");
        }
        if (body.Count is < 1)
        {
            throw SpotifyException.BadRequest("count must be 1 or more");
        }
        if (body.ExpiresIn is { } e && (double.IsNaN(e) || e <= 0 || e > MaxExpiresIn))
        {
            throw SpotifyException.BadRequest("expires_in must be more than 0 seconds (at most ten years)");
        }
        var method = body.Method?.Trim().ToUpperInvariant();
        if (method is not null && !Methods.Contains(method))
        {
            throw SpotifyException.BadRequest("method must be GET, POST, PUT, DELETE or PATCH");
        }
        return new FaultRule
        {
            Id = id,
            ClientId = NullIfBlank(body.ClientId),
            UserId = NullIfBlank(body.UserId),
            Method = method,
            Path = path,
            Status = body.Status,
            RetryAfter = body.Status == 429 ? body.RetryAfter ?? 1 : null,
            LatencyMs = body.LatencyMs,
            ResetConnection = reset,
            Probability = body.Probability ?? 1,
            Remaining = body.Count,
            ExpiresAt = body.ExpiresIn is { } seconds ? now + TimeSpan.FromSeconds(seconds) : null,
            CreatedAt = now,
        };
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
