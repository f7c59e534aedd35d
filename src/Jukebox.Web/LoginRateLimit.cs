using System.Globalization;
using System.Threading.RateLimiting;
using Jukebox.Accounts;
using Jukebox.Accounts.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Jukebox.Web;

/// <summary>
/// Caps the login attempts (POST /login) of each client address with ASP.NET Core's rate limiter: a
/// token bucket of <see cref="AccountsOptions.SignInAttemptsPerMinute"/> that refills one attempt at a
/// time over the minute. An attempt over the cap gets 429 and a short page, before any password is
/// checked. The limiter runs on the system clock: System.Threading.RateLimiting has no TimeProvider.
/// </summary>
public static class LoginRateLimit
{
    public const string Policy = "login";
    public const string TooManyAttempts = "Too many failed attempts. Try again later.";

    public static IServiceCollection AddLoginRateLimit(this IServiceCollection services) =>
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = WriteRejectionAsync;
            limiter.AddPolicy(Policy, context =>
            {
                if (!HttpMethods.IsPost(context.Request.Method))
                {
                    return RateLimitPartition.GetNoLimiter("");
                }
                var perMinute = Math.Max(1, context.RequestServices.GetRequiredService<IOptions<AccountsOptions>>().Value.SignInAttemptsPerMinute);
                return RateLimitPartition.GetTokenBucketLimiter(SignInClient.KeyOf(context.Connection.RemoteIpAddress), _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = perMinute,
                    TokensPerPeriod = 1,
                    ReplenishmentPeriod = TimeSpan.FromMinutes(1) / perMinute,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
        });

    private static async ValueTask WriteRejectionAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var response = rejected.HttpContext.Response;
        if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }
        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync(
            $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Log in</title></head>" +
            $"<body><p class=\"error\" role=\"alert\">{TooManyAttempts}</p><p><a href=\"/login\">Back to the login page</a></p></body></html>", ct);
    }
}
