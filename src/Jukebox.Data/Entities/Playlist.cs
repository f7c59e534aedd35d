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
    public int Position { get; set; }
    public string? TrackId { get; set; }
    public string? EpisodeId { get; set; }

    /// <summary><c>spotify:local:{artist}:{album}:{title}:{seconds}</c> for a local file.</summary>
    public string? LocalUri { get; set; }
    public DateTimeOffset AddedAt { get; set; }
    public string? AddedById { get; set; }
}
