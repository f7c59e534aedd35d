namespace Jukebox.Accounts.Apps;

/// <summary>
/// What a node remembers of access tokens it has validated (kept by the Web API, which validates
/// them); the Accounts service tells it when an app's tokens stop being valid.
/// </summary>
public interface IValidatedTokens
{
    /// <summary>Forgets every remembered token of the app.</summary>
    void Evict(string clientId);

    /// <summary>Forgets every remembered token.</summary>
    void EvictAll();
}
