using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Jukebox.Cluster;

/// <summary>Degraded, never unhealthy, while Redis is unreachable: the node keeps serving on its own.</summary>
public sealed class RedisHealthCheck(RedisConnection redis) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(redis.IsConnected
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Degraded(
                "No connection to Redis: rate limits and cross-node signals fall back to per-node until it is back."));
}
