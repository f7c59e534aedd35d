namespace Jukebox.Accounts.Tokens;

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
