using Jukebox.Api.Catalog;
using Jukebox.Api.Http;
using Jukebox.Api.Playlists;
using Jukebox.Data;
using Jukebox.Data.Entities;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Jukebox.Sandbox.Catalog;

/// <summary>
/// Editorial playlists as fixtures: owned by Spotify's user (made with the first one when the catalog
/// has none), public, with their entries. Like the demo catalog's they are catalog, not user data: a
/// sandbox reset keeps them, and only they can be a category's playlists. Every change is a new
/// version of the playlist with its log entry, so snapshot ids held by clients stay meaningful; a
/// <c>snapshot_id</c> in the body becomes the playlist's (so a saved response comes back as it was).
/// A replace without entries keeps the stored ones. Users' playlists are not changed here (404).
/// </summary>
public sealed class PlaylistFixtures(
    CatalogChanges changes, TimeProvider clock, IEnumerable<IPlaylistChangeListener> listeners, ILogger<PlaylistFixtures> logger)
{
    /// <summary>
    /// Playlists are read from the database, not the catalog snapshot, which stays as it is; the playlist
    /// search index follows through the listeners.
    /// </summary>
    private static readonly CatalogChange NothingInTheSnapshot = new();

    public async Task<string> CreateAsync(PlaylistFixture body, CancellationToken ct)
    {
        var id = FixtureRules.IdOrNew(body.Id);
        var playlist = PlaylistRows.From(body, id);
        var now = clock.GetUtcNow();
        var rows = PlaylistRows.Entries(id, PlaylistRows.EntriesOf(body) ?? [], 0, now);
        await changes.CommitAsync(NothingInTheSnapshot, async (db, token) =>
        {
            if (await db.Playlists.AnyAsync(p => p.Id == id, token))
            {
                throw new SpotifyException(StatusCodes.Status409Conflict, $"A playlist with id {id} exists");
            }
            await PlaylistRows.RequireEntriesAsync(db, rows, token);
            await PlaylistRows.EnsureOwnerAsync(db, token);
            await PlaylistRows.SetCoverAsync(db, playlist, rows, token);
            if (playlist.SnapshotId.Length == 0)
            {
                playlist.SnapshotId = PlaylistSnapshots.IdOf(id, 0);
            }
            playlist.ItemCount = rows.Count;
            playlist.CreatedAt = now;
            db.Playlists.Add(playlist);
            db.PlaylistItems.AddRange(rows);
            db.PlaylistFollows.Add(new PlaylistFollow { PlaylistId = id, UserId = PlaylistRows.Owner, Public = true, FollowedAt = now });
        }, ct);
        await listeners.NotifyAsync(logger, id);
        return id;
    }

    public async Task ReplaceAsync(string id, PlaylistFixture body, CancellationToken ct)
    {
        FixtureRules.RequireId(id);
        FixtureRules.SameId(body.Id, id);
        var playlist = PlaylistRows.From(body, id);
        var entries = PlaylistRows.EntriesOf(body);
        var now = clock.GetUtcNow();
        await changes.CommitAsync(NothingInTheSnapshot, async (db, token) =>
        {
            var stored = await db.Playlists.SingleOrDefaultAsync(p => p.Id == id && p.OwnerId == PlaylistRows.Owner, token) ?? throw NotFound();
            await WriteAsync(db, stored, playlist, entries, now, token);
        }, ct);
        await listeners.NotifyAsync(logger, id);
    }

    public async Task DeleteAsync(string id, CancellationToken ct)
    {
        FixtureRules.RequireId(id);
        await changes.CommitAsync(NothingInTheSnapshot, async (db, token) =>
        {
            if (!await db.Playlists.AnyAsync(p => p.Id == id && p.OwnerId == PlaylistRows.Owner, token))
            {
                throw NotFound();
            }
            if (await db.CategoryPlaylists.Where(c => c.PlaylistId == id).Select(c => c.CategoryId).FirstOrDefaultAsync(token) is { } category)
            {
                throw new SpotifyException(StatusCodes.Status409Conflict, $"The playlist is one of category {category}'s playlists: change the category first");
            }
            await UserDataReferences.RefusePlaylistAsync(db, id, PlaylistRows.Owner, token);
            await db.PlaylistItems.Where(i => i.PlaylistId == id).ExecuteDeleteAsync(token);
            await db.PlaylistChanges.Where(c => c.PlaylistId == id).ExecuteDeleteAsync(token);
            await db.PlaylistImages.Where(i => i.PlaylistId == id).ExecuteDeleteAsync(token);
            await db.PlaylistFollows.Where(f => f.PlaylistId == id).ExecuteDeleteAsync(token);
            await db.Playlists.Where(p => p.Id == id).ExecuteDeleteAsync(token);
        }, ct);
        await listeners.NotifyAsync(logger, id);
    }

    /// <summary>
    /// Lays <paramref name="playlist"/> (checked details) over the stored row as its next version, with
    /// <paramref name="entries"/> as its items when given. Shared with the import, which updates in place.
    /// </summary>
    internal static async Task WriteAsync(
        JukeboxDbContext db, Playlist stored, Playlist playlist, IReadOnlyList<PlaylistEntryFixture?>? entries, DateTimeOffset now, CancellationToken ct)
    {
        var version = stored.Version + 1;
        var change = new PlaylistChange
        {
            PlaylistId = stored.Id, Version = version, Kind = PlaylistChangeKind.Details, ItemCountAfter = stored.ItemCount, ChangedAt = now,
            UserId = PlaylistRows.Owner,
        };
        if (entries is not null)
        {
            var rows = PlaylistRows.Entries(stored.Id, entries, version, now);
            await PlaylistRows.RequireEntriesAsync(db, rows, ct);
            await PlaylistRows.SetCoverAsync(db, stored, rows, ct);
            await db.PlaylistItems.Where(i => i.PlaylistId == stored.Id).ExecuteDeleteAsync(ct);
            db.PlaylistItems.AddRange(rows);
            change.Kind = PlaylistChangeKind.Replace;
            change.Count = stored.ItemCount;
            change.ItemCountAfter = rows.Count;
            stored.ItemCount = rows.Count;
        }
        stored.Name = playlist.Name;
        stored.Description = playlist.Description;
        stored.Version = version;
        stored.SnapshotId = playlist.SnapshotId.Length > 0 ? playlist.SnapshotId : PlaylistSnapshots.IdOf(stored.Id, version);
        db.PlaylistChanges.Add(change);
    }

    private static SpotifyException NotFound() =>
        SpotifyException.NotFound("No such editorial playlist (a user's playlist is changed through the Web API)");
}
