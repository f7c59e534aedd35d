using Jukebox.Data.Entities;

namespace Jukebox.Api.Playlists.Order;

/// <summary>What a page of items shows of each: the item and who added it when.</summary>
public readonly record struct PlaylistItemRow(string? TrackId, string? EpisodeId, string? LocalUri, DateTimeOffset AddedAt, string? AddedById)
{
    public static PlaylistItemRow Of(PlaylistItem item) => new(item.TrackId, item.EpisodeId, item.LocalUri, item.AddedAt, item.AddedById);
}
