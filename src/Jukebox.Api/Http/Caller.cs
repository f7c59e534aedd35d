using System.Security.Claims;
using Jukebox.Accounts.Tokens;
using Microsoft.AspNetCore.Http;

namespace Jukebox.Api.Http;

/// <summary>Who is calling: the app, and the user it acts for when the token has one.</summary>
public sealed record Caller(string ClientId, string? UserId, string? Country, string? Product, IReadOnlySet<string> Scopes)
{
    public bool IsUser => UserId is not null;

    public static Caller From(HttpContext context) =>
        context.Features.Get<Caller>() ?? FromPrincipal(context.User)
        ?? throw SpotifyException.Unauthorized(SpotifyErrors.NoToken);

    /// <summary>Binds the caller as an endpoint parameter, so nothing below the endpoint reads the request.</summary>
    public static ValueTask<Caller?> BindAsync(HttpContext context) => ValueTask.FromResult<Caller?>(From(context));

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
