using System.Globalization;
using Jukebox.Accounts.Apps;
using Jukebox.Data.Entities;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Jukebox.Api.Http.Policies;

/// <summary>
/// Route policies: <see cref="WithRoutePolicies"/> gives every route of the Web API its
/// <see cref="RoutePolicy"/> from the tables (and its body limit, <see cref="BodyLimits"/>, which the
/// server enforces), and <see cref="UseRoutePolicies"/> is the one place that
/// enforces them, after authentication has named the caller: the rate limits first (a request refused
/// for its scopes still counts, as on Spotify), then the app's API profile (an operation its regime
/// does not offer), then the scopes.
/// </summary>
/// <remarks>
/// Enforced by a middleware that reads the endpoint's metadata rather than by an endpoint filter: a
/// filter on every route would make each handler box its arguments into a filter context, on the
/// hottest path of the server, for a check that needs none of them.
/// </remarks>
public static class RoutePolicies
{
    public static TBuilder WithRoutePolicies<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            if (endpoint is not RouteEndpointBuilder route)
            {
                return;
            }
            var key = RouteKey.Of(route);
            var limits = route.ApplicationServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
            route.Metadata.Add(new RoutePolicy(
                key,
                ScopeTable.Table.GetValueOrDefault(key),
                limits.Endpoints.TryGetValue(key, out var limit) ? limit : null,
                ProfileTable.Table.GetValueOrDefault(key)));
            route.Metadata.Add(new RequestSizeLimitAttribute(BodyLimits.For(key)));
        });
        return builder;
    }

    /// <summary>Goes after <see cref="ApiAuthentication"/>, which names the caller of every Web API route.</summary>
    public static IApplicationBuilder UseRoutePolicies(this IApplicationBuilder app)
    {
        var limiter = app.ApplicationServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.Enabled
            ? app.ApplicationServices.GetRequiredService<AppRateLimiter>()
            : null;
        var access = app.ApplicationServices.GetRequiredService<AppAccess>();
        return app.Use(async (context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<RoutePolicy>() is { } policy && context.Features.Get<Caller>() is { } caller)
            {
                if (limiter is not null)
                {
                    var rate = await limiter.CheckAsync(caller.ClientId, policy, context.RequestAborted);
                    context.Features.Set(new RateLimitRemaining(rate.Remaining));
                    if (rate.Refusal is { } refusal)
                    {
                        context.Response.Headers.RetryAfter = refusal.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                        await SpotifyErrors.WriteAsync(context, StatusCodes.Status429TooManyRequests, refusal.Message, refusal.Reason);
                        return;
                    }
                }
                var profile = await access.ProfileAsync(caller.ClientId, context.RequestAborted);
                if (profile != ApiProfiles.Full)
                {
                    context.Features.Set(AppProfile.Of(profile));
                }
                if (policy.RefusedSomewhere && policy.Profile!.For(profile) is { } gone)
                {
                    context.Features.Set(new ProfileRefusal(profile));
                    await SpotifyErrors.WriteAsync(context, gone.Status, gone.Message);
                    return;
                }
                if (policy.Scopes is { } scopes)
                {
                    if (caller.IsUser && ScopeTable.Missing(scopes, caller) is { } missing)
                    {
                        context.Features.Set(new MissingScope(missing));
                    }
                    ScopeTable.Check(scopes, caller);
                }
            }
            await next(context);
        });
    }
}
