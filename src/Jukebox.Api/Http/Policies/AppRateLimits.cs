using Jukebox.Accounts.Apps;
using Jukebox.Cluster;
using Microsoft.Extensions.Options;

namespace Jukebox.Api.Http.Policies;

/// <summary>
/// Spotify's rate limits for one request: the route's own window when it has one, then the app-wide
/// window of the app's quota mode. Beyond either the request is refused (429 with an exact Retry-After
/// in seconds, see <see cref="RoutePolicies"/>) and not counted.
/// </summary>
public sealed class AppRateLimiter(IOptions<RateLimitOptions> options, IRequestWindows windows, AppAccess access, TimeProvider clock)
{
    public const string Message = "API rate limit exceeded";
    private readonly RateLimitOptions _options = options.Value;

    /// <summary>Null when the request may go on; otherwise the seconds to wait.</summary>
    public async ValueTask<int?> CheckAsync(string clientId, RoutePolicy policy, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (policy.RouteLimit is { } routeLimit)
        {
            var decision = await windows.TryAcquireAsync($"{clientId} {policy.Route}", routeLimit, now, ct);
            if (!decision.Allowed)
            {
                return decision.RetryAfterSeconds;
            }
        }
        var limit = await access.IsExtendedAsync(clientId, ct) ? _options.ExtendedQuotaLimit : _options.DevelopmentModeLimit;
        var app = await windows.TryAcquireAsync(clientId, limit, now, ct);
        return app.Allowed ? null : app.RetryAfterSeconds;
    }
}
