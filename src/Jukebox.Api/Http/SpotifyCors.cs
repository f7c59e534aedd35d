using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace Jukebox.Api.Http;

/// <summary>
/// How the Web API and the token endpoint answer browser apps of any site: every origin, header and
/// method; preflights may be cached for a week, so a browser app does not send one before each call;
/// and <c>Retry-After</c> is readable by page code, so it can honour a 429.
/// </summary>
public static class SpotifyCors
{
    public static readonly TimeSpan PreflightMaxAge = TimeSpan.FromDays(7);

    public static void Configure(CorsPolicyBuilder cors) =>
        cors.AllowAnyOrigin().AllowAnyHeader().AllowAnyMethod()
            .SetPreflightMaxAge(PreflightMaxAge)
            .WithExposedHeaders(HeaderNames.RetryAfter);

    /// <summary>
    /// ASP.NET Core's CORS middleware with this policy. Made here rather than by <c>UseCors</c>, whose
    /// middleware asks the request's services for a policy provider on every request, which opens a
    /// service scope for requests that need none (the busiest routes take only singletons).
    /// </summary>
    public static IApplicationBuilder UseSpotifyCors(this IApplicationBuilder app)
    {
        var services = app.ApplicationServices;
        var policy = new CorsPolicyBuilder();
        Configure(policy);
        var provider = services.GetRequiredService<ICorsPolicyProvider>();
        return app.Use(next =>
        {
            var cors = new CorsMiddleware(next, services.GetRequiredService<ICorsService>(), policy.Build(), services.GetRequiredService<ILoggerFactory>());
            return context => cors.Invoke(context, provider);
        });
    }
}
