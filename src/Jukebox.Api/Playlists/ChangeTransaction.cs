using Jukebox.Api.Http;
using Jukebox.Api.Playlists.Order;
using Jukebox.Data;
using Jukebox.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Jukebox.Api.Playlists;

/// <summary>The playlist's row as a change found it, once locked; <see cref="Version"/> is the change's new version.</summary>
public sealed record LockedPlaylist(
    string Id, string OwnerId, bool Public, bool Collaborative, long Version, int ItemCount, string SnapshotId, string? CoverAlbumIds, int CoverDepth)
{
    public long PreviousVersion => Version - 1;

    public Ownership ToOwnership() => new(Id, OwnerId, Public, Collaborative);
}

/// <summary>
/// The transaction every change to a playlist runs in (see <see cref="PlaylistSnapshots"/> for what
/// the versions mean). It locks the playlist's row, checks the caller (<see cref="PlaylistAccess"/>),
/// lets the edit decide on the latest state (<see cref="PlaylistEdits"/>), writes what it decided with
/// its log entry, the playlist's new snapshot id, item count and cover, commits, hands the order it
/// leaves to the next change on this node and tells the listeners. A request that fails changes nothing.
/// </summary>
public sealed class ChangeTransaction(
    JukeboxDbContext db, OrderStore orders, PlaylistAccess access, PlaylistCovers covers, TimeProvider clock,
    IEnumerable<IPlaylistChangeListener> listeners, ILogger<ChangeTransaction> logger)
{
    /// <summary>Runs <paramref name="edit"/> on the locked playlist and returns the new snapshot id.</summary>
    public async Task<string> RunAsync(string playlistId, Caller caller, AccessRule rule, Func<LockedPlaylist, Task<Edit>> edit, CancellationToken ct)
    {
        SpotifyIds.Require(playlistId);
        string snapshotId;
        ChunkedOrder? kept;
        OrderCache.Handoff handoff;
        // The transaction is the savepoint: a failure rolls everything back, so SaveChanges needs none of its own.
        db.Database.AutoSavepointsEnabled = false;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            var playlist = await LockAsync(playlistId, ct);
            await access.RequireAsync(playlist.ToOwnership(), caller, rule, ct);
            var decided = await edit(playlist);
            var added = await WriteAsync(playlist, decided, ct);

            var change = decided.Change;
            change.PlaylistId = playlist.Id;
            change.Version = playlist.Version;
            change.ChangedAt = clock.GetUtcNow();
            change.UserId = caller.UserId;
            db.PlaylistChanges.Add(change);
            snapshotId = PlaylistSnapshots.IdOf(playlistId, playlist.Version);
            var cover = await covers.RefreshAsync(playlist, change, ct);
            UpdateRow(playlist, snapshotId, change.ItemCountAfter, cover);
            await db.SaveChangesAsync(ct);

            // The order the change leaves is kept only once it commits: until then its version may never exist.
            kept = decided.OrderAfter is { } orderAfter
                ? orderAfter([.. added.Select(i => i.Id)]).WithVersion(playlist.Version)
                : orders.CarriedOver(playlistId, playlist.PreviousVersion, playlist.Version);
            handoff = orders.Expect(playlistId, playlist.Version);
            try
            {
                await transaction.CommitAsync(ct);
            }
            catch
            {
                // Nothing to hand over: a change waiting for this one reads the playlist.
                handoff.Complete(null);
                throw;
            }
        }
        handoff.Complete(kept);
        db.ChangeTracker.Clear();
        await listeners.NotifyAsync(logger, playlistId);
        return snapshotId;
    }

    /// <summary>
    /// Takes the row lock first: concurrent changes to this playlist wait here, on every node (the
    /// PostgreSQL row lock, SQLite's write lock). The same statement returns the row as locked.
    /// </summary>
    private async Task<LockedPlaylist> LockAsync(string playlistId, CancellationToken ct)
    {
        var locked = await db.Database.SqlQuery<LockedPlaylist>($"""
            UPDATE "Playlists" SET "Version" = "Version" + 1 WHERE "Id" = {playlistId}
            RETURNING "Id", "OwnerId", "Public", "Collaborative", "Version", "ItemCount", "SnapshotId", "CoverAlbumIds", "CoverDepth"
            """).ToListAsync(ct);
        return locked.Count == 1 ? locked[0] : throw SpotifyException.NotFound(PlaylistErrors.NotFound);
    }

    /// <summary>
    /// Writes the edit: statements that cannot wait run now, rows are queued on the context for the
    /// change's one SaveChanges. Returns the added items, which have their ids once saved.
    /// </summary>
    private async Task<List<PlaylistItem>> WriteAsync(LockedPlaylist playlist, Edit edit, CancellationToken ct)
    {
        if (edit.Details is { } details)
        {
            await db.Playlists.Where(p => p.Id == playlist.Id).ExecuteUpdateAsync(s => s
                .SetProperty(p => p.Name, p => details.Name ?? p.Name)
                .SetProperty(p => p.Description, p => details.Description ?? p.Description)
                .SetProperty(p => p.Public, details.Public)
                .SetProperty(p => p.Collaborative, details.Collaborative), ct);
            // The owner's own follow carries the playlist onto (or off) their public profile.
            await db.PlaylistFollows.Where(f => f.PlaylistId == playlist.Id && f.UserId == playlist.OwnerId)
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.Public, details.Public), ct);
        }
        if (edit.RemovesAll)
        {
            await db.PlaylistItems.Where(i => i.PlaylistId == playlist.Id).ExecuteDeleteAsync(ct);
        }
        if (edit.Renumbers)
        {
            await orders.RenumberAsync(playlist.Id, ct);
        }
        foreach (var rekey in edit.Rekeyed)
        {
            var item = new PlaylistItem { Id = rekey.Id, PlaylistId = playlist.Id, Position = rekey.From };
            db.PlaylistItems.Attach(item);
            item.Position = rekey.To;
        }
        foreach (var id in edit.Removed)
        {
            db.PlaylistItems.Remove(new PlaylistItem { Id = id, PlaylistId = playlist.Id });
        }
        var added = new List<PlaylistItem>(edit.Added.Count);
        foreach (var (row, key) in edit.Added)
        {
            var item = new PlaylistItem
            {
                PlaylistId = playlist.Id,
                Position = key,
                TrackId = row.TrackId,
                EpisodeId = row.EpisodeId,
                AddedAt = row.AddedAt,
                AddedById = row.AddedById,
                AddedInVersion = playlist.Version,
            };
            db.PlaylistItems.Add(item);
            added.Add(item);
        }
        return added;
    }

    /// <summary>The playlist's new state, saved with the change's rows in one SaveChanges (one batch of statements).</summary>
    private void UpdateRow(LockedPlaylist playlist, string snapshotId, int itemCount, CoverAlbums? cover)
    {
        var row = new Playlist { Id = playlist.Id, OwnerId = playlist.OwnerId, Name = "", SnapshotId = playlist.SnapshotId };
        db.Playlists.Attach(row);
        var entry = db.Entry(row);
        entry.Property(p => p.SnapshotId).CurrentValue = snapshotId;
        entry.Property(p => p.SnapshotId).IsModified = true;
        entry.Property(p => p.ItemCount).CurrentValue = itemCount;
        entry.Property(p => p.ItemCount).IsModified = true;
        if (cover is not null)
        {
            entry.Property(p => p.CoverAlbumIds).CurrentValue = cover.AlbumIds;
            entry.Property(p => p.CoverAlbumIds).IsModified = true;
            entry.Property(p => p.CoverDepth).CurrentValue = cover.Depth;
            entry.Property(p => p.CoverDepth).IsModified = true;
        }
    }
}
