namespace Jukebox.Data.Entities;

/// <summary>
/// What Jukebox knows of a developer app beyond its OAuth registration (client id, hashed secret and
/// redirect URIs live in OpenIddict's application store under the same client id).
/// </summary>
public sealed class DeveloperApp
{
    public required string ClientId { get; set; }
    public required string OwnerId { get; set; }
    public required string Name { get; set; }
    public string Description { get; set; } = "";
    public string? Website { get; set; }

    /// <summary>development (allowlisted users only) or extended.</summary>
    public string QuotaMode { get; set; } = QuotaModes.Development;

    /// <summary>The regime of Spotify's Web API the app is served under (<see cref="ApiProfiles"/>).</summary>
    public string ApiProfile { get; set; } = ApiProfiles.Full;

    /// <summary>Whether response_type=token still works for this app (Spotify removed it in 2025).</summary>
    public bool AllowImplicitGrant { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset SecretRotatedAt { get; set; }

    public List<DeveloperAppUser> Users { get; set; } = [];
}

public static class QuotaModes
{
    public const string Development = "development";
    public const string Extended = "extended";

    /// <summary>How many users a development-mode app may list, as the Quota modes page says.</summary>
    public const int DevelopmentUserLimit = 25;
}

/// <summary>
/// The regimes Spotify's Web API has served apps under: everything the spec has; the restrictions of
/// 27 Nov 2024 for new apps; and development mode since Feb 2026, which adds its own to those.
/// </summary>
public static class ApiProfiles
{
    public const string Full = "full";
    public const string Restricted2024 = "restricted-2024";
    public const string Development2026 = "development-2026";

    public static readonly IReadOnlyList<string> All = [Full, Restricted2024, Development2026];

    /// <summary>How many users a development-2026 app may list (Spotify's limit since Feb 2026; 25 before).</summary>
    public const int Development2026UserLimit = 5;
}

/// <summary>A user on a development-mode app's allowlist.</summary>
public sealed class DeveloperAppUser
{
    public required string ClientId { get; set; }
    public required string UserId { get; set; }
    public DateTimeOffset AddedAt { get; set; }
}
