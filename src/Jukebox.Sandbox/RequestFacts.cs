using Jukebox.Api.Http;
using Jukebox.Api.Http.Policies;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Jukebox.Sandbox;

/// <summary>
/// What the fault rules match and the request log records about a Web API or Accounts request: its
/// route template, and the app and user it comes from once authentication has named them.
/// </summary>
public readonly record struct RequestFacts(string Method, string Path, string? Route, bool IsAccounts)
{
    /// <summary>The request's facts; null when it is neither a Web API request nor the token endpoint's.</summary>
    public static RequestFacts? Of(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        var path = context.Request.Path.Value ?? "";
        var route = (endpoint as RouteEndpoint)?.RoutePattern.RawText;
        if (endpoint?.Metadata.GetMetadata<ErrorShape>() == ErrorShape.OAuth)
        {
            return new RequestFacts(context.Request.Method, path, route, IsAccounts: true);
        }
        // Paths under /v1 that no route serves are the Web API's too: a client's typo belongs in its log.
        return endpoint?.Metadata.GetMetadata<RoutePolicy>() is not null || (endpoint is null && path.StartsWith("/v1/", StringComparison.Ordinal))
            ? new RequestFacts(context.Request.Method, path, route, IsAccounts: false)
            : null;
    }

    /// <summary>
    /// The app calling: the token's on the Web API (an expired token's too, when the node knows it),
    /// the client authenticating at the token endpoint.
    /// </summary>
    public static string? ClientId(HttpContext context) =>
        CallerOf(context)?.ClientId ?? context.GetOpenIddictServerRequest()?.ClientId;

    /// <summary>The user the token acts for (none at the token endpoint).</summary>
    public static string? UserId(HttpContext context) => CallerOf(context)?.UserId;

    private static Caller? CallerOf(HttpContext context) =>
        context.Features.Get<Caller>() ?? context.Features.Get<RefusedCaller>()?.Caller;
}
