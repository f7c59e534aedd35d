using System.Security.Claims;
using Jukebox.Accounts.Authorization;
using Jukebox.Data.Entities;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Jukebox.Accounts.Tokens;

/// <summary>The claims of a token that acts for a user, built the same way by every grant.</summary>
public static class UserPrincipals
{
    public static ClaimsPrincipal Create(User user, string clientId, IEnumerable<string> scopes, bool pkce)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Id);
        identity.SetClaim(Claims.Name, user.DisplayName);
        identity.SetClaim(JukeboxClaims.ClientId, clientId);
        identity.SetClaim(JukeboxClaims.TokenKind, "user");
        identity.SetClaim(JukeboxClaims.Country, user.Country);
        identity.SetClaim(JukeboxClaims.Product, user.Product);
        if (pkce)
        {
            identity.SetClaim(SpotifyOpenIddictHandlers.PkceClaim, "true");
        }
        // Spotify always returns a refresh token with a user grant; OpenIddict needs offline_access for that.
        identity.SetScopes(scopes.Where(s => s != OpenIddictConstants.Scopes.OfflineAccess).Append(OpenIddictConstants.Scopes.OfflineAccess).Distinct());
        identity.SetDestinations(claim => claim.Type switch
        {
            Claims.Subject or JukeboxClaims.ClientId or JukeboxClaims.TokenKind or JukeboxClaims.Country or JukeboxClaims.Product
                => [Destinations.AccessToken],
            _ => [],
        });
        return new ClaimsPrincipal(identity);
    }
}
