using System.Security.Claims;
using Jukebox.Api.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Microsoft.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Jukebox.Accounts.Tokens;

/// <summary>
/// POST /api/token. OpenIddict has already parsed the request and authenticated the client (HTTP
/// Basic or body credentials); this decides what the issued token says.
/// </summary>
public static class TokenEndpoint
{
    public static IResult Exchange(HttpContext context)
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
            return TypedResults.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        return TypedResults.Forbid(
            new Microsoft.AspNetCore.Authentication.AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.UnsupportedGrantType,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "grant_type parameter is invalid",
            }),
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }
}
