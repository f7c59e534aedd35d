using Jukebox.Api.Catalog;
using Jukebox.Api.Http;
using Jukebox.Data;
using Jukebox.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Jukebox.Api.Playlists;

/// <summary>
/// Which images a playlist shows (see <see cref="CoverImages"/> for what they are): the albums of its
/// first tracks, kept on its row (<see cref="Playlist.CoverAlbumIds"/>) and refreshed by each change
/// that reaches the items that decided them, or a cover its owner uploaded.
/// </summary>
public sealed class PlaylistCovers(
    JukeboxDbContext db, CatalogStore store, CoverImages images, PlaylistAccess access, TimeProvider clock)
{
    /// <summary>
    /// The playlist's cover albums after <paramref name="change"/>, or null when the change left them
    /// as they were. Called inside the change's transaction: the change's rows are written first, so
    /// the albums are read from the items as changed.
    /// </summary>
    public async Task<CoverAlbums?> RefreshAsync(LockedPlaylist playlist, PlaylistChange change, CancellationToken ct)
    {
        if (playlist.CoverAlbumIds is not null && FirstIndexTouched(change) >= playlist.CoverDepth)
        {
            return null;
        }
        await db.SaveChangesAsync(ct);
        var catalog = await store.GetAsync();
        var albums = AlbumsOf(await FirstTrackIdsAsync(playlist.Id, catalog, ct), catalog, out var depth);
        return new CoverAlbums(albums, depth);
    }

    /// <summary>The playlist's images from its row's cover fields.</summary>
    public async Task<IReadOnlyList<ImageObject>> ImagesAsync(string playlistId, string? customImageKey, string? coverAlbumIds, CancellationToken ct)
    {
        if (coverAlbumIds is null && customImageKey is null)
        {
            // Not computed yet (a playlist from before covers were stored): computed now, kept at the next change.
            var catalog = await store.GetAsync();
            coverAlbumIds = AlbumsOf(await FirstTrackIdsAsync(playlistId, catalog, ct), catalog, out _);
        }
        return images.ImagesOf(customImageKey, coverAlbumIds);
    }

    /// <summary>Stores an uploaded cover (<paramref name="base64"/> JPEG text); it replaces the generated one.</summary>
    public async Task UploadAsync(string playlistId, Caller caller, string base64, CancellationToken ct)
    {
        SpotifyIds.Require(playlistId);
        var playlist = await db.Playlists.AsNoTracking().Where(p => p.Id == playlistId)
            .Select(p => (Ownership?)new Ownership(p.Id, p.OwnerId, p.Public, p.Collaborative)).FirstOrDefaultAsync(ct)
            ?? throw SpotifyException.NotFound(PlaylistErrors.NotFound);
        await access.RequireAsync(playlist, caller, new AccessRule(Editors.Owner, PlaylistErrors.NotOwnerImage), ct);
        var jpeg = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64.Trim(), jpeg, out var length) || !CoverImages.IsJpeg(jpeg[..length]))
        {
            throw SpotifyException.BadRequest(PlaylistErrors.ImageNotJpeg);
        }
        var key = Base62.RandomId();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.PlaylistImages.Where(i => i.PlaylistId == playlistId).ExecuteDeleteAsync(ct);
        db.PlaylistImages.Add(new PlaylistImage { Key = key, PlaylistId = playlistId, Jpeg = jpeg[..length], UploadedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(ct);
        await db.Playlists.Where(p => p.Id == playlistId).ExecuteUpdateAsync(s => s.SetProperty(p => p.CustomImageKey, key), ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// The first (up to four) distinct albums of <paramref name="trackIds"/> (the items' tracks in
    /// order, null for other items), as stored, and how many leading items decided them: up to the
    /// first item of the fourth album, or <see cref="int.MaxValue"/> while there are fewer (any
    /// change may then add one).
    /// </summary>
    public static string AlbumsOf(IEnumerable<string?> trackIds, CatalogSnapshot catalog, out int depth) =>
        AlbumsOf(trackIds, id => catalog.Tracks.TryGetValue(id, out var track) ? track.Album.Id : null, out depth);

    /// <inheritdoc cref="AlbumsOf(IEnumerable{string?}, CatalogSnapshot, out int)"/>
    /// <param name="albumOf">The album of a track id, or null for a track not in the catalog.</param>
    public static string AlbumsOf(IEnumerable<string?> trackIds, Func<string, string?> albumOf, out int depth)
    {
        var albums = new List<string>(CoverImages.MaxAlbums);
        depth = int.MaxValue;
        var index = 0;
        foreach (var trackId in trackIds)
        {
            index++;
            if (trackId is not null && albumOf(trackId) is { } album && !albums.Contains(album))
            {
                albums.Add(album);
                if (albums.Count == CoverImages.MaxAlbums)
                {
                    depth = index;
                    break;
                }
            }
        }
        return string.Join(',', albums);
    }

    /// <summary>The first index (before the change) whose item the change added, removed or moved; int.MaxValue for none.</summary>
    private static int FirstIndexTouched(PlaylistChange change) => change.Kind switch
    {
        PlaylistChangeKind.Insert => change.Index,
        PlaylistChangeKind.Remove => IndexRanges.Parse(change.Indices).DefaultIfEmpty(int.MaxValue).Min(),
        PlaylistChangeKind.Move => Math.Min(change.Index, IndexRanges.Parse(change.Indices).DefaultIfEmpty(int.MaxValue).Min()),
        PlaylistChangeKind.Replace => 0,
        _ => int.MaxValue,
    };

    /// <summary>
    /// The ids of the first tracks in order, in growing chunks, until they decide the cover or the
    /// playlist ends.
    /// </summary>
    private async Task<List<string?>> FirstTrackIdsAsync(string playlistId, CatalogSnapshot catalog, CancellationToken ct)
    {
        var ids = new List<string?>();
        var chunk = 100;
        while (true)
        {
            var next = await db.PlaylistItems.Where(i => i.PlaylistId == playlistId).OrderBy(i => i.Position)
                .Skip(ids.Count).Take(chunk).Select(i => i.TrackId).ToListAsync(ct);
            ids.AddRange(next);
            AlbumsOf(ids, catalog, out var depth);
            if (next.Count < chunk || depth != int.MaxValue)
            {
                return ids;
            }
            chunk *= 10;
        }
    }
}

/// <summary>The albums a playlist's cover shows and how many leading items decided them (see <see cref="PlaylistCovers.AlbumsOf"/>).</summary>
public sealed record CoverAlbums(string AlbumIds, int Depth);
