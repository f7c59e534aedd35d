namespace Jukebox.Accounts.Apps;

/// <summary>
/// What a node remembers of access tokens it has validated (kept by the Web API, which validates
/// them); the Accounts service tells it when tokens stop being valid.
/// </summary>
public interface IValidatedTokens
{
    /// <summary>Forgets every remembered token of the app.</summary>
    void Evict(string clientId);

    /// <summary>
    /// Forgets every remembered token issued under the authorization (a token family), and remembers
    /// for as long as such a token can live that none may be remembered again: a validation that read
    /// the token's entry just before it was revoked must not cache it after.
    /// </summary>
    void EvictFamily(string authorizationId);

    /// <summary>Forgets every remembered token (revocations may have been missed).</summary>
    void EvictAll();
}
