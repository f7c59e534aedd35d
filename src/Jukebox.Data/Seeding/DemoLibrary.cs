using Jukebox.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Jukebox.Data.Seeding;

/// <summary>
/// A few saved tracks, albums, episodes, shows and audiobooks and some follows for the demo user, so
/// that a fresh server's library calls have something to show. The picks are the catalog's most
/// popular (or first) items, saved an hour apart going back from now.
/// </summary>
public static class DemoLibrary
{
    public static async Task SeedAsync(JukeboxDbContext db, string userId, DateTimeOffset now, CancellationToken ct)
    {
        if (await db.SavedItems.AnyAsync(s => s.UserId == userId, ct) || await db.ArtistFollows.AnyAsync(f => f.UserId == userId, ct))
        {
            return;
        }
        var saves = new List<(string Type, string Id)>();
        saves.AddRange((await db.Tracks.AsNoTracking().OrderByDescending(t => t.Popularity).ThenBy(t => t.Id).Select(t => t.Id).Take(12).ToListAsync(ct)).Select(id => ("track", id)));
        saves.AddRange((await db.Albums.AsNoTracking().OrderByDescending(a => a.Popularity).ThenBy(a => a.Id).Select(a => a.Id).Take(4).ToListAsync(ct)).Select(id => ("album", id)));
        saves.AddRange((await db.Episodes.AsNoTracking().OrderBy(e => e.Id).Select(e => e.Id).Take(3).ToListAsync(ct)).Select(id => ("episode", id)));
        saves.AddRange((await db.Shows.AsNoTracking().OrderBy(s => s.Id).Select(s => s.Id).Take(2).ToListAsync(ct)).Select(id => ("show", id)));
        saves.AddRange((await db.Audiobooks.AsNoTracking().OrderBy(b => b.Id).Select(b => b.Id).Take(2).ToListAsync(ct)).Select(id => ("audiobook", id)));
        // Oldest first, so that every kind's newest item is its first pick.
        for (var i = 0; i < saves.Count; i++)
        {
            var (type, id) = saves[saves.Count - 1 - i];
            db.SavedItems.Add(new SavedItem { UserId = userId, ItemType = type, ItemId = id, AddedAt = now.AddHours(-(saves.Count - i)) });
        }
        var artists = await db.Artists.AsNoTracking().OrderByDescending(a => a.Popularity).ThenBy(a => a.Id).Select(a => a.Id).Take(6).ToListAsync(ct);
        db.ArtistFollows.AddRange(artists.Select(id => new ArtistFollow { UserId = userId, ArtistId = id, FollowedAt = now }));
        if (await db.Users.AnyAsync(u => u.Id == DemoCatalogGenerator.SpotifyUserId, ct))
        {
            db.UserFollows.Add(new UserFollow { FollowerId = userId, FolloweeId = DemoCatalogGenerator.SpotifyUserId, FollowedAt = now });
        }
        await db.SaveChangesAsync(ct);
    }
}
