namespace Jukebox.Data.Entities;

/// <summary>
/// A sandbox fault: which requests it matches (app, user, method, route template or path prefix) and
/// what they get instead of their answer (an error status, added latency, a reset connection). Stored
/// so that every node applies it; <see cref="Remaining"/> is shared by the nodes and decremented in
/// the database, one request at a time.
/// </summary>
public sealed class FaultRule
{
    public required string Id { get; set; }
    public string? ClientId { get; set; }
    public string? UserId { get; set; }
    public string? Method { get; set; }

    /// <summary>A route template such as "/v1/tracks/{id}", or a path prefix such as "/v1/me".</summary>
    public required string Path { get; set; }
    public int? Status { get; set; }
    public int? RetryAfter { get; set; }
    public int? LatencyMs { get; set; }
    public bool ResetConnection { get; set; }
    public double Probability { get; set; } = 1;

    /// <summary>How many more requests it applies to; null for as many as come until it expires or is removed.</summary>
    public int? Remaining { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
