using Jukebox.Accounts.Apps;
using Jukebox.Cluster;
using Microsoft.Extensions.Options;

namespace Jukebox.Api.Http.Policies;

/// <summary>Why a request is refused for the rate limits: seconds to wait, and Spotify's error message and reason.</summary>
public sealed record RateRefusal(int RetryAfterSeconds, string Message, string? Reason = null);

/// <summary>
/// The rate limits' answer: a refusal, or how many more requests the app's window takes now (kept on
/// the request for the sandbox's request log; Spotify sends no such header).
/// </summary>
public readonly record struct RateDecision(RateRefusal? Refusal, int Remaining);

/// <summary>
/// Spotify's rate limits for one request: the route's own window when it has one, then the app-wide
/// window of the app's quota mode, then (when set) the daily quota of the app's developer account.
/// Beyond any of them the request is refused (429 with an exact Retry-After in seconds, see
/// <see cref="RoutePolicies"/>) and not counted.
/// </summary>
public sealed class AppRateLimiter(
    IOptions<RateLimitOptions> options, IRequestWindows windows, IDailyCounts days, AppAccess access, TimeProvider clock)
{
    public const string Message = "API rate limit exceeded";
    public const string QuotaMessage = "Too many requests";
    public const string QuotaReason = "QUOTA_EXCEEDED";
    private readonly RateLimitOptions _options = options.Value;

    public async ValueTask<RateDecision> CheckAsync(string clientId, RoutePolicy policy, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (policy.RouteLimit is { } routeLimit)
        {
            var decision = await windows.TryAcquireAsync($"{clientId} {policy.Route}", routeLimit, now, ct);
            if (!decision.Allowed)
            {
                return new(new RateRefusal(decision.RetryAfterSeconds, Message), 0);
            }
        }
        var limit = await access.IsExtendedAsync(clientId, ct) ? _options.ExtendedQuotaLimit : _options.DevelopmentModeLimit;
        var app = await windows.TryAcquireAsync(clientId, limit, now, ct);
        if (!app.Allowed)
        {
            return new(new RateRefusal(app.RetryAfterSeconds, Message), 0);
        }
        if (_options.DevelopmentDailyQuota > 0
            && await access.DailyQuotaOwnerAsync(clientId, ct) is { } owner
            && !await days.TryCountAsync("quota " + owner, _options.DevelopmentDailyQuota, now, ct))
        {
            var tomorrow = new DateTimeOffset(now.UtcDateTime.Date.AddDays(1), TimeSpan.Zero);
            return new(new RateRefusal((int)Math.Ceiling((tomorrow - now).TotalSeconds), QuotaMessage, QuotaReason), app.Remaining);
        }
        return new(null, app.Remaining);
    }
}
