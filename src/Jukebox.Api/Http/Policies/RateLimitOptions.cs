namespace Jukebox.Api.Http.Policies;

/// <summary>
/// Spotify's rate limit (the Rate Limits page): requests per app counted over a rolling 30-second
/// window, with a lower limit for apps in development mode than in extended quota mode, and custom
/// limits for a few endpoints. Spotify does not publish its numbers; these defaults are Jukebox's.
/// </summary>
public sealed class RateLimitOptions
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(30);

    public bool Enabled { get; set; } = true;

    /// <summary>Requests per rolling 30 s for an app in development mode.</summary>
    public int DevelopmentModeLimit { get; set; } = 300;

    /// <summary>Requests per rolling 30 s for an app in extended quota mode.</summary>
    public int ExtendedQuotaLimit { get; set; } = 6000;

    /// <summary>
    /// Requests per UTC day of one developer account (all its apps together) that are in development
    /// mode under the development-2026 profile; beyond it, 429 with the reason QUOTA_EXCEEDED, as Spotify
    /// answers since 2026. Spotify publishes no figure: 0, the default, turns the quota off.
    /// </summary>
    public long DevelopmentDailyQuota { get; set; }

    /// <summary>
    /// Custom limits per endpoint and app, in requests per rolling 30 s, keyed "METHOD /route" as in
    /// the scope table. They apply on top of the app-wide limit.
    /// </summary>
    public Dictionary<string, int> Endpoints { get; set; } = new(StringComparer.Ordinal)
    {
        ["PUT /playlists/{playlist_id}/images"] = 20,
    };
}
