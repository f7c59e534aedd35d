using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace Jukebox.Api.Http;

/// <summary>The claims Jukebox puts in its access tokens.</summary>
public static class JukeboxClaims
{
    public const string Subject = "sub";
    public const string ClientId = "client_id";
    public const string Scope = "scope";

    /// <summary>The claim OpenIddict keeps granted scopes in inside its tokens.</summary>
    public const string GrantedScope = "oi_scp";
    public const string Country = "country";
    public const string Product = "product";

    /// <summary>"user" for tokens that act for a user, "client" for client-credentials tokens.</summary>
    public const string TokenKind = "jukebox_kind";
}

/// <summary>Who is calling: the app, and the user it acts for when the token has one.</summary>
public sealed record Caller(string ClientId, string? UserId, string? Country, string? Product, IReadOnlySet<string> Scopes)
{
    public bool IsUser => UserId is not null;

    public static Caller From(HttpContext context) =>
        context.Features.Get<Caller>() ?? FromPrincipal(context.User)
        ?? throw SpotifyException.Unauthorized(SpotifyErrors.NoToken);

    public static Caller? FromPrincipal(ClaimsPrincipal principal)
    {
        var clientId = principal.FindFirst(JukeboxClaims.ClientId)?.Value;
        if (clientId is null)
        {
            return null;
        }
        var isUser = principal.FindFirst(JukeboxClaims.TokenKind)?.Value == "user";
        var scopes = principal.FindAll(c => c.Type is JukeboxClaims.Scope or JukeboxClaims.GrantedScope)
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return new Caller(
            clientId,
            isUser ? principal.FindFirst(JukeboxClaims.Subject)?.Value : null,
            isUser ? principal.FindFirst(JukeboxClaims.Country)?.Value : null,
            isUser ? principal.FindFirst(JukeboxClaims.Product)?.Value : null,
            new HashSet<string>(scopes, StringComparer.Ordinal));
    }
}

/// <summary>The <c>market</c> a request asks for, resolved the way Spotify documents it.</summary>
public static class MarketParameter
{
    /// <summary>
    /// A user token's country wins over an explicit market; <c>from_token</c> means that country and
    /// needs a user token; anything else must be a known ISO 3166-1 alpha-2 code. Null means no market:
    /// objects then carry available_markets and nothing is relinked.
    /// </summary>
    public static string? Resolve(HttpContext context)
    {
        var requested = context.Request.Query["market"].ToString();
        var caller = Caller.From(context);
        if (requested.Length == 0)
        {
            return caller.Country;
        }
        if (requested == "from_token")
        {
            return caller.Country ?? throw SpotifyException.BadRequest("from_token requires a user access token");
        }
        if (requested.Length != 2 || !Jukebox.Data.Markets.IsKnown(requested.ToUpperInvariant()))
        {
            throw SpotifyException.BadRequest(SpotifyErrors.InvalidMarket);
        }
        return caller.Country ?? requested.ToUpperInvariant();
    }
}
