using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Jukebox.Api.Http.Policies;

/// <summary>
/// Refuses a request whose Content-Length is over its endpoint's body limit (<see cref="BodyLimits"/>,
/// the token endpoint's own) with 413 before anything reads the body. Routing has already handed the
/// limit to the server, which would stop such a body at its first read too, but then close the
/// connection unread, so a client still sending (one that did not ask with <c>Expect: 100-continue</c>)
/// would see a reset instead of the answer. Refused here, the server's own limit is put back first:
/// after the answer the server reads and discards the rest up to it, keeping nothing, and the client
/// gets its 413. A body without a length keeps the endpoint's limit and is cut off when it passes it.
/// </summary>
public static class BodyLimitRefusal
{
    /// <summary>Goes after routing (which names the endpoint) and the exception handler, before authentication.</summary>
    public static IApplicationBuilder UseBodyLimits(this IApplicationBuilder app)
    {
        var serverLimit = app.ApplicationServices.GetService<IOptions<KestrelServerOptions>>()?.Value.Limits.MaxRequestBodySize;
        return app.Use((context, next) =>
        {
            if (context.Request.ContentLength is { } length
                && context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize is { } limit
                && length > limit)
            {
                if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
                {
                    size.MaxRequestBodySize = serverLimit;
                }
                throw new Microsoft.AspNetCore.Http.BadHttpRequestException(SpotifyErrors.TooLarge, StatusCodes.Status413PayloadTooLarge);
            }
            return next(context);
        });
    }
}
