using Jukebox.Api.Catalog;
using Jukebox.Data;
using Microsoft.EntityFrameworkCore;

namespace Jukebox.Api.Playlists.Order;

/// <summary>
/// A playlist's <see cref="ChunkedOrder"/> at the version at hand: the one this node keeps
/// (<see cref="OrderCache"/>) or hands over between changes, else read whole from the database.
/// Also the one statement that renumbers every key (<see cref="SortKeys"/> decides when).
/// </summary>
public sealed class OrderStore(JukeboxDbContext db, OrderCache cache, CatalogStore store)
{
    /// <summary>
    /// The order of the playlist at <paramref name="version"/> (a version a read found), or when this
    /// node has not got it, the order as the database holds it now, with the version it belongs to
    /// (read in one statement, so the two agree).
    /// </summary>
    public async Task<ChunkedOrder> ReadAsync(string playlistId, long version, int itemCount, CancellationToken ct)
    {
        if (await KnownAsync(playlistId, version, itemCount) is { } known)
        {
            return known;
        }
        var rows = await (
            from i in db.PlaylistItems
            join p in db.Playlists on i.PlaylistId equals p.Id
            where i.PlaylistId == playlistId
            orderby i.Position
            select new { i.Id, i.Position, Row = new PlaylistItemRow(i.TrackId, i.EpisodeId, i.LocalUri, i.AddedAt, i.AddedById), p.Version }).ToListAsync(ct);
        if (rows.Count == 0)
        {
            // Nothing says which version an empty playlist was read at, so it is not kept.
            return new ChunkedOrder(version, [], [], []);
        }
        var order = await BuildAsync(rows[0].Version, [.. rows.Select(r => (r.Id, r.Position, r.Row))]);
        cache.Remember(playlistId, order);
        return order;
    }

    /// <summary>
    /// The order at <paramref name="version"/> for a change that holds the playlist's row lock, under
    /// which the items are those of the version before the change's.
    /// </summary>
    public async Task<ChunkedOrder> LockedAsync(string playlistId, long version, int itemCount, CancellationToken ct)
    {
        if (await KnownAsync(playlistId, version, itemCount) is { } known)
        {
            return known;
        }
        var rows = await db.PlaylistItems.Where(i => i.PlaylistId == playlistId).OrderBy(i => i.Position)
            .Select(i => new { i.Id, i.Position, Row = new PlaylistItemRow(i.TrackId, i.EpisodeId, i.LocalUri, i.AddedAt, i.AddedById) }).ToListAsync(ct);
        return await BuildAsync(version, [.. rows.Select(r => (r.Id, r.Position, r.Row))]);
    }

    /// <summary>See <see cref="OrderCache.Expect"/>.</summary>
    public OrderCache.Handoff Expect(string playlistId, long version) => cache.Expect(playlistId, version);

    /// <summary>After a change that left the items as they were: the order known for the version before, as the new one's.</summary>
    public ChunkedOrder? CarriedOver(string playlistId, long previousVersion, long version) =>
        cache.Find(playlistId, previousVersion)?.WithVersion(version);

    /// <summary>Spreads the keys evenly again: the i-th item (from 1) gets i × <see cref="SortKeys.Spacing"/>.</summary>
    public Task RenumberAsync(string playlistId, CancellationToken ct) =>
        // One statement on both databases (SQLite 3.33+ and PostgreSQL support UPDATE … FROM); the
        // ranks are computed from the old keys before any row changes.
        db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE "PlaylistItems" SET "Position" = r.rank * {SortKeys.Spacing}
            FROM (SELECT "Id" AS id, ROW_NUMBER() OVER (ORDER BY "Position") AS rank
                  FROM "PlaylistItems" WHERE "PlaylistId" = {playlistId}) AS r
            WHERE "PlaylistItems"."Id" = r.id
            """, ct);

    /// <summary>
    /// The order this node has of <paramref name="version"/>, or the one a change committing that
    /// version on this node is about to keep (see <see cref="OrderCache.Expect"/>).
    /// </summary>
    private async Task<ChunkedOrder?> KnownAsync(string playlistId, long version, int itemCount) =>
        cache.Find(playlistId, version, itemCount)
        ?? (await cache.HandedOverAsync(playlistId, version) is { } order && order.Count == itemCount ? order : null);

    /// <summary>
    /// An order of items read from the database, their rows given the catalog's instance of their
    /// track's id and one instance per user, so that an order kept in memory holds no copies of them.
    /// </summary>
    private async Task<ChunkedOrder> BuildAsync(long version, List<(long Id, long Key, PlaylistItemRow Row)> items)
    {
        var catalog = await store.GetAsync();
        var users = new Dictionary<string, string>(StringComparer.Ordinal);
        var rows = new PlaylistItemRow[items.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            var row = items[i].Row;
            // An id can lead to another track (relinking): only the track's own id is shared.
            var trackId = row.TrackId is { } id && catalog.Tracks.TryGetValue(id, out var track) && track.Id == id ? track.Id : row.TrackId;
            string? userId = null;
            if (row.AddedById is { } adder && !users.TryGetValue(adder, out userId))
            {
                users.Add(adder, userId = adder);
            }
            rows[i] = row with { TrackId = trackId, AddedById = userId };
        }
        return new ChunkedOrder(version, [.. items.Select(i => i.Id)], [.. items.Select(i => i.Key)], rows);
    }
}
