using Jukebox.Api.Playlists;
using Jukebox.Data.Entities;
using Jukebox.Sandbox.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Jukebox.Sandbox.Import;

/// <summary>
/// The playlists of an import, as editorial playlists (owned by Spotify's user, made with the first
/// one when the catalog has none) whose tracks and episodes are in the catalog: made, or changed in
/// place as the sandbox's playlist fixtures change them (<see cref="PlaylistFixtures"/>), their items
/// replaced by the object's. A simplified playlist (a list's, without its items) only updates one the
/// catalog has. A user's playlist of the same id is never touched.
/// </summary>
internal static class ImportPlaylists
{
    public static async Task WriteAsync(CatalogImporter.Run run, IEnumerable<(PlaylistFixture Body, ImportPosition At)> playlists, CancellationToken ct)
    {
        var owner = false;
        foreach (var chunk in playlists.Chunk(100))
        {
            if (!owner)
            {
                await PlaylistRows.EnsureOwnerAsync(run.Db, ct);
                owner = true;
            }
            foreach (var (body, at) in chunk)
            {
                await run.TryAsync(at, () => WriteAsync(run, body, ct));
            }
            await run.SaveAsync("playlists", chunk.Length, ct);
        }
    }

    private static async Task WriteAsync(CatalogImporter.Run run, PlaylistFixture body, CancellationToken ct)
    {
        var id = body.Id!;
        var playlist = PlaylistRows.From(body, id);
        var entries = PlaylistRows.EntriesOf(body);
        var stored = await run.Db.Playlists.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (stored is not null)
        {
            if (stored.OwnerId != PlaylistRows.Owner)
            {
                throw new ImportException($"A user's playlist has id {id}: only editorial playlists are imported");
            }
            await PlaylistFixtures.WriteAsync(run.Db, stored, playlist, entries, run.Now, ct);
            run.Outcome.Playlists.Updated++;
            return;
        }
        var rows = PlaylistRows.Entries(id, entries
            ?? throw new ImportException("A playlist without its items (a list's simplified one) is imported only over one the catalog has"), 0, run.Now);
        await PlaylistRows.RequireEntriesAsync(run.Db, rows, ct);
        await PlaylistRows.SetCoverAsync(run.Db, playlist, rows, ct);
        if (playlist.SnapshotId.Length == 0)
        {
            playlist.SnapshotId = PlaylistSnapshots.IdOf(id, 0);
        }
        playlist.ItemCount = rows.Count;
        playlist.CreatedAt = run.Now;
        run.Db.Playlists.Add(playlist);
        run.Db.PlaylistItems.AddRange(rows);
        run.Db.PlaylistFollows.Add(new PlaylistFollow { PlaylistId = id, UserId = PlaylistRows.Owner, Public = true, FollowedAt = run.Now });
        run.Outcome.Playlists.Imported++;
    }
}
