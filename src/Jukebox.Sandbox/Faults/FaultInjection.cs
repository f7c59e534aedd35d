using System.Globalization;
using Jukebox.Api.Http;
using Jukebox.Api.Http.Policies;
using Jukebox.Sandbox.Requests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Jukebox.Sandbox.Faults;

/// <summary>The fault a request was given, for the request log.</summary>
public sealed record AppliedFault(string Id, bool ResetConnection);

/// <summary>
/// Applies the fault rules to Web API and token endpoint requests: after authentication (so a rule
/// can name the app and user) and before the route policies (a faulted request does not count against
/// the rate limits). The delay runs on the server's clock; a status is answered with Spotify's error
/// object, or at /api/token with an OAuth error object; a reset aborts the connection.
/// </summary>
public static class FaultInjection
{
    public static IApplicationBuilder UseSandboxFaults(this IApplicationBuilder app)
    {
        if (!app.ApplicationServices.GetRequiredService<IOptions<SandboxOptions>>().Value.Enabled)
        {
            return app;
        }
        var rules = app.ApplicationServices.GetRequiredService<FaultRules>();
        var clock = app.ApplicationServices.GetRequiredService<TimeProvider>();
        return app.Use(async (context, next) =>
        {
            if (rules.IsEmpty || RequestFacts.Of(context) is not { } request
                || await rules.PickAsync(request, RequestFacts.ClientId(context), RequestFacts.UserId(context), context.RequestAborted) is not { } fault)
            {
                await next(context);
                return;
            }
            context.Features.Set(new AppliedFault(fault.Id, fault.ResetConnection));
            if (fault.LatencyMs is > 0 and var latency)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(latency), clock, context.RequestAborted);
            }
            if (fault.ResetConnection)
            {
                // In the log before the client can see the reset and ask for the log.
                context.Features.Get<RequestRecording.RecordNow>()?.Invoke();
                context.Abort();
                return;
            }
            if (fault.Status is not { } status)
            {
                await next(context);
                return;
            }
            if (status == StatusCodes.Status429TooManyRequests)
            {
                context.Response.Headers.RetryAfter = (fault.RetryAfter ?? 1).ToString(CultureInfo.InvariantCulture);
            }
            await (request.IsAccounts ? WriteOAuthErrorAsync(context, status) : SpotifyErrors.WriteAsync(context, status, Message(status)));
        });
    }

    /// <summary>What Spotify's error object says for each status.</summary>
    public static string Message(int status) => status switch
    {
        StatusCodes.Status429TooManyRequests => AppRateLimiter.Message,
        StatusCodes.Status502BadGateway => "Bad gateway",
        StatusCodes.Status503ServiceUnavailable => SpotifyErrors.ServiceUnavailable,
        _ => "Server error",
    };

    /// <summary>RFC 6749's error object, as the token endpoint answers: temporarily_unavailable for 429 and 503, server_error otherwise.</summary>
    private static Task WriteOAuthErrorAsync(HttpContext context, int status)
    {
        var error = status is StatusCodes.Status429TooManyRequests or StatusCodes.Status503ServiceUnavailable
            ? ServiceUnavailable.OAuthError
            : "server_error";
        return OAuthErrors.WriteAsync(context, status, error, Message(status));
    }
}
