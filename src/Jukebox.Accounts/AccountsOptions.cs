namespace Jukebox.Accounts;

public sealed class AccountsOptions
{
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a validated access token is remembered, so most requests skip decryption.</summary>
    public int ValidatedTokenCacheSize { get; set; } = 100_000;
}

/// <summary>The demo developer app and user the server creates so that it is usable at once.</summary>
public sealed class DemoOptions
{
    public bool Enabled { get; set; } = true;
    public string AppName { get; set; } = "Jukebox Demo App";
    public string ClientId { get; set; } = "";
    public string ClientSecret { get; set; } = "";
    public string RedirectUri { get; set; } = "http://127.0.0.1:8888/callback";
    public string UserId { get; set; } = "jukebox-demo";
    public string UserDisplayName { get; set; } = "Jukebox Demo";
    public string UserEmail { get; set; } = "demo@jukebox.local";
    public string UserPassword { get; set; } = "";
    public string UserCountry { get; set; } = "US";
}
