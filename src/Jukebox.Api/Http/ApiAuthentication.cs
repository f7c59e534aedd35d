using Jukebox.Accounts.Apps;
using Jukebox.Api.Http.Policies;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Jukebox.Api.Http;

/// <summary>
/// Every Web API route (every route with a <see cref="RoutePolicy"/>) needs a valid bearer token, and
/// this is where that is enforced, in the place the authorization middleware has in the pipeline. A
/// token validated before passes with one probe of <see cref="ValidatedTokenCache"/> and the app's
/// access check; anything else (no token, a malformed header, a token not seen yet, an expired one, an
/// app that may not serve this user) goes through <see cref="BearerTokenHandler"/>, which validates it
/// with OpenIddict or answers with Spotify's error.
/// </summary>
/// <remarks>
/// Not an authorization policy on the routes: ASP.NET Core's authorization middleware would, on every
/// request, run its policy evaluator, create the bearer handler through dependency injection and run the
/// authorization service's handlers, for a requirement (an authenticated caller) that the token alone
/// decides. That was about a fifth of the server's work on a cached token (bench/docs/tracks.md).
/// </remarks>
public static class ApiAuthentication
{
    public static IApplicationBuilder UseApiAuthentication(this IApplicationBuilder app)
    {
        var tokens = app.ApplicationServices.GetRequiredService<ValidatedTokenCache>();
        var access = app.ApplicationServices.GetRequiredService<AppAccess>();
        var clock = app.ApplicationServices.GetRequiredService<TimeProvider>();
        return app.Use((context, next) =>
            context.GetEndpoint()?.Metadata.GetMetadata<RoutePolicy>() is null ? next(context) : AuthenticateAsync(context, next));

        async Task AuthenticateAsync(HttpContext context, RequestDelegate next)
        {
            if (tokens.TryGet(BearerTokenHandler.TokenOf(context.Request.Headers.Authorization.ToString()), out var known)
                && known.ExpiresAt > clock.GetUtcNow()
                && await access.CheckAsync(known.Caller.ClientId, known.Caller.UserId, context.RequestAborted) == AppVerdict.Allowed)
            {
                context.User = known.Principal;
                context.Features.Set(known.Caller);
                await next(context);
                return;
            }
            var result = await context.AuthenticateAsync(BearerTokenHandler.SchemeName);
            if (result is { Succeeded: true, Principal: { } principal })
            {
                context.User = principal;
                await next(context);
                return;
            }
            await context.ChallengeAsync(BearerTokenHandler.SchemeName);
        }
    }
}
