using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Jukebox.Api.Http;

/// <summary>
/// Endpoint metadata for the endpoints whose callers do not read Spotify's Web API error object: the
/// token endpoint's clients read OAuth 2.0 errors (RFC 6749 §5.2) and people read the accounts pages.
/// </summary>
public sealed class ErrorShape
{
    public static readonly ErrorShape OAuth = new();
    public static readonly ErrorShape Page = new();

    private ErrorShape()
    {
    }

    /// <summary>The shape the request's endpoint asks for; null for Spotify's error object.</summary>
    public static ErrorShape? Of(HttpContext context)
    {
        // The exception handler has already cleared the endpoint; its feature still names it.
        var endpoint = context.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? context.GetEndpoint();
        return endpoint?.Metadata.GetMetadata<ErrorShape>();
    }
}

/// <summary>OAuth 2.0's error object, <c>{"error":…,"error_description":…}</c> (RFC 6749 §5.2), with the headers a token response carries.</summary>
public static class OAuthErrors
{
    public static Task WriteAsync(HttpContext context, int status, string error, string description)
    {
        ErrorMessageFeature.Set(context, description);
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = "application/json; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        response.Headers.Pragma = "no-cache";
        return JsonSerializer.SerializeAsync(response.Body, new OAuthErrorResponse(error, description),
            SpotifyJsonContext.Default.OAuthErrorResponse, context.RequestAborted);
    }
}

/// <summary>The 503 a request answers while the database is unreachable, in the shape its caller reads.</summary>
public static class ServiceUnavailable
{
    public const string OAuthError = "temporarily_unavailable";
    public const string OAuthDescription = "The service is temporarily unavailable";
    public const string PageText = "Jukebox is temporarily unavailable. Please try again in a moment.";

    public static Task WriteAsync(HttpContext context)
    {
        var shape = ErrorShape.Of(context);
        var response = context.Response;
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        if (shape == ErrorShape.OAuth)
        {
            return OAuthErrors.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, OAuthError, OAuthDescription);
        }
        if (shape == ErrorShape.Page)
        {
            ErrorMessageFeature.Set(context, PageText);
            response.ContentType = "text/plain; charset=utf-8";
            response.Headers.CacheControl = "no-store";
            return response.WriteAsync(PageText, context.RequestAborted);
        }
        return SpotifyErrors.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, SpotifyErrors.ServiceUnavailable);
    }
}
