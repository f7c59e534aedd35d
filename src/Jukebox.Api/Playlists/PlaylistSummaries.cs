using Jukebox.Api.Catalog;
using Jukebox.Api.Http;
using Jukebox.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Jukebox.Api.Playlists;

/// <summary>Reads playlists as the simplified objects that lists of playlists carry.</summary>
public sealed class PlaylistSummaries(CatalogStore store, PublicUrls urls, CoverImages covers)
{
    private sealed record Row(
        string Id, string Name, string? Description, bool Public, bool Collaborative, string SnapshotId,
        string OwnerId, string OwnerName, int Total, string? CoverAlbumIds, string? CustomImageKey, string? FirstTrackId);

    /// <summary>One page of <paramref name="query"/> (already in the wanted order) and its total.</summary>
    public async Task<(List<SimplifiedPlaylistObject> Items, int Total)> PageAsync(IQueryable<Playlist> query, Page page, CancellationToken ct)
    {
        var total = await query.CountAsync(ct);
        var rows = await query.Skip(page.Offset).Take(page.Limit).Select(p => new Row(
            p.Id, p.Name, p.Description, p.Public, p.Collaborative, p.SnapshotId, p.OwnerId, p.Owner!.DisplayName,
            p.ItemCount, p.CoverAlbumIds, p.CustomImageKey,
            // Only read for playlists whose cover albums were never computed (from before they were stored).
            p.CoverAlbumIds == null ? p.Items.OrderBy(i => i.Position).Select(i => i.TrackId).FirstOrDefault() : null)).ToListAsync(ct);
        var catalog = await store.GetAsync();
        return (rows.Select(r => ToObject(r, catalog)).ToList(), total);
    }

    private SimplifiedPlaylistObject ToObject(Row r, CatalogSnapshot catalog)
    {
        var tracksRef = new PlaylistTracksRefObject(urls.Api($"playlists/{r.Id}/tracks"), r.Total);
        var itemsRef = new PlaylistTracksRefObject(urls.Api($"playlists/{r.Id}/items"), r.Total);
        var coverAlbums = r.CoverAlbumIds
            ?? (r.FirstTrackId is not null && catalog.Tracks.TryGetValue(r.FirstTrackId, out var first) ? first.Album.Id : "");
        var owner = new PlaylistOwnerObject(urls.External("user", r.OwnerId), urls.Resource("users", r.OwnerId), r.OwnerId, "user",
            SpotifyIds.Uri("user", r.OwnerId), r.OwnerName);
        return new SimplifiedPlaylistObject(r.Collaborative, r.Description ?? "", urls.External("playlist", r.Id), urls.Resource("playlists", r.Id),
            r.Id, covers.ImagesOf(r.CustomImageKey, coverAlbums), r.Name, owner, r.Public, r.SnapshotId, itemsRef, tracksRef, "playlist",
            SpotifyIds.Uri("playlist", r.Id));
    }
}
