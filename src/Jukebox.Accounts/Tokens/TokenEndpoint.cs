using System.Security.Claims;
using Jukebox.Accounts.Authorization;
using Jukebox.Data;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Jukebox.Accounts.Tokens;

/// <summary>
/// POST /api/token. OpenIddict has already parsed the request, authenticated the client and, for
/// codes and refresh tokens, validated them; this decides what the issued tokens say.
/// </summary>
public static class TokenEndpoint
{
    /// <summary>
    /// The largest token request body: many times a real one (a code or refresh token, a code verifier
    /// and a redirect URI are a few KB), so a larger one is refused (413) before it is read.
    /// </summary>
    public const long MaxBodyBytes = 64 * 1024;

    public static async Task<IResult> Exchange(
        HttpContext context, JukeboxDbContext db, IOpenIddictTokenManager tokens, IEnumerable<IExtensionGrant> extensions)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenIddict server request cannot be retrieved.");

        if (request.IsClientCredentialsGrantType())
        {
            // An app acting for itself: no user, no scopes, no refresh token.
            var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, request.ClientId);
            identity.SetClaim(JukeboxClaims.ClientId, request.ClientId);
            identity.SetClaim(JukeboxClaims.TokenKind, "client");
            identity.SetDestinations(_ => [Destinations.AccessToken]);
            return SignIn(new ClaimsPrincipal(identity));
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            var granted = result.Principal!;
            var refresh = request.IsRefreshTokenGrantType();
            var pkce = SpotifyOpenIddictHandlers.IsPkce(granted);
            if (refresh && !pkce && string.IsNullOrEmpty(request.ClientSecret))
            {
                return Reject(Errors.InvalidClient, "Invalid client secret");
            }
            var user = await db.Users.FindAsync([granted.GetClaim(Claims.Subject)], context.RequestAborted);
            if (user is null)
            {
                return Reject(Errors.InvalidGrant, refresh ? "Invalid refresh token" : "Invalid authorization code");
            }
            if (refresh && pkce && !await RedeemAsync(tokens, granted, context.RequestAborted))
            {
                return Reject(Errors.InvalidGrant, "Invalid refresh token");
            }
            return SignIn(UserPrincipals.Create(user, request.ClientId!, granted.GetScopes(), pkce));
        }

        if (extensions.FirstOrDefault(e => e.GrantType == request.GrantType && e.IsEnabled) is { } extension)
        {
            var issued = await extension.IssueAsync(request, context.RequestAborted);
            return issued.Principal is { } principal ? SignIn(principal) : Reject(issued.Error!, issued.Description!);
        }

        return Reject(Errors.UnsupportedGrantType, "grant_type parameter is invalid");
    }

    /// <summary>
    /// PKCE refresh tokens rotate: the one just used is marked redeemed, so that using it again is
    /// seen as a replay (<see cref="RevokeReplayedFamilies"/>). Of concurrent refreshes with one token
    /// only one can redeem it: the entry was read when the token was validated, and the update only
    /// succeeds while its concurrency token is still the one read.
    /// </summary>
    private static async Task<bool> RedeemAsync(IOpenIddictTokenManager tokens, ClaimsPrincipal granted, CancellationToken ct) =>
        granted.GetTokenId() is { } id &&
        await tokens.FindByIdAsync(id, ct) is { } used &&
        await tokens.HasStatusAsync(used, Statuses.Valid, ct) &&
        await tokens.TryRedeemAsync(used, ct);

    private static IResult SignIn(ClaimsPrincipal principal) =>
        TypedResults.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);

    private static IResult Reject(string error, string description) =>
        TypedResults.Forbid(
            new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
            }),
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
