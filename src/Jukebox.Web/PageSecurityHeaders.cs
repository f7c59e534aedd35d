using System.Security.Cryptography;
using Jukebox.Api;
using Jukebox.Api.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Jukebox.Web;

/// <summary>
/// The headers every page (every HTML response: login, consent, dashboard, player, error pages) is
/// sent with: a Content-Security-Policy that allows this server's own resources only, no framing by
/// any site (clickjacking of the consent and dashboard buttons), no MIME sniffing and no referrer to
/// other sites. The pages' inline style and script blocks carry the per-response nonce the policy names.
/// </summary>
public static class PageSecurityHeaders
{
    private const string NonceKey = "Jukebox.CspNonce";

    /// <summary>Registered before everything else, so that error pages get the headers too.</summary>
    public static IApplicationBuilder UsePageSecurityHeaders(this IApplicationBuilder app)
    {
        var images = ImageSources(app.ApplicationServices.GetRequiredService<PublicUrls>());
        // The Web API answers JSON only (its errors included): nothing to add to its responses, and
        // nothing made for them (the callback's closure is made in the method that registers it).
        return app.Use((context, next) => ApiEndpoints.IsApiPath(context.Request.Path) ? next(context) : AddOnStarting(context, next, images));
    }

    private static Task AddOnStarting(HttpContext context, RequestDelegate next, string images)
    {
        // Read now: routing has chosen the endpoint (WebApplication routes first), and a library's
        // pipeline may clear it before the response starts (Swashbuckle's docs UI does).
        var styles = context.GetEndpoint()?.Metadata.GetMetadata<InlineStyleHashes>();
        context.Response.OnStarting(() =>
        {
            if (IsPage(context.Response))
            {
                Apply(context, images, styles);
            }
            return Task.CompletedTask;
        });
        return next(context);
    }

    /// <summary>The nonce of this response's Content-Security-Policy, for a page's inline &lt;script&gt; and &lt;style&gt; blocks.</summary>
    public static string CspNonce(this HttpContext context)
    {
        if (context.Items[NonceKey] is not string nonce)
        {
            // URL-safe base64: nothing in it needs escaping in an HTML attribute.
            nonce = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceKey] = nonce;
        }
        return nonce;
    }

    private static bool IsPage(HttpResponse response) =>
        response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true;

    private static void Apply(HttpContext context, string images, InlineStyleHashes? allowedStyles)
    {
        var inline = context.Items[NonceKey] is string nonce ? $" 'nonce-{nonce}'" : "";
        var styles = allowedStyles is null ? "" : string.Concat(allowedStyles.Hashes.Select(hash => $" '{hash}'"));
        var headers = context.Response.Headers;
        // No form-action: Chromium applies it to the redirect that follows the consent form, which
        // leaves for the app's redirect URI on any origin.
        headers.ContentSecurityPolicy =
            $"default-src 'self'; script-src 'self'{inline}; style-src 'self'{inline}{styles}; img-src {images}; " +
            "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";
        headers.XFrameOptions = "DENY";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
    }

    /// <summary>
    /// Cover art comes from the public base URL, which is this origin unless the page was reached by
    /// another name; the player's empty cover is a data: URL.
    /// </summary>
    private static string ImageSources(PublicUrls urls) =>
        Uri.TryCreate(urls.Base, UriKind.Absolute, out var uri) ? $"'self' data: {uri.GetLeftPart(UriPartial.Authority)}" : "'self' data:";
}
