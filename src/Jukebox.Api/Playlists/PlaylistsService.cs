using System.Globalization;
using Jukebox.Api.Catalog;
using Jukebox.Api.Http;
using Jukebox.Api.Http.Policies;
using Jukebox.Api.Playlists.Order;
using Jukebox.Data;
using Jukebox.Data.Entities;
using Jukebox.Data.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Jukebox.Api.Playlists;

/// <summary>
/// Reading playlists and their items, listing a user's playlists, creating playlists, following
/// and unfollowing them. Changes to a playlist's contents and details are <see cref="PlaylistEditor"/>'s,
/// its covers <see cref="PlaylistCovers"/>'.
/// </summary>
public sealed class PlaylistsService(
    JukeboxDbContext db, OrderStore orders, PlaylistSummaries summaries, PlaylistCovers covers, PlaylistAccess access, CatalogStore store,
    CatalogObjects objects, TimeProvider clock, IEnumerable<IPlaylistChangeListener> listeners, ILogger<PlaylistsService> logger)
{
    private sealed record Header(
        string Id, string Name, string? Description, bool Public, bool Collaborative, string SnapshotId, string OwnerId, string OwnerName,
        int ItemCount, long Version, string? CoverAlbumIds, string? CustomImageKey, int Followers);

    /// <summary>What a page of items needs of the playlist's row.</summary>
    private sealed record Extent(string Id, int ItemCount, long Version);

    /// <summary>
    /// What a read of items returns: the market to relink to, whether the client takes episodes, and
    /// whether entries carry <c>item</c> next to <c>track</c> (the /items path).
    /// </summary>
    public sealed record ItemOptions(string? Market, bool Episodes, bool WithItem = false);

    public async Task<PlaylistObject> GetAsync(
        string playlistId, Caller caller, AppProfile profile, ItemOptions options, IEnumerable<KeyValuePair<string, string>> parameters, CancellationToken ct)
    {
        var header = await HeaderAsync(playlistId, ct);
        RequireVisible(header.OwnerId, profile);
        PagingObject<PlaylistTrackObject>? tracks = null, items = null;
        if (!ProfileTable.ItemsOnlyForMembers(profile) || await access.IsMemberAsync(new(header.Id, header.OwnerId, header.Public, header.Collaborative), caller, ct))
        {
            var page = new Page(100, 0);
            var extent = new Extent(header.Id, header.ItemCount, header.Version);
            var rows = await RowsAsync(extent, page, ct);
            tracks = await ItemsPageAsync(extent, page, rows, $"/v1/playlists/{header.Id}/tracks", parameters, options with { WithItem = false }, profile);
            // Both pages link to /tracks: the /items path takes at most 50 a page, so a link with 100 would fail.
            items = await ItemsPageAsync(extent, page, rows, $"/v1/playlists/{header.Id}/tracks", parameters, options with { WithItem = true }, profile);
        }
        var owner = Owner(header.OwnerId, header.OwnerName);
        return new PlaylistObject(header.Collaborative, header.Description ?? "", objects.Urls.External("playlist", header.Id),
            new FollowersObject(null, header.Followers), objects.Urls.Resource("playlists", header.Id), header.Id,
            await ImagesAsync(header, ct), header.Name, owner, header.Public, header.SnapshotId, items, tracks, "playlist",
            SpotifyIds.Uri("playlist", header.Id));
    }

    public async Task<PagingObject<PlaylistTrackObject>> ItemsAsync(
        string playlistId, Caller caller, AppProfile profile, Page page, PageLink link, ItemOptions options, CancellationToken ct)
    {
        SpotifyIds.Require(playlistId);
        var found = await db.Playlists.AsNoTracking().Where(p => p.Id == playlistId)
            .Select(p => new { Extent = new Extent(p.Id, p.ItemCount, p.Version), Ownership = new Ownership(p.Id, p.OwnerId, p.Public, p.Collaborative) })
            .FirstOrDefaultAsync(ct) ?? throw SpotifyException.NotFound(PlaylistErrors.NotFound);
        RequireVisible(found.Ownership.OwnerId, profile);
        if (ProfileTable.ItemsOnlyForMembers(profile) && !await access.IsMemberAsync(found.Ownership, caller, ct))
        {
            throw SpotifyException.Forbidden("Forbidden");
        }
        return await ItemsPageAsync(found.Extent, page, await RowsAsync(found.Extent, page, ct), link.Path, link.Parameters, options, profile);
    }

    /// <summary>Spotify-owned playlists do not exist for apps whose profile hides them.</summary>
    private static void RequireVisible(string ownerId, AppProfile profile)
    {
        if (ownerId == DemoCatalogGenerator.SpotifyUserId && ProfileTable.HidesSpotifyPlaylists(profile))
        {
            throw SpotifyException.NotFound(ProfileTable.HiddenPlaylist);
        }
    }

    public async Task<ImageObject[]> ImagesAsync(string playlistId, CancellationToken ct) =>
        [.. await ImagesAsync(await HeaderAsync(playlistId, ct), ct)];

    /// <summary>
    /// A user's playlists: those they follow (their own included, until they unfollow them), newest
    /// first, never others' collaborative ones. To another caller only the public ones on the user's
    /// profile; to the user, private ones with playlist-read-private and their collaborative ones with
    /// playlist-read-collaborative (the "Reading a Playlist" section of the concept page).
    /// </summary>
    public async Task<(List<SimplifiedPlaylistObject?> Items, int Total)> ListAsync(string userId, Caller caller, AppProfile profile, Page page, CancellationToken ct)
    {
        var (items, total) = await ListAsync(userId, caller, page, ct);
        // Spotify-owned playlists the profile hides stay in the page, as null.
        return ([.. items.Select(p => ProfileTable.HidesSpotifyPlaylists(profile) && p.Owner.Id == DemoCatalogGenerator.SpotifyUserId ? null : p)], total);
    }

    private async Task<(List<SimplifiedPlaylistObject> Items, int Total)> ListAsync(string userId, Caller caller, Page page, CancellationToken ct)
    {
        if (!await db.Users.AnyAsync(u => u.Id == userId, ct))
        {
            throw SpotifyException.NotFound(PlaylistErrors.NotFound);
        }
        var self = caller.UserId == userId;
        var readPrivate = self && ScopeTable.MayReadPrivatePlaylists(caller);
        var readCollaborative = self && ScopeTable.MayReadCollaborativePlaylists(caller);
        var query =
            from f in db.PlaylistFollows
            where f.UserId == userId
            join p in db.Playlists on f.PlaylistId equals p.Id
            where (!p.Collaborative && p.Public && f.Public)
                || (readPrivate && !p.Collaborative)
                || (readCollaborative && p.Collaborative && p.OwnerId == userId)
            orderby f.Id descending
            select p;
        return await summaries.PageAsync(query, page, ct);
    }

    /// <summary>A user creates playlists for themselves only (a 403 for another user's list).</summary>
    public static void RequireCreator(string? forUserId, Caller caller)
    {
        if (forUserId is not null && forUserId != caller.UserId)
        {
            throw SpotifyException.Forbidden(PlaylistErrors.OtherUser);
        }
    }

    /// <summary>Creates a playlist from details already checked (<see cref="PlaylistRequests.NewDetails"/>).</summary>
    public async Task<PlaylistObject> CreateAsync(Caller caller, PlaylistDetailsRequest request, CancellationToken ct)
    {
        var isPublic = request.Public ?? true;
        var collaborative = request.Collaborative ?? false;
        if (isPublic && collaborative)
        {
            throw SpotifyException.BadRequest(PlaylistErrors.PublicAndCollaborative);
        }
        // The scope follows the public flag; a collaborative playlist needs both (the spec's note).
        PlaylistAccess.RequireModifyScope(caller, isPublic);
        if (collaborative)
        {
            PlaylistAccess.RequireModifyScope(caller, true);
        }
        var id = Base62.RandomId();
        var now = clock.GetUtcNow();
        db.Playlists.Add(new Playlist
        {
            Id = id, OwnerId = caller.UserId!, Name = request.Name!, Description = request.Description, Public = isPublic,
            Collaborative = collaborative, SnapshotId = PlaylistSnapshots.IdOf(id, 0), CreatedAt = now, CoverAlbumIds = "",
            CoverDepth = int.MaxValue,
        });
        db.PlaylistFollows.Add(new PlaylistFollow { PlaylistId = id, UserId = caller.UserId!, Public = isPublic, FollowedAt = now });
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        await listeners.NotifyAsync(logger, id);
        // The caller owns it: every profile shows it whole.
        return await GetAsync(id, caller, AppProfile.Full, new ItemOptions(caller.Country, Episodes: true), [], ct);
    }

    /// <summary>Following adds the playlist to the user's list (again, for an owner who unfollowed it).</summary>
    public async Task FollowAsync(string playlistId, Caller caller, bool isPublic, CancellationToken ct)
    {
        PlaylistAccess.RequireModifyScope(caller, isPublic);
        await HeaderAsync(playlistId, ct);
        var updated = await db.PlaylistFollows.Where(f => f.PlaylistId == playlistId && f.UserId == caller.UserId)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.Public, isPublic), ct);
        if (updated > 0)
        {
            return;
        }
        db.PlaylistFollows.Add(new PlaylistFollow { PlaylistId = playlistId, UserId = caller.UserId!, Public = isPublic, FollowedAt = clock.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same user followed it at the same moment on another request: the follow exists.
            db.ChangeTracker.Clear();
            await db.PlaylistFollows.Where(f => f.PlaylistId == playlistId && f.UserId == caller.UserId)
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.Public, isPublic), ct);
        }
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// There is no delete: unfollowing removes the playlist from the user's list, even the owner's;
    /// other followers keep it.
    /// </summary>
    public async Task UnfollowAsync(string playlistId, Caller caller, CancellationToken ct)
    {
        var header = await HeaderAsync(playlistId, ct);
        var follow = await db.PlaylistFollows.AsNoTracking().FirstOrDefaultAsync(f => f.PlaylistId == playlistId && f.UserId == caller.UserId, ct);
        PlaylistAccess.RequireModifyScope(caller, header.Public && (follow?.Public ?? true));
        await db.PlaylistFollows.Where(f => f.PlaylistId == playlistId && f.UserId == caller.UserId).ExecuteDeleteAsync(ct);
    }

    /// <summary>
    /// Whether the user follows the playlist. A private follow shows only to that user, and only with
    /// playlist-read-private.
    /// </summary>
    public async Task<bool> FollowsAsync(string playlistId, string userId, Caller caller, CancellationToken ct)
    {
        await HeaderAsync(playlistId, ct);
        var follow = await db.PlaylistFollows.AsNoTracking().FirstOrDefaultAsync(f => f.PlaylistId == playlistId && f.UserId == userId, ct);
        return follow is not null && (follow.Public || (userId == caller.UserId && ScopeTable.MayReadPrivatePlaylists(caller)));
    }

    private async Task<Header> HeaderAsync(string playlistId, CancellationToken ct)
    {
        SpotifyIds.Require(playlistId);
        return await db.Playlists.AsNoTracking().Where(p => p.Id == playlistId)
            .Select(p => new Header(p.Id, p.Name, p.Description, p.Public, p.Collaborative, p.SnapshotId, p.OwnerId, p.Owner!.DisplayName,
                p.ItemCount, p.Version, p.CoverAlbumIds, p.CustomImageKey,
                db.PlaylistFollows.Count(f => f.PlaylistId == p.Id && f.UserId != p.OwnerId)))
            .FirstOrDefaultAsync(ct)
            ?? throw SpotifyException.NotFound(PlaylistErrors.NotFound);
    }

    private Task<IReadOnlyList<ImageObject>> ImagesAsync(Header header, CancellationToken ct) =>
        covers.ImagesAsync(header.Id, header.CustomImageKey, header.CoverAlbumIds, ct);

    /// <summary>
    /// The page's items, from this node's order of the playlist at the version the row was read at
    /// (read whole from the database when this node has not got that version): a page costs the
    /// database one lookup of the playlist's row.
    /// </summary>
    private async Task<List<PlaylistItemRow>> RowsAsync(Extent extent, Page page, CancellationToken ct)
    {
        if (page.Offset >= extent.ItemCount || page.Limit <= 0)
        {
            return [];
        }
        // The order read from the database is of a later version when the playlist changed since its row was read.
        var order = await orders.ReadAsync(extent.Id, extent.Version, extent.ItemCount, ct);
        return order.Rows(page.Offset, Math.Min(page.Limit, extent.ItemCount - page.Offset));
    }

    private async Task<PagingObject<PlaylistTrackObject>> ItemsPageAsync(
        Extent extent, Page page, List<PlaylistItemRow> rows, string path, IEnumerable<KeyValuePair<string, string>> parameters, ItemOptions options,
        AppProfile profile)
    {
        var catalog = await store.GetAsync();
        var encoded = EncodedObjects.Of(catalog);
        var items = new List<PlaylistTrackObject>(rows.Count);
        // A page's items were mostly added by one or a few users: each one's object is made once.
        var users = new Dictionary<string, PlaylistUserObject>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            items.Add(ItemObject(row, catalog, encoded, options, profile, users));
        }
        return page.ToPaging(objects.Urls, path, parameters, items, extent.ItemCount);
    }

    private PlaylistTrackObject ItemObject(
        PlaylistItemRow row, CatalogSnapshot catalog, EncodedObjects encoded, ItemOptions options, AppProfile profile,
        Dictionary<string, PlaylistUserObject> users)
    {
        object? item = row switch
        {
            // A page of 100 tracks is mostly their albums' market lists: each track's object is encoded once per market.
            { TrackId: { } trackId } when catalog.Tracks.TryGetValue(trackId, out var track) => encoded.GetOrAdd(trackId, options.Market, profile.Name,
                (objects, track, options.Market, profile), s => EncodedJson.Of(s.objects.Track(s.track, s.Market),
                    ProfileFields.For(SpotifyJsonContext.Default.TrackObject, s.profile))),
            { EpisodeId: { } episodeId } when options.Episodes && catalog.Episodes.TryGetValue(episodeId, out var episode) => objects.Episode(episode, options.Market),
            { LocalUri: { } localUri } => LocalFile.ObjectOf(localUri),
            _ => null,
        };
        PlaylistUserObject? addedBy = null;
        if (row.AddedById is { } userId && !users.TryGetValue(userId, out addedBy))
        {
            addedBy = new PlaylistUserObject(objects.Urls.External("user", userId), objects.Urls.Resource("users", userId), userId, "user", SpotifyIds.Uri("user", userId));
            users.Add(userId, addedBy);
        }
        return new PlaylistTrackObject(Timestamp(row.AddedAt), addedBy, row.LocalUri is not null, options.WithItem ? item : null, item);
    }

    private PlaylistOwnerObject Owner(string id, string displayName) =>
        new(objects.Urls.External("user", id), objects.Urls.Resource("users", id), id, "user", SpotifyIds.Uri("user", id), displayName);

    /// <summary>ISO 8601 in UTC to the second, as Spotify writes timestamps.</summary>
    private static string Timestamp(DateTimeOffset value) =>
        // The sortable standard format ("s") has a fast path that a custom format string has not; it lacks only the Z.
        string.Create(20, value.UtcDateTime, static (chars, utc) =>
        {
            utc.TryFormat(chars, out _, "s", CultureInfo.InvariantCulture);
            chars[^1] = 'Z';
        });
}
