namespace Jukebox.Data.Entities;

/// <summary>
/// A track, album, episode, show or audiobook in a user's library ("Your Music"). One table for the
/// five kinds: the catalog is read-only through the API, so the API checks an item exists (in the
/// catalog snapshot) before saving it instead of a foreign key per kind.
/// </summary>
public sealed class SavedItem
{
    /// <summary>Insertion order: breaks ties between items saved at the same instant (newest first).</summary>
    public long Id { get; set; }
    public required string UserId { get; set; }

    /// <summary>track, album, episode, show or audiobook, as in the item's Spotify URI.</summary>
    public required string ItemType { get; set; }
    public required string ItemId { get; set; }
    public DateTimeOffset AddedAt { get; set; }
}

/// <summary>A user following an artist.</summary>
public sealed class ArtistFollow
{
    public required string UserId { get; set; }
    public required string ArtistId { get; set; }
    public DateTimeOffset FollowedAt { get; set; }
}

/// <summary>A user following another user.</summary>
public sealed class UserFollow
{
    public required string FollowerId { get; set; }
    public required string FolloweeId { get; set; }
    public DateTimeOffset FollowedAt { get; set; }
}
