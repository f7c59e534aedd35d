using System.Linq.Expressions;
using Jukebox.Data;
using Jukebox.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Jukebox.Api.Playlists;

/// <summary>An item as the editing operations need it.</summary>
public sealed record PlaylistRow(long Id, long Position, string? TrackId, string? EpisodeId, string? LocalUri, long AddedInVersion)
{
    public PlaylistEntry Entry => new(TrackId, EpisodeId, LocalUri);
}

/// <summary>
/// Item order in the database. Items are sorted by <see cref="PlaylistItem.Position"/>, a sort key
/// with room between neighbours, so inserting or moving k items writes k rows whatever the
/// playlist's length (a 10,000-item playlist stays cheap to edit); an item's index is its rank in
/// that order, read through the (PlaylistId, Position) index. When two neighbours have no room left
/// between them the playlist's keys are spread out again (<see cref="RenumberAsync"/>), which is rare.
/// Keys are unique within a playlist, so the order never depends on anything else.
/// </summary>
public sealed class PlaylistRanks(JukeboxDbContext db)
{
    /// <summary>The distance between neighbours after a renumbering and between appended items.</summary>
    public const long Spacing = 1L << 20;

    private IQueryable<PlaylistItem> Ordered(string playlistId) =>
        db.PlaylistItems.Where(i => i.PlaylistId == playlistId).OrderBy(i => i.Position);

    private static readonly Expression<Func<PlaylistItem, PlaylistRow>> RowOf =
        i => new PlaylistRow(i.Id, i.Position, i.TrackId, i.EpisodeId, i.LocalUri, i.AddedInVersion);

    /// <summary>
    /// The <paramref name="take"/> items from index <paramref name="start"/> on (all below
    /// <paramref name="itemCount"/>, the playlist's length), in order. OFFSET walks the index up to the
    /// first of them, so they are counted from whichever end of the playlist is nearer (no lookup walks
    /// more than half of it), and the walk reads keys alone: the first item's key is found by a
    /// subquery on the (PlaylistId, Position) index, and only the items from that key on are read.
    /// </summary>
    public async Task<List<T>> WindowAsync<T>(
        string playlistId, int itemCount, int start, int take, Expression<Func<PlaylistItem, T>> select, CancellationToken ct)
    {
        var fromEnd = itemCount - start - take;
        if (fromEnd >= 0 && fromEnd < start)
        {
            var rows = await db.PlaylistItems
                .Where(i => i.PlaylistId == playlistId && i.Position <= db.PlaylistItems.Where(k => k.PlaylistId == playlistId)
                    .OrderByDescending(k => k.Position).Skip(fromEnd).Select(k => k.Position).First())
                .OrderByDescending(i => i.Position).Take(take).Select(select).ToListAsync(ct);
            rows.Reverse();
            return rows;
        }
        if (start == 0)
        {
            return await Ordered(playlistId).Take(take).Select(select).ToListAsync(ct);
        }
        return await db.PlaylistItems
            .Where(i => i.PlaylistId == playlistId && i.Position >= db.PlaylistItems.Where(k => k.PlaylistId == playlistId)
                .OrderBy(k => k.Position).Skip(start).Select(k => k.Position).First())
            .OrderBy(i => i.Position).Take(take).Select(select).ToListAsync(ct);
    }

    /// <summary>The items at <paramref name="sortedIndices"/> (distinct, all below <paramref name="itemCount"/>).</summary>
    public async Task<List<PlaylistRow>> AtAsync(string playlistId, IReadOnlyList<int> sortedIndices, int itemCount, CancellationToken ct)
    {
        if (sortedIndices.Count == 0)
        {
            return [];
        }
        var first = sortedIndices[0];
        var span = sortedIndices[^1] - first + 1;
        if (span <= Math.Max(64, 4 * sortedIndices.Count))
        {
            var window = await WindowAsync(playlistId, itemCount, first, span, RowOf, ct);
            return [.. sortedIndices.Select(i => window[i - first])];
        }
        var rows = new List<PlaylistRow>(sortedIndices.Count);
        foreach (var index in sortedIndices)
        {
            rows.Add((await WindowAsync(playlistId, itemCount, index, 1, RowOf, ct))[0]);
        }
        return rows;
    }

    /// <summary>The index of an item, from its key.</summary>
    public Task<int> IndexOfAsync(string playlistId, long position, CancellationToken ct) =>
        db.PlaylistItems.CountAsync(i => i.PlaylistId == playlistId && i.Position < position, ct);

    /// <summary>
    /// Keys for <paramref name="count"/> items put at <paramref name="gap"/> of the list that remains
    /// when the items at <paramref name="moving"/> (sorted indices, for a move) are left out; the
    /// playlist holds <paramref name="itemCount"/> items in all.
    /// </summary>
    public async Task<long[]> KeysForGapAsync(string playlistId, int gap, int count, int itemCount, int[] moving, CancellationToken ct)
    {
        var remaining = itemCount - moving.Length;
        for (var attempt = 0; ; attempt++)
        {
            long? before = null;
            long? after = null;
            if (gap > 0 && gap < remaining && FullIndex(gap - 1, moving) + 1 == FullIndex(gap, moving))
            {
                var pair = await WindowAsync(playlistId, itemCount, FullIndex(gap - 1, moving), 2, i => i.Position, ct);
                (before, after) = (pair[0], pair[1]);
            }
            else
            {
                before = gap > 0 ? await KeyAtAsync(playlistId, itemCount, FullIndex(gap - 1, moving), ct) : null;
                after = gap < remaining ? await KeyAtAsync(playlistId, itemCount, FullIndex(gap, moving), ct) : null;
            }
            var keys = Spread(before, after, count);
            if (keys is not null)
            {
                return keys;
            }
            if (attempt > 0)
            {
                throw new InvalidOperationException($"No room for {count} items in playlist {playlistId} after renumbering.");
            }
            await RenumberAsync(playlistId, ct);
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

    private async Task<long> KeyAtAsync(string playlistId, int itemCount, int index, CancellationToken ct) =>
        (await WindowAsync(playlistId, itemCount, index, 1, i => i.Position, ct))[0];

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
            for (var i = 0; i < count; i++)
            {
                keys[i] = after!.Value - Spacing * (count - i);
            }
        }
        else if (after is null)
        {
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
