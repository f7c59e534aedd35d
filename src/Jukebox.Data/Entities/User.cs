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

    /// <summary>Unused: failed sign-ins are counted per client address in memory (Accounts' SignInThrottle),
    /// so that nobody can lock another user out. Kept until a migration drops them.</summary>
    public int FailedSignIns { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
}
