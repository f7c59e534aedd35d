namespace Jukebox.Data.Entities;

public sealed class Playlist
{
    public required string Id { get; set; }
    public required string OwnerId { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public bool Public { get; set; } = true;
    public bool Collaborative { get; set; }
    public required string SnapshotId { get; set; }

    /// <summary>
    /// How many changes the playlist has had (0 when created). Every change increments it inside its
    /// transaction, which also serialises concurrent writers on the playlist's row.
    /// </summary>
    public long Version { get; set; }

    /// <summary>The number of items, kept with every change so pages and lists need no count.</summary>
    public int ItemCount { get; set; }

    /// <summary>
    /// The first (up to four) distinct albums of the playlist's tracks in order, comma-separated: what
    /// its generated cover shows. Empty for a playlist without tracks; null when not computed yet.
    /// </summary>
    public string? CoverAlbumIds { get; set; }

    /// <summary>
    /// How many leading items decide <see cref="CoverAlbumIds"/> (up to the first item of the fourth
    /// album; every item while there are fewer): a change after them leaves the cover as it is.
    /// </summary>
    public int CoverDepth { get; set; }

    /// <summary>The key of the uploaded cover (<see cref="PlaylistImage"/>), or null for the generated one.</summary>
    public string? CustomImageKey { get; set; }

    /// <summary>Position among the featured (editorial) playlists, or null when not featured.</summary>
    public int? FeaturedPosition { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public User? Owner { get; set; }
    public List<PlaylistItem> Items { get; set; } = [];
}

/// <summary>One entry of a playlist: a catalog track, an episode, or a local file.</summary>
public sealed class PlaylistItem
{
    public long Id { get; set; }
    public required string PlaylistId { get; set; }

    /// <summary>
    /// The sort key of the item in its playlist: items are ordered by it, and an item's index is the
    /// number of items with a smaller key. Keys are unique within a playlist and spaced apart, so an
    /// insert or a move writes only the rows it moves (see the Api's Playlists/Order/SortKeys).
    /// </summary>
    public long Position { get; set; }
    public string? TrackId { get; set; }
    public string? EpisodeId { get; set; }

    /// <summary><c>spotify:local:{artist}:{album}:{title}:{seconds}</c> for a local file.</summary>
    public string? LocalUri { get; set; }
    public DateTimeOffset AddedAt { get; set; }
    public string? AddedById { get; set; }

    /// <summary>The playlist version whose change added the item.</summary>
    public long AddedInVersion { get; set; }
}

/// <summary>A user following a playlist; the owner follows their own playlist until they unfollow it.</summary>
public sealed class PlaylistFollow
{
    /// <summary>Increasing with every follow: the user's list of playlists shows the newest first.</summary>
    public long Id { get; set; }
    public required string PlaylistId { get; set; }
    public required string UserId { get; set; }

    /// <summary>Whether the playlist shows on the follower's public profile.</summary>
    public bool Public { get; set; } = true;
    public DateTimeOffset FollowedAt { get; set; }
}

/// <summary>
/// One entry of a playlist's change log: what change <see cref="Version"/> did to the positions of
/// the items, so that a change made against an older snapshot can be translated to the latest one.
/// </summary>
public sealed class PlaylistChange
{
    public required string PlaylistId { get; set; }

    /// <summary>The version this change produced (the playlist's version before it, plus one).</summary>
    public long Version { get; set; }
    public PlaylistChangeKind Kind { get; set; }

    /// <summary>Insert: the index the items went in at. Move: the gap the moved items went to.</summary>
    public int Index { get; set; }

    /// <summary>Insert: how many items went in.</summary>
    public int Count { get; set; }

    /// <summary>Remove and Move: the indices concerned, before the change, as ranges ("0-3,7").</summary>
    public string? Indices { get; set; }
    public int ItemCountAfter { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
    public string? UserId { get; set; }
}

public enum PlaylistChangeKind
{
    /// <summary>Name, description or flags: no item moved.</summary>
    Details = 0,
    Insert = 1,
    Remove = 2,
    Move = 3,

    /// <summary>Every item was replaced by new ones.</summary>
    Replace = 4,
}

/// <summary>A cover uploaded for a playlist (the JPEG as sent); a new upload gets a new key.</summary>
public sealed class PlaylistImage
{
    public required string Key { get; set; }
    public required string PlaylistId { get; set; }
    public required byte[] Jpeg { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
}
