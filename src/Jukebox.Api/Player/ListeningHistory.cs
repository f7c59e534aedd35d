using System.Globalization;
using Jukebox.Api.Catalog;
using Jukebox.Api.Http;
using Jukebox.Data;
using Jukebox.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Jukebox.Api.Player;

/// <summary>
/// A recently-played request: its page size and cursor, and the path and query string (as the client
/// wrote it, with its leading <c>?</c>) that the answer's links repeat.
/// </summary>
public sealed record RecentlyPlayedRequest(int Limit, DateTimeOffset? Before, DateTimeOffset? After, string Path, string QueryString);

/// <summary>Recently played tracks and top items, both read from the stored listening history.</summary>
public sealed class ListeningHistory(JukeboxDbContext db, PlayerObjects playerObjects, CatalogObjects objects)
{
    /// <summary>How far back each <c>time_range</c> looks: about 4 weeks, 6 months and a year.</summary>
    public static TimeSpan RangeOf(string? timeRange) => timeRange switch
    {
        "short_term" => TimeSpan.FromDays(28),
        null or "" or "medium_term" => TimeSpan.FromDays(182),
        "long_term" => TimeSpan.FromDays(365),
        _ => throw SpotifyException.BadRequest("Invalid time range"),
    };

    /// <summary>
    /// Newest first. <c>before</c>: the newest plays older than it; <c>after</c>: the plays right after
    /// it (the oldest ones newer than it), still listed newest first. The cursors name the page's
    /// oldest and newest play, and <c>next</c> goes on to older plays.
    /// </summary>
    public async Task<CursorPagingPlayHistoryObject> RecentlyPlayedAsync(
        string userId, string? market, CatalogSnapshot catalog, RecentlyPlayedRequest request, CancellationToken ct)
    {
        var (limit, before, after, _, _) = request;
        if (before is not null && after is not null)
        {
            throw SpotifyException.BadRequest("Only one of the parameters before and after can be set");
        }
        var query = db.PlayHistory.AsNoTracking().Where(h => h.UserId == userId);
        List<PlayHistoryEntry> rows;
        if (after is { } a)
        {
            rows = await query.Where(h => h.PlayedAt > a).OrderBy(h => h.PlayedAt).ThenBy(h => h.Id).Take(limit).ToListAsync(ct);
            rows.Reverse();
        }
        else
        {
            if (before is { } b)
            {
                query = query.Where(h => h.PlayedAt < b);
            }
            rows = await query.OrderByDescending(h => h.PlayedAt).ThenByDescending(h => h.Id).Take(limit).ToListAsync(ct);
        }
        var items = rows.Where(r => catalog.Tracks.ContainsKey(r.TrackId)).Select(r => new PlayHistoryObject(
            objects.Track(catalog.Tracks[r.TrackId], market),
            r.PlayedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            playerObjects.Context(r.ContextUri))).ToList();
        var path = $"{objects.Urls.Base}{request.Path}";
        var href = $"{path}{request.QueryString}";
        if (rows.Count == 0)
        {
            return new CursorPagingPlayHistoryObject(href, limit, null, new CursorObject(null, null), items);
        }
        var oldest = rows[^1].PlayedAt;
        var hasOlder = await db.PlayHistory.AnyAsync(h => h.UserId == userId && h.PlayedAt < oldest, ct);
        var cursors = new CursorObject(Millis(rows[0].PlayedAt), Millis(oldest));
        var next = hasOlder ? $"{path}?before={Millis(oldest)}&limit={limit}" : null;
        return new CursorPagingPlayHistoryObject(href, limit, next, cursors, items);
    }

    private static string Millis(DateTimeOffset at) => at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>The tracks played in the range, most played first (then the most recently played).</summary>
    public async Task<List<CatalogTrack>> TopTracksAsync(string userId, DateTimeOffset now, TimeSpan range, CatalogSnapshot catalog, CancellationToken ct)
    {
        var plays = await PlaysAsync(userId, now, range, ct);
        return [.. plays.GroupBy(p => p.TrackId)
            .Select(g => (Id: g.Key, Count: g.Count(), Last: g.Max(p => p.PlayedAt)))
            .Where(x => catalog.Tracks.ContainsKey(x.Id))
            .OrderByDescending(x => x.Count).ThenByDescending(x => x.Last).ThenBy(x => x.Id, StringComparer.Ordinal)
            .Select(x => catalog.Tracks[x.Id])];
    }

    /// <summary>The artists of the tracks played in the range, each play counting for every artist of its track.</summary>
    public async Task<List<CatalogArtist>> TopArtistsAsync(string userId, DateTimeOffset now, TimeSpan range, CatalogSnapshot catalog, CancellationToken ct)
    {
        var plays = await PlaysAsync(userId, now, range, ct);
        return [.. plays.Where(p => catalog.Tracks.ContainsKey(p.TrackId))
            .SelectMany(p => catalog.Tracks[p.TrackId].Artists.Select(a => (Artist: a, p.PlayedAt)))
            .GroupBy(x => x.Artist)
            .Select(g => (Artist: g.Key, Count: g.Count(), Last: g.Max(x => x.PlayedAt)))
            .OrderByDescending(x => x.Count).ThenByDescending(x => x.Last).ThenBy(x => x.Artist.Id, StringComparer.Ordinal)
            .Select(x => x.Artist)];
    }

    private async Task<List<(string TrackId, DateTimeOffset PlayedAt)>> PlaysAsync(string userId, DateTimeOffset now, TimeSpan range, CancellationToken ct)
    {
        var since = now - range;
        var rows = await db.PlayHistory.AsNoTracking().Where(h => h.UserId == userId && h.PlayedAt > since && h.PlayedAt <= now)
            .Select(h => new { h.TrackId, h.PlayedAt }).ToListAsync(ct);
        return [.. rows.Select(r => (r.TrackId, r.PlayedAt))];
    }
}
