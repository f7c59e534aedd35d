namespace Jukebox.Data.Entities;

public sealed class User
{
    /// <summary>The public user id that appears in URIs (<c>spotify:user:{id}</c>).</summary>
    public required string Id { get; set; }
    public required string DisplayName { get; set; }
    public string? Email { get; set; }
    public string? NormalizedEmail { get; set; }
    public required string Country { get; set; }

    /// <summary>premium, free or open, as Spotify names the subscription level.</summary>
    public required string Product { get; set; }
    public string? PasswordHash { get; set; }
    public bool ExplicitFilterEnabled { get; set; }
    public bool ExplicitFilterLocked { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Failed sign-ins since the last success; reaching the limit locks the account for a while.</summary>
    public int FailedSignIns { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
}
