using Microsoft.AspNetCore.Cors.Infrastructure;
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
}
