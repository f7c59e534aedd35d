using System.Text.Json;
using Jukebox.Data;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Jukebox.Api.Http;

/// <summary>
/// A failure the client caused or must know about. Thrown anywhere below an endpoint; turned into
/// Spotify's regular error object in exactly one place, <see cref="SpotifyErrorHandler"/>.
/// </summary>
public sealed class SpotifyException(int status, string message, string? reason = null) : Exception(message)
{
    public int Status { get; } = status;
    public string? Reason { get; } = reason;

    public static SpotifyException BadRequest(string message) => new(StatusCodes.Status400BadRequest, message);
    public static SpotifyException NotFound(string message = "non existing id") => new(StatusCodes.Status404NotFound, message);
    public static SpotifyException Forbidden(string message) => new(StatusCodes.Status403Forbidden, message);
    public static SpotifyException Unauthorized(string message) => new(StatusCodes.Status401Unauthorized, message);
}

public static class SpotifyErrors
{
    public const string InvalidId = "Invalid base62 id";
    public const string NonExistingId = "non existing id";
    public const string InvalidLimit = "Invalid limit";
    public const string InvalidOffset = "Invalid offset";
    public const string InvalidMarket = "Invalid market code";
    public const string TooManyIds = "Too many ids requested";
    public const string NoToken = "No token provided";
    public const string InvalidToken = "Invalid access token";
    public const string ExpiredToken = "The access token expired";
    public const string OnlyBearer = "Only valid bearer authentication supported";
    public const string InsufficientScope = "Insufficient client scope";
    public const string ServiceNotFound = "Service not found";
    public const string ServiceUnavailable = "Service unavailable";
    public const string TooLarge = "Request Entity Too Large";
    public const string MalformedBody = "Malformed request body";

    /// <summary>What a development-mode app gets under the 2026 rules while its owner has no Premium (as reported by its users since March 2026).</summary>
    public const string OwnerNotPremium =
        "Active premium subscription required for the owner of the app. When the subscription status changes, it can take a few hours before requests are allowed again.";

    /// <summary>Writes <c>{"error":{"status":…,"message":…}}</c> with the headers Spotify sends on errors (no message when it is null).</summary>
    public static Task WriteAsync(HttpContext context, int status, string? message, string? reason = null)
    {
        if (message is not null)
        {
            ErrorMessageFeature.Set(context, message);
        }
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "private, max-age=0";
        var body = new ErrorResponse(new ErrorObject(status, message, reason));
        return JsonSerializer.SerializeAsync(context.Response.Body, body, SpotifyJsonContext.Default.ErrorResponse, context.RequestAborted);
    }
}

/// <summary>The single place where exceptions become responses; nothing else writes error bodies for the API.</summary>
public sealed class SpotifyErrorHandler(DatabaseOutages outages, ILogger<SpotifyErrorHandler> logger) : IExceptionHandler
{
    private static readonly string? FormReaderAssembly = typeof(Microsoft.AspNetCore.WebUtilities.FormPipeReader).Assembly.GetName().Name;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, message, reason) = exception switch
        {
            SpotifyException e => (e.Status, e.Message, e.Reason),
            BadHttpRequestException e when e.InnerException is JsonException => (400, "Malformed json", null),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => (413, SpotifyErrors.TooLarge, null),
            BadHttpRequestException e => (e.StatusCode, "Bad request", null),
            // A form over ASP.NET Core's limits (FormOptions: a key, a value or the number of fields).
            InvalidDataException e when e.Source == FormReaderAssembly => (400, SpotifyErrors.MalformedBody, null),
            OperationCanceledException when cancellationToken.IsCancellationRequested => (499, "Client closed request", null),
            _ when NulTextException.IsCause(exception) => (400, NulTextException.Description, null),
            _ when outages.Recognize(exception) => (503, SpotifyErrors.ServiceUnavailable, null),
            _ => (500, "Server error", null),
        };
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            // Expected while the database is down, on every request: one line each, not a stack trace.
            logger.LogWarning("The database is unavailable: {Method} {Path} answered 503 ({Cause}).",
                httpContext.Request.Method, httpContext.Request.Path, DatabaseOutages.Describe(exception));
        }
        else if (status >= 500)
        {
            logger.LogError(exception, "Unhandled error for {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        }
        if (httpContext.Response.HasStarted)
        {
            return false;
        }
        httpContext.Response.Clear();
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            await ServiceUnavailable.WriteAsync(httpContext);
            return true;
        }
        if (ErrorShape.Of(httpContext) == ErrorShape.OAuth)
        {
            // The token endpoint's clients read OAuth's error object (RFC 6749 §5.2).
            await OAuthErrors.WriteAsync(httpContext, status, status >= 500 ? "server_error" : "invalid_request", message);
            return true;
        }
        await SpotifyErrors.WriteAsync(httpContext, status, message, reason);
        return true;
    }
}
