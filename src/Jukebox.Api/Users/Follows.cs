using Jukebox.Api.Catalog;
using Jukebox.Api.Http;
using Jukebox.Api.Http.Policies;
using Jukebox.Api.Library;
using Jukebox.Data;
using Microsoft.EntityFrameworkCore;

namespace Jukebox.Api.Users;

/// <summary>The artists a user follows (type=artist of /me/following, spotify:artist: in /me/library).</summary>
public sealed class ArtistFollows(CatalogStore store, IArtistFollowerCounts counts) : ILibraryCollection
{
    // INSERT … ON CONFLICT DO NOTHING is the same statement on SQLite and PostgreSQL; it reports one
    // row only for a new follow, even when two requests follow the same artist at once, so the
    // follower counts move by exactly the follows that happened.
    private const string Insert = """
        INSERT INTO "ArtistFollows" ("UserId", "ArtistId", "FollowedAt") VALUES ({0}, {1}, {2})
        ON CONFLICT ("UserId", "ArtistId") DO NOTHING
        """;

    public string UriType => "artist";

    public bool IsValidId(string id) => SpotifyIds.IsValid(id);

    public bool MayModify(Caller caller) => ScopeTable.MayModifyFollows(caller);

    public bool MayRead(Caller caller) => ScopeTable.MayReadFollows(caller);

    public async Task SaveAsync(LibraryChange change, IReadOnlyList<string> ids, CancellationToken ct)
    {
        var catalog = await store.GetAsync();
        if (ids.Any(id => !catalog.Artists.ContainsKey(id)))
        {
            throw SpotifyException.NotFound(SpotifyErrors.NonExistingId);
        }
        var changes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            changes[id] = await change.Db.Database.ExecuteSqlRawAsync(Insert, [change.UserId, id, change.Instant(change.Now)], ct);
        }
        change.AfterCommit(() => counts.Apply(changes));
    }

    public async Task RemoveAsync(LibraryChange change, IReadOnlyList<string> ids, CancellationToken ct)
    {
        var userId = change.UserId;
        var changes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            // One statement per artist, so each count moves only when this request removed the row.
            changes[id] = -await change.Db.ArtistFollows.Where(f => f.UserId == userId && f.ArtistId == id).ExecuteDeleteAsync(ct);
        }
        change.AfterCommit(() => counts.Apply(changes));
    }

    public async Task<IReadOnlySet<string>> SavedAsync(JukeboxDbContext db, string userId, IReadOnlyList<string> ids, CancellationToken ct)
    {
        var followed = await db.ArtistFollows.AsNoTracking()
            .Where(f => f.UserId == userId && ids.Contains(f.ArtistId))
            .Select(f => f.ArtistId)
            .ToListAsync(ct);
        return followed.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// A page of GET /me/following: the followed artists in ascending order of id (compared byte by
    /// byte), starting after the artist id <paramref name="after"/> (exclusive) when given, at most
    /// <paramref name="limit"/> of them; and how many the user follows in all, whatever the cursor.
    /// Ids are the cursor, as on Spotify, so a page never repeats or skips an artist because of
    /// follows or unfollows made between requests.
    /// </summary>
    public static async Task<(IReadOnlyList<string> Ids, bool More, int Total)> PageAsync(
        JukeboxDbContext db, string userId, string? after, int limit, CancellationToken ct)
    {
        var mine = db.ArtistFollows.AsNoTracking().Where(f => f.UserId == userId);
        var total = await mine.CountAsync(ct);
        var query = after is null ? mine : mine.Where(f => string.Compare(f.ArtistId, after) > 0);
        var ids = await query.OrderBy(f => f.ArtistId).Select(f => f.ArtistId).Take(limit + 1).ToListAsync(ct);
        var more = ids.Count > limit;
        return (more ? ids.GetRange(0, limit) : ids, more, total);
    }
}

/// <summary>The users a user follows (type=user of /me/following, spotify:user: in /me/library).</summary>
public sealed class UserFollows : ILibraryCollection
{
    private const string Insert = """
        INSERT INTO "UserFollows" ("FollowerId", "FolloweeId", "FollowedAt") VALUES ({0}, {1}, {2})
        ON CONFLICT ("FollowerId", "FolloweeId") DO NOTHING
        """;

    public string UriType => "user";

    /// <summary>User ids are not base62; anything that could be one is looked up.</summary>
    public bool IsValidId(string id) => id.Length is > 0 and <= 64;

    public bool MayModify(Caller caller) => ScopeTable.MayModifyFollows(caller);

    public bool MayRead(Caller caller) => ScopeTable.MayReadFollows(caller);

    public async Task SaveAsync(LibraryChange change, IReadOnlyList<string> ids, CancellationToken ct)
    {
        var known = await change.Db.Users.Where(u => ids.Contains(u.Id)).CountAsync(ct);
        if (known != ids.Count)
        {
            throw SpotifyException.NotFound(SpotifyErrors.NonExistingId);
        }
        foreach (var id in ids)
        {
            await change.Db.Database.ExecuteSqlRawAsync(Insert, [change.UserId, id, change.Instant(change.Now)], ct);
        }
    }

    public async Task RemoveAsync(LibraryChange change, IReadOnlyList<string> ids, CancellationToken ct)
    {
        var userId = change.UserId;
        await change.Db.UserFollows.Where(f => f.FollowerId == userId && ids.Contains(f.FolloweeId)).ExecuteDeleteAsync(ct);
    }

    public async Task<IReadOnlySet<string>> SavedAsync(JukeboxDbContext db, string userId, IReadOnlyList<string> ids, CancellationToken ct)
    {
        var followed = await db.UserFollows.AsNoTracking()
            .Where(f => f.FollowerId == userId && ids.Contains(f.FolloweeId))
            .Select(f => f.FolloweeId)
            .ToListAsync(ct);
        return followed.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>How many users follow <paramref name="userId"/>.</summary>
    public static Task<int> FollowersAsync(JukeboxDbContext db, string userId, CancellationToken ct) =>
        db.UserFollows.CountAsync(f => f.FolloweeId == userId, ct);
}
