using System.Security.Claims;
using Jukebox.Accounts.Apps;
using Microsoft.AspNetCore;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Jukebox.Accounts.Authorization;

/// <summary>
/// Where Spotify's accounts service differs from OpenIddict's defaults, these handlers replace or
/// follow the library's own, each for one rule. Everything else (code generation and redemption,
/// PKCE verification, token formats, expiry) stays OpenIddict's.
/// </summary>
public static class SpotifyOpenIddictHandlers
{
    /// <summary>Claim (kept in codes and refresh tokens only) marking a grant obtained with PKCE.</summary>
    public const string PkceClaim = "jukebox_pkce";

    /// <summary>
    /// Replaces OpenIddict's exact redirect URI match with the Redirect URIs page's rules
    /// (<see cref="RedirectUriRules"/>): a loopback URI registered without a port accepts any port.
    /// </summary>
    public sealed class ValidateRedirectUri(IOpenIddictApplicationManager applications) : IOpenIddictServerHandler<ValidateAuthorizationRequestContext>
    {
        public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
            OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateAuthorizationRequestContext>()
                .UseScopedHandler<ValidateRedirectUri>()
                .SetOrder(OpenIddictServerHandlers.Authentication.ValidateClientRedirectUri.Descriptor.Order)
                .SetType(OpenIddictServerHandlerType.Custom)
                .Build();

        public async ValueTask HandleAsync(ValidateAuthorizationRequestContext context)
        {
            var application = await applications.FindByClientIdAsync(context.ClientId!);
            var registered = application is null ? [] : await applications.GetRedirectUrisAsync(application);
            if (string.IsNullOrEmpty(context.RedirectUri) || !RedirectUriRules.IsAllowed(registered, context.RedirectUri))
            {
                context.Reject(error: Errors.InvalidRequest, description: "Invalid redirect URI");
            }
        }
    }

    /// <summary>
    /// Spotify apps have a secret, yet the PKCE flow authenticates with client_id and code_verifier
    /// alone (and refreshes PKCE tokens the same way). OpenIddict ties "no secret" to public client
    /// types, so its two client-type/secret checks are replaced by this one: a secret, when sent, must
    /// be right; without one, only a code exchange carrying a code_verifier or a refresh may pass
    /// (the token endpoint then refuses refresh tokens that were not obtained with PKCE).
    /// </summary>
    public sealed class AuthenticateClient(IOpenIddictApplicationManager applications, VerifiedSecrets verified) : IOpenIddictServerHandler<ProcessAuthenticationContext>
    {
        public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
            OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessAuthenticationContext>()
                .UseScopedHandler<AuthenticateClient>()
                .SetOrder(OpenIddictServerHandlers.ValidateClientType.Descriptor.Order)
                .SetType(OpenIddictServerHandlerType.Custom)
                .Build();

        public async ValueTask HandleAsync(ProcessAuthenticationContext context)
        {
            if (context.EndpointType is not OpenIddictServerEndpointType.Token || string.IsNullOrEmpty(context.Request.ClientId))
            {
                return;
            }
            var application = await applications.FindByClientIdAsync(context.Request.ClientId);
            if (application is null)
            {
                context.Reject(error: Errors.InvalidClient, description: "Invalid client");
                return;
            }
            var secret = context.Request.ClientSecret;
            if (!string.IsNullOrEmpty(secret))
            {
                var clientId = context.Request.ClientId;
                if (verified.IsVerified(clientId, secret))
                {
                    return;
                }
                var generation = verified.Generation(clientId);
                if (!await applications.ValidateClientSecretAsync(application, secret))
                {
                    context.Reject(error: Errors.InvalidClient, description: "Invalid client secret");
                    return;
                }
                verified.Remember(clientId, secret, generation);
                return;
            }
            var pkceExchange = context.Request.IsAuthorizationCodeGrantType() && !string.IsNullOrEmpty(context.Request.CodeVerifier);
            if (!pkceExchange && !context.Request.IsRefreshTokenGrantType())
            {
                context.Reject(error: Errors.InvalidClient, description: "Invalid client secret");
            }
        }
    }

    /// <summary>
    /// PKCE refresh tokens are single use: each refresh returns a new one (rotation). Code-flow refresh
    /// tokens stay valid and no new one is returned, as Spotify does. Both keep the expiry of the
    /// original grant (sliding expiration is off).
    /// </summary>
    public sealed class RotatePkceRefreshTokens : IOpenIddictServerHandler<ProcessSignInContext>
    {
        public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
            OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessSignInContext>()
                .UseSingletonHandler<RotatePkceRefreshTokens>()
                .SetOrder(OpenIddictServerHandlers.EvaluateGeneratedTokens.Descriptor.Order + 1)
                .SetType(OpenIddictServerHandlerType.Custom)
                .Build();

        public ValueTask HandleAsync(ProcessSignInContext context)
        {
            if (context.Request.IsRefreshTokenGrantType())
            {
                var pkce = context.Principal?.HasClaim(c => c.Type == PkceClaim) == true;
                context.GenerateRefreshToken = pkce;
                context.IncludeRefreshToken = pkce;
            }
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>
    /// Refresh tokens need OpenIddict's offline_access scope, which Spotify grants implicitly and never
    /// names; it is kept out of the scope the client sees.
    /// </summary>
    public sealed class HideOfflineAccess : IOpenIddictServerHandler<ApplyTokenResponseContext>, IOpenIddictServerHandler<ApplyAuthorizationResponseContext>
    {
        public static OpenIddictServerHandlerDescriptor TokenDescriptor { get; } =
            OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyTokenResponseContext>()
                .UseSingletonHandler<HideOfflineAccess>()
                .SetOrder(int.MinValue + 50_000)
                .SetType(OpenIddictServerHandlerType.Custom)
                .Build();

        public static OpenIddictServerHandlerDescriptor AuthorizationDescriptor { get; } =
            OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyAuthorizationResponseContext>()
                .UseSingletonHandler<HideOfflineAccess>()
                .SetOrder(int.MinValue + 50_000)
                .SetType(OpenIddictServerHandlerType.Custom)
                .Build();

        public ValueTask HandleAsync(ApplyTokenResponseContext context)
        {
            Hide(context.Response);
            return ValueTask.CompletedTask;
        }

        public ValueTask HandleAsync(ApplyAuthorizationResponseContext context)
        {
            Hide(context.Response);
            // Spotify's authorization errors carry only error and state (e.g. ?error=access_denied&state=…).
            context.Response.ErrorDescription = null;
            context.Response.ErrorUri = null;
            return ValueTask.CompletedTask;
        }

        private static void Hide(OpenIddictResponse response)
        {
            if (response.Scope is { } scope)
            {
                response.Scope = string.Join(' ', scope.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(s => s != Scopes.OfflineAccess));
            }
        }
    }

    /// <summary>
    /// Spotify's token responses say <c>expires_in</c> 3600. OpenIddict works it out from the new token's
    /// expiry and the clock, which has moved on by a fraction of a second since, and rounds down to 3599
    /// about half the time; a new access token lives exactly the configured lifetime, so that is the answer.
    /// </summary>
    public sealed class WholeExpiresIn : IOpenIddictServerHandler<ApplyTokenResponseContext>, IOpenIddictServerHandler<ApplyAuthorizationResponseContext>
    {
        public static OpenIddictServerHandlerDescriptor TokenDescriptor { get; } =
            OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyTokenResponseContext>()
                .UseSingletonHandler<WholeExpiresIn>()
                .SetOrder(int.MinValue + 50_000)
                .SetType(OpenIddictServerHandlerType.Custom)
                .Build();

        public static OpenIddictServerHandlerDescriptor AuthorizationDescriptor { get; } =
            OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyAuthorizationResponseContext>()
                .UseSingletonHandler<WholeExpiresIn>()
                .SetOrder(int.MinValue + 50_000)
                .SetType(OpenIddictServerHandlerType.Custom)
                .Build();

        public ValueTask HandleAsync(ApplyTokenResponseContext context)
        {
            Round(context.Response, context.Options);
            return ValueTask.CompletedTask;
        }

        public ValueTask HandleAsync(ApplyAuthorizationResponseContext context)
        {
            Round(context.Response, context.Options);
            return ValueTask.CompletedTask;
        }

        private static void Round(OpenIddictResponse response, OpenIddictServerOptions options)
        {
            if (response.AccessToken is not null && response.ExpiresIn is not null && options.AccessTokenLifetime is { } lifetime)
            {
                response.ExpiresIn = (long)lifetime.TotalSeconds;
            }
        }
    }

    public static bool IsPkce(ClaimsPrincipal principal) => principal.HasClaim(c => c.Type == PkceClaim);
}
