namespace Jukebox.Accounts;

public sealed class AccountsOptions
{
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Refresh tokens expire this long after the user's original authorization; refreshing does not extend it.</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(182);

    /// <summary>
    /// Token rows nobody can use any more (expired, redeemed, revoked) are deleted once they are this old
    /// (<see cref="Tokens.TokenPruning"/>); a replayed refresh token is recognised for as long. OpenIddict's default.
    /// </summary>
    public TimeSpan PruneTokensAfter { get; set; } = TimeSpan.FromDays(14);

    /// <summary>Whether response_type=token may be used at all (Spotify removed it on 27 Nov 2025); apps must also allow it.</summary>
    public bool AllowImplicitGrant { get; set; }

    /// <summary>Sign-in attempts (POST /login) one client address may make in a burst; after it, one more every <c>60 s / this</c>.</summary>
    public int SignInAttemptsPerMinute { get; set; } = 10;

    /// <summary>
    /// Failed sign-ins from one client address to one account name after which that client must wait
    /// before its next attempt on the name: first <see cref="FirstSignInWait"/>, doubling with each
    /// further failure up to <see cref="LongestSignInWait"/>. No account is ever locked for everyone.
    /// </summary>
    public int FailedSignInsBeforeWait { get; set; } = 5;
    public TimeSpan FirstSignInWait { get; set; } = TimeSpan.FromMinutes(1);
    public TimeSpan LongestSignInWait { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Entries of the per-node cache of validated access tokens; 0 turns the cache off, so every
    /// request validates its token (the benchmark measures that cost this way).</summary>
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

    /// <summary>extended lets every user use the demo app; development limits it to its allowlist.</summary>
    public string QuotaMode { get; set; } = Jukebox.Data.Entities.QuotaModes.Extended;
}
