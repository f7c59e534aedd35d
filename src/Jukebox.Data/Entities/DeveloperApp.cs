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

/// <summary>A user on a development-mode app's allowlist.</summary>
public sealed class DeveloperAppUser
{
    public required string ClientId { get; set; }
    public required string UserId { get; set; }
    public DateTimeOffset AddedAt { get; set; }
}
