using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Jukebox.Accounts.Tokens;

/// <summary>
/// accounts.spotify.com answers a POST /api/token whose parameters are in the URL's query string and
/// whose body is empty, and widely used clients send them so. OpenIddict reads a token request from
/// the form body only, so such a request is turned into the form it stands for before OpenIddict sees
/// it. A request with a body is left alone: the body wins, as on Spotify. The query string is taken
/// off, so the parameters (a client secret among them) are not kept as part of the URL.
/// </summary>
public static class TokenQueryParameters
{
    public const string TokenPath = "/api/token";

    /// <summary>Goes before authentication, where OpenIddict extracts the request.</summary>
    public static IApplicationBuilder UseTokenQueryParameters(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var request = context.Request;
            if (request.QueryString.HasValue && HttpMethods.IsPost(request.Method) && request.Path == TokenPath && HasNoBody(request))
            {
                var form = Encoding.UTF8.GetBytes(request.QueryString.Value![1..]);
                request.Body = new MemoryStream(form, writable: false);
                request.ContentLength = form.Length;
                request.ContentType = "application/x-www-form-urlencoded";
                request.QueryString = QueryString.Empty;
            }
            return next(context);
        });

    private static bool HasNoBody(HttpRequest request) =>
        request.ContentLength == 0 || (request.ContentLength is null && !request.Headers.TransferEncoding.Any(v => v?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true));
}
