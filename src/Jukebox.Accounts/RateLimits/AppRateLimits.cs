using System.Collections.Concurrent;
using System.Globalization;
using Jukebox.Accounts.Apps;
using Jukebox.Api.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Jukebox.Accounts.RateLimits;

/// <summary>
/// Applies the rate limits to every authenticated /v1 request: the endpoint's own limit when it has
/// one, then the app-wide limit of the app's quota mode. Beyond either: 429 with Spotify's error object
/// and an exact Retry-After in seconds.
/// </summary>
public sealed class AppRateLimiter(IOptions<RateLimitOptions> options, IRequestWindows windows, AppAccess access, TimeProvider clock)
{
    public const string Message = "API rate limit exceeded";
    private readonly RateLimitOptions _options = options.Value;
    private readonly ConcurrentDictionary<Endpoint, (string Key, int Limit)?> _endpointLimits = new();

    /// <summary>Null when the request may go on; otherwise the seconds to wait.</summary>
    public async ValueTask<int?> CheckAsync(HttpContext context, Caller caller)
    {
        var now = clock.GetUtcNow();
        var ct = context.RequestAborted;
        if (context.GetEndpoint() is { } endpoint && EndpointLimit(endpoint) is { } custom)
        {
            var decision = await windows.TryAcquireAsync($"{caller.ClientId} {custom.Key}", custom.Limit, now, ct);
            if (!decision.Allowed)
            {
                return decision.RetryAfterSeconds;
            }
        }
        var limit = await access.IsExtendedAsync(caller.ClientId, ct) ? _options.ExtendedQuotaLimit : _options.DevelopmentModeLimit;
        var app = await windows.TryAcquireAsync(caller.ClientId, limit, now, ct);
        return app.Allowed ? null : app.RetryAfterSeconds;
    }

    private (string Key, int Limit)? EndpointLimit(Endpoint endpoint) =>
        _endpointLimits.GetOrAdd(endpoint, e =>
        {
            if (e is not RouteEndpoint { RoutePattern.RawText: { } pattern } route || !pattern.StartsWith("/v1/", StringComparison.Ordinal))
            {
                return null;
            }
            var method = route.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.FirstOrDefault() ?? "GET";
            var key = $"{method} {pattern[3..]}";
            return _options.Endpoints.TryGetValue(key, out var limit) ? (key, limit) : null;
        });
}

public static class AppRateLimiting
{
    /// <summary>Goes after authorization: only requests whose token names an app are counted.</summary>
    public static IApplicationBuilder UseAppRateLimits(this IApplicationBuilder app)
    {
        if (!app.ApplicationServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.Enabled)
        {
            return app;
        }
        var limiter = app.ApplicationServices.GetRequiredService<AppRateLimiter>();
        return app.Use(async (context, next) =>
        {
            if (context.Features.Get<Caller>() is { } caller && context.Request.Path.StartsWithSegments("/v1")
                && await limiter.CheckAsync(context, caller) is { } retryAfter)
            {
                context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                await SpotifyErrors.WriteAsync(context, StatusCodes.Status429TooManyRequests, AppRateLimiter.Message);
                return;
            }
            await next(context);
        });
    }
}
