using Microsoft.AspNetCore;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Jukebox.Accounts.Tokens;

/// <summary>
/// Rewrites OpenIddict's token endpoint errors into the codes and texts Spotify's accounts service
/// answers with (shared/reference/behaviors.md §1.4), keeping RFC 6749's error object shape.
/// </summary>
public sealed class SpotifyTokenErrors : IOpenIddictServerHandler<ApplyTokenResponseContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyTokenResponseContext>()
            .UseSingletonHandler<SpotifyTokenErrors>()
            // After OpenIddict turns token validation errors (invalid_token) into invalid_grant.
            .SetOrder(OpenIddictServerHandlers.Exchange.NormalizeErrorResponse.Descriptor.Order + 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    private static readonly HashSet<string> SpotifyDescriptions =
    [
        "Invalid client", "Invalid client secret", "Invalid authorization code", "Invalid redirect URI",
        "Invalid refresh token", "code_verifier was incorrect", "grant_type parameter is missing",
        "grant_type parameter is invalid", "Unknown user_id",
    ];

    public ValueTask HandleAsync(ApplyTokenResponseContext context)
    {
        var response = context.Response;
        // OpenIddict names each of its errors by an error_uri; a rejection without one is Jukebox's own
        // (here or in an extension grant's handler) and already worded as it should be.
        if (string.IsNullOrEmpty(response.Error) || response.ErrorUri is null || SpotifyDescriptions.Contains(response.ErrorDescription ?? ""))
        {
            response.ErrorUri = null;
            return ValueTask.CompletedTask;
        }
        var id = response.ErrorUri?.Split('/').LastOrDefault() ?? "";
        var about = response.ErrorDescription ?? "";
        (response.Error, response.ErrorDescription) = (response.Error, id) switch
        {
            (_, "ID2029") when about.Contains("'grant_type'", StringComparison.Ordinal) => (Errors.UnsupportedGrantType, "grant_type parameter is missing"),
            (_, "ID2029") when about.Contains("'client_id'", StringComparison.Ordinal) => (Errors.InvalidClient, "Invalid client"),
            (Errors.UnsupportedGrantType, _) => (Errors.UnsupportedGrantType, "grant_type parameter is invalid"),
            (Errors.InvalidClient, "ID2055") => (Errors.InvalidClient, "Invalid client secret"),
            (Errors.InvalidClient, _) => (Errors.InvalidClient, "Invalid client"),
            (Errors.UnauthorizedClient, _) => (Errors.InvalidClient, "Invalid client"),
            (Errors.InvalidGrant, _) when about.Contains("code_verifier", StringComparison.Ordinal) => (Errors.InvalidGrant, "code_verifier was incorrect"),
            (Errors.InvalidGrant, _) when about.Contains("redirect_uri", StringComparison.Ordinal) => (Errors.InvalidGrant, "Invalid redirect URI"),
            (Errors.InvalidGrant, _) when about.Contains("authorization code", StringComparison.Ordinal) => (Errors.InvalidGrant, "Invalid authorization code"),
            (Errors.InvalidGrant, _) when about.Contains("refresh token", StringComparison.Ordinal) => (Errors.InvalidGrant, "Invalid refresh token"),
            _ => (response.Error, response.ErrorDescription),
        };
        response.ErrorUri = null;
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// Spotify answers every token endpoint error with 400, including invalid_client where RFC 6749
/// allows 401; clients branch on that status, so it is set after OpenIddict picked its own.
/// </summary>
public sealed class SpotifyTokenErrorStatus : IOpenIddictServerHandler<ApplyTokenResponseContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyTokenResponseContext>()
            .UseSingletonHandler<SpotifyTokenErrorStatus>()
            .SetOrder(OpenIddictServerAspNetCoreHandlers.AttachWwwAuthenticateHeader<ApplyTokenResponseContext>.Descriptor.Order + 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ApplyTokenResponseContext context)
    {
        if (!string.IsNullOrEmpty(context.Response.Error) &&
            context.Transaction.GetHttpRequest()?.HttpContext.Response is { } response)
        {
            response.StatusCode = Microsoft.AspNetCore.Http.StatusCodes.Status400BadRequest;
            response.Headers.WWWAuthenticate = default;
        }
        return ValueTask.CompletedTask;
    }
}
