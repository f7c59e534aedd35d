using Jukebox.Api.Catalog;
using Jukebox.Data;
using Jukebox.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Jukebox.Api.Playlists;

/// <summary>
/// Item order in the database. Items are sorted by <see cref="PlaylistItem.Position"/>, a sort key
/// with room between neighbours, so inserting or moving k items writes k rows whatever the
/// playlist's length (a 10,000-item playlist stays cheap to edit); an item's index is its rank in
/// that order. When two neighbours have no room left between them, the keys of the items around them
/// are spread out again (<see cref="Respace"/>), or in a short playlist all of them
/// (<see cref="RenumberAsync"/>). Keys are unique within a playlist, so the order
/// never depends on anything else. Indices become keys through the playlist's
/// <see cref="PlaylistOrder"/> at the version at hand, which this node keeps (<see cref="PlaylistOrders"/>)
/// or reads whole when it has not got that version.
/// </summary>
public sealed class PlaylistRanks(JukeboxDbContext db, PlaylistOrders orders, CatalogStore store)
{
    /// <summary>
    /// The distance between neighbours after a renumbering and between appended items. Wide, so that
    /// repeated inserts and moves into one spot (each splits a gap) rarely exhaust it: a renumbering
    /// rewrites every row of the playlist. 2^36 leaves room for 2^27 items or appends before a key
    /// would overflow, which <see cref="Spread"/> checks.
    /// </summary>
    public const long Spacing = 1L << 36;

    private IQueryable<PlaylistItem> Ordered(string playlistId) =>
        db.PlaylistItems.Where(i => i.PlaylistId == playlistId).OrderBy(i => i.Position);

    /// <summary>
    /// The order of the playlist at <paramref name="version"/> (a version a read found), or when this
    /// node has not got it, the order as the database holds it now, with the version it belongs to
    /// (read in one statement, so the two agree).
    /// </summary>
    public async Task<PlaylistOrder> OrderAsync(string playlistId, long version, int itemCount, CancellationToken ct)
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
            return new PlaylistOrder(version, [], [], []);
        }
        var order = await OrderOfAsync(rows[0].Version, [.. rows.Select(r => (r.Id, r.Position, r.Row))]);
        orders.Remember(playlistId, order);
        return order;
    }

    /// <summary>
    /// The order at <paramref name="version"/> for a change that holds the playlist's row lock, under
    /// which the items are those of the version before the change's.
    /// </summary>
    public async Task<PlaylistOrder> LockedOrderAsync(string playlistId, long version, int itemCount, CancellationToken ct)
    {
        if (await KnownAsync(playlistId, version, itemCount) is { } known)
        {
            return known;
        }
        var rows = await Ordered(playlistId)
            .Select(i => new { i.Id, i.Position, Row = new PlaylistItemRow(i.TrackId, i.EpisodeId, i.LocalUri, i.AddedAt, i.AddedById) }).ToListAsync(ct);
        return await OrderOfAsync(version, [.. rows.Select(r => (r.Id, r.Position, r.Row))]);
    }

    /// <summary>
    /// The order this node has of <paramref name="version"/>, or the one a change committing that
    /// version on this node is about to keep (see <see cref="PlaylistOrders.Expect"/>).
    /// </summary>
    private async Task<PlaylistOrder?> KnownAsync(string playlistId, long version, int itemCount) =>
        orders.Find(playlistId, version, itemCount)
        ?? (await orders.HandedOverAsync(playlistId, version) is { } order && order.Count == itemCount ? order : null);

    /// <summary>
    /// An order of items read from the database, their rows given the catalog's instance of their
    /// track's id and one instance per user, so that an order kept in memory holds no copies of them.
    /// </summary>
    private async Task<PlaylistOrder> OrderOfAsync(long version, List<(long Id, long Key, PlaylistItemRow Row)> items)
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
        return new PlaylistOrder(version, [.. items.Select(i => i.Id)], [.. items.Select(i => i.Key)], rows);
    }

    /// <summary>See <see cref="PlaylistOrders.Expect"/>.</summary>
    public PlaylistOrders.Handoff Expect(string playlistId, long version) => orders.Expect(playlistId, version);

    /// <summary>After a change that left the items as they were: the order known for the version before, as the new one's.</summary>
    public PlaylistOrder? CarriedOver(string playlistId, long previousVersion, long version) =>
        orders.Find(playlistId, previousVersion)?.WithVersion(version);

    /// <summary>
    /// Keys for <paramref name="count"/> items put at <paramref name="gap"/> of the list that remains
    /// when the items at <paramref name="moving"/> (sorted indices, for a move) are left out, and the
    /// order they go into (renumbered when the neighbours had no room between them).
    /// </summary>
    public async Task<(long[] Keys, PlaylistOrder Order)> KeysForGapAsync(
        string playlistId, PlaylistOrder order, int gap, int count, int[] moving, CancellationToken ct)
    {
        var remaining = order.Count - moving.Length;
        long? before = gap > 0 ? order.KeyAt(FullIndex(gap - 1, moving)) : null;
        long? after = gap < remaining ? order.KeyAt(FullIndex(gap, moving)) : null;
        if (Spread(before, after, count) is { } keys)
        {
            return (keys, order);
        }
        if (Respace(playlistId, order, gap, count, moving) is { } respaced)
        {
            return respaced;
        }
        await RenumberAsync(playlistId, ct);
        order = order.Renumbered();
        before = gap > 0 ? order.KeyAt(FullIndex(gap - 1, moving)) : null;
        after = gap < remaining ? order.KeyAt(FullIndex(gap, moving)) : null;
        return (Spread(before, after, count) ?? throw new InvalidOperationException($"No room for {count} items in playlist {playlistId} after renumbering."), order);
    }

    /// <summary>The least room a respacing leaves between neighbours (before, the gap had less than one).</summary>
    private const long RespacedStep = Spacing >> 6;

    /// <summary>
    /// Makes room at a full gap by spreading out the keys of the items nearest to it (list labelling):
    /// a window of the remaining items around the gap, doubled until its outer neighbours leave at least
    /// <see cref="RespacedStep"/> per item, gets evenly spaced keys with <paramref name="count"/> free
    /// slots at the gap. Only the window's rows are written (queued on the context, saved with the
    /// change), so an edit never pays for rewriting a long playlist. Null when the window would have to
    /// reach both ends, where renumbering the whole playlist is as cheap.
    /// </summary>
    private (long[] Keys, PlaylistOrder Order)? Respace(string playlistId, PlaylistOrder order, int gap, int count, int[] moving)
    {
        var remaining = order.Count - moving.Length;
        for (var half = 4; ; half *= 2)
        {
            var lo = Math.Max(0, gap - half);
            var hi = Math.Min(remaining, gap + half);
            if (lo == 0 && hi == remaining)
            {
                return null;
            }
            var slots = hi - lo + count;
            if ((lo == 0 && order.KeyAt(FullIndex(lo, moving)) < long.MinValue / 2) || (hi == remaining && order.KeyAt(FullIndex(hi - 1, moving)) > long.MaxValue / 2))
            {
                return null; // an open end this far out could overflow; renumbering brings the keys back
            }
            // An open end (the window reaches the first or last item) extends by whole spacings, as appends do.
            var lower = lo > 0 ? order.KeyAt(FullIndex(lo - 1, moving)) : order.KeyAt(FullIndex(lo, moving)) - Spacing * (slots + 1L);
            var upper = hi < remaining ? order.KeyAt(FullIndex(hi, moving)) : order.KeyAt(FullIndex(hi - 1, moving)) + Spacing * (slots + 1L);
            var step = (upper - lower) / (slots + 1);
            if (step < RespacedStep)
            {
                continue;
            }
            var keys = new long[count];
            var indices = new int[hi - lo];
            var windowKeys = new long[hi - lo];
            for (var slot = 0; slot < slots; slot++)
            {
                var key = lower + step * (slot + 1);
                var at = lo + slot;
                if (at < gap)
                {
                    indices[at - lo] = FullIndex(at, moving);
                    windowKeys[at - lo] = key;
                }
                else if (at < gap + count)
                {
                    keys[at - gap] = key;
                }
                else
                {
                    indices[at - count - lo] = FullIndex(at - count, moving);
                    windowKeys[at - count - lo] = key;
                }
            }
            for (var i = 0; i < indices.Length; i++)
            {
                var item = new PlaylistItem { Id = order.IdAt(indices[i]), PlaylistId = playlistId, Position = order.KeyAt(indices[i]) };
                db.PlaylistItems.Attach(item);
                item.Position = windowKeys[i];
            }
            return (keys, order.WithKeys(indices, windowKeys));
        }
    }

    /// <summary>Spreads the keys evenly again: the i-th item (from 1) gets i × <see cref="Spacing"/>.</summary>
    public Task RenumberAsync(string playlistId, CancellationToken ct) =>
        // One statement on both databases (SQLite 3.33+ and PostgreSQL support UPDATE … FROM); the
        // ranks are computed from the old keys before any row changes.
        db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE "PlaylistItems" SET "Position" = r.rank * {Spacing}
            FROM (SELECT "Id" AS id, ROW_NUMBER() OVER (ORDER BY "Position") AS rank
                  FROM "PlaylistItems" WHERE "PlaylistId" = {playlistId}) AS r
            WHERE "PlaylistItems"."Id" = r.id
            """, ct);

    /// <summary>
    /// The ids of the first tracks in order, in growing chunks, until <paramref name="enough"/> says
    /// they suffice or the playlist ends.
    /// </summary>
    public async Task<List<string?>> FirstTrackIdsAsync(string playlistId, Func<List<string?>, bool> enough, CancellationToken ct)
    {
        var ids = new List<string?>();
        var chunk = 100;
        while (true)
        {
            var next = await Ordered(playlistId).Skip(ids.Count).Take(chunk).Select(i => i.TrackId).ToListAsync(ct);
            ids.AddRange(next);
            if (next.Count < chunk || enough(ids))
            {
                return ids;
            }
            chunk *= 10;
        }
    }

    /// <summary>The index in the whole list of the <paramref name="index"/>-th item that is not moving.</summary>
    private static int FullIndex(int index, int[] moving)
    {
        var full = index;
        foreach (var m in moving)
        {
            if (m > full)
            {
                break;
            }
            full++;
        }
        return full;
    }

    /// <summary><paramref name="count"/> increasing keys strictly between the neighbours, or null when they do not fit.</summary>
    private static long[]? Spread(long? before, long? after, int count)
    {
        var keys = new long[count];
        if (before is null && after is null)
        {
            for (var i = 0; i < count; i++)
            {
                keys[i] = Spacing * (i + 1);
            }
        }
        else if (before is null)
        {
            if (after!.Value < long.MinValue + Spacing * (count + 1L))
            {
                return null;
            }
            for (var i = 0; i < count; i++)
            {
                keys[i] = after.Value - Spacing * (count - i);
            }
        }
        else if (after is null)
        {
            if (before.Value > long.MaxValue - Spacing * (count + 1L))
            {
                return null;
            }
            for (var i = 0; i < count; i++)
            {
                keys[i] = before.Value + Spacing * (i + 1);
            }
        }
        else
        {
            var step = (after.Value - before.Value) / (count + 1);
            if (step < 1)
            {
                return null;
            }
            for (var i = 0; i < count; i++)
            {
                keys[i] = before.Value + step * (i + 1);
            }
        }
        return keys;
    }
}
