using Jukebox.Data.Entities;

namespace Jukebox.Data.Seeding;

/// <summary>Entities produced by a generator, saved together.</summary>
public sealed class CatalogBatch
{
    public List<Artist> Artists { get; } = [];
    public List<Album> Albums { get; } = [];
    public List<Show> Shows { get; } = [];
    public List<Audiobook> Audiobooks { get; } = [];
    public List<User> Users { get; } = [];
    public List<Playlist> Playlists { get; } = [];
    public List<PlaylistFollow> PlaylistFollows { get; } = [];
    public List<Category> Categories { get; } = [];

    public int TrackCount => Albums.Sum(a => a.Tracks.Count);

    /// <summary>Every entity of the batch that no other holds (the rest hang from their collections).</summary>
    public IEnumerable<object> Roots =>
        [.. Users, .. Artists, .. Albums, .. Shows, .. Audiobooks, .. Playlists, .. PlaylistFollows, .. Categories];
}
