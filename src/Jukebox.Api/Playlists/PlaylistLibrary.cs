using Jukebox.Api.Http;
using Jukebox.Api.Http.Policies;
using Jukebox.Api.Library;
using Jukebox.Data;
using Jukebox.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Jukebox.Api.Playlists;

/// <summary>
/// spotify:playlist: URIs in the unified /me/library: saving one follows the playlist (publicly, as
/// PUT /playlists/{id}/followers does by default), removing one unfollows it, contains says whether
/// the user follows it. The same rows as the playlist follow endpoints, in the library's transaction.
/// </summary>
public sealed class PlaylistLibrary : ILibraryCollection
{
    public string UriType => "playlist";

    public bool IsValidId(string id) => SpotifyIds.IsValid(id);

    public bool MayModify(Caller caller) => ScopeTable.MayFollowPlaylists(caller);

    public bool MayRead(Caller caller) => ScopeTable.MayReadPrivatePlaylists(caller);

    public async Task SaveAsync(LibraryChange change, IReadOnlyList<string> ids, CancellationToken ct)
    {
        var distinct = ids.Distinct(StringComparer.Ordinal).ToList();
        var known = await change.Db.Playlists.CountAsync(p => distinct.Contains(p.Id), ct);
        if (known != distinct.Count)
        {
            throw SpotifyException.NotFound(SpotifyErrors.NonExistingId);
        }
        var userId = change.UserId;
        var followed = await change.Db.PlaylistFollows.Where(f => f.UserId == userId && distinct.Contains(f.PlaylistId))
            .Select(f => f.PlaylistId).ToListAsync(ct);
        foreach (var id in distinct.Except(followed, StringComparer.Ordinal))
        {
            change.Db.PlaylistFollows.Add(new PlaylistFollow { PlaylistId = id, UserId = userId, Public = true, FollowedAt = change.Now });
        }
        await change.Db.SaveChangesAsync(ct);
    }

    public async Task RemoveAsync(LibraryChange change, IReadOnlyList<string> ids, CancellationToken ct)
    {
        var userId = change.UserId;
        await change.Db.PlaylistFollows.Where(f => f.UserId == userId && ids.Contains(f.PlaylistId)).ExecuteDeleteAsync(ct);
    }

    public async Task<IReadOnlySet<string>> SavedAsync(JukeboxDbContext db, string userId, IReadOnlyList<string> ids, CancellationToken ct)
    {
        var followed = await db.PlaylistFollows.AsNoTracking()
            .Where(f => f.UserId == userId && ids.Contains(f.PlaylistId))
            .Select(f => f.PlaylistId)
            .ToListAsync(ct);
        return followed.ToHashSet(StringComparer.Ordinal);
    }
}
