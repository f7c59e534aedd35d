using Jukebox.Accounts.Apps;
using Jukebox.Api.Playlists;
using Jukebox.Api.Users;
using Jukebox.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.EntityFrameworkCore.Models;

namespace Jukebox.Sandbox.Users;

/// <summary>
/// Removes a user and everything theirs in one transaction: library, follows both ways, the playlists
/// they own (with their items, follows, change logs and covers), player, history, picture, the apps
/// they own, their places on other apps' allowlists, and their OAuth grants. Other users keep their
/// data; what the user added to someone else's playlist stays there, by nobody. Once committed, the
/// caches every node keeps (artist follower counts, the playlist search index, app policies) follow.
/// </summary>
public sealed class UserRemoval(
    JukeboxDbContext db, IOpenIddictApplicationManager applications, AppAccess access, AppRequestCounter requests,
    IArtistFollowerCounts artistFollowers, IEnumerable<IPlaylistChangeListener> playlistListeners, ILogger<UserRemoval> logger)
{
    /// <summary>False when there is no such user.</summary>
    public async Task<bool> RemoveAsync(string userId, CancellationToken ct)
    {
        List<string> playlists, artists, ownedApps, allowedOn;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            if (!await db.Users.AnyAsync(u => u.Id == userId, ct))
            {
                return false;
            }
            playlists = await db.Playlists.Where(p => p.OwnerId == userId).Select(p => p.Id).ToListAsync(ct);
            artists = await db.ArtistFollows.Where(f => f.UserId == userId).Select(f => f.ArtistId).ToListAsync(ct);
            ownedApps = await db.DeveloperApps.Where(a => a.OwnerId == userId).Select(a => a.ClientId).ToListAsync(ct);
            allowedOn = await db.DeveloperAppUsers.Where(u => u.UserId == userId).Select(u => u.ClientId).ToListAsync(ct);

            await RemovePlaylistsAsync(userId, playlists, ct);
            await RemoveAppsAsync(userId, ownedApps, ct);
            await db.SavedItems.Where(s => s.UserId == userId).ExecuteDeleteAsync(ct);
            await db.ArtistFollows.Where(f => f.UserId == userId).ExecuteDeleteAsync(ct);
            await db.UserFollows.Where(f => f.FollowerId == userId || f.FolloweeId == userId).ExecuteDeleteAsync(ct);
            await db.PlayerSessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(ct);
            await db.PlayerDevices.Where(d => d.UserId == userId).ExecuteDeleteAsync(ct);
            await db.PlayHistory.Where(h => h.UserId == userId).ExecuteDeleteAsync(ct);
            await db.EpisodeResumePoints.Where(r => r.UserId == userId).ExecuteDeleteAsync(ct);
            await db.UserImages.Where(i => i.UserId == userId).ExecuteDeleteAsync(ct);
            await db.Users.Where(u => u.Id == userId).ExecuteDeleteAsync(ct);
            await transaction.CommitAsync(ct);
        }

        artistFollowers.Apply(artists.ToDictionary(a => a, _ => -1, StringComparer.Ordinal));
        foreach (var clientId in ownedApps.Concat(allowedOn).Distinct(StringComparer.Ordinal))
        {
            access.Forget(clientId);
        }
        foreach (var playlistId in playlists)
        {
            await playlistListeners.NotifyAsync(logger, playlistId);
        }
        return true;
    }

    private async Task RemovePlaylistsAsync(string userId, List<string> playlists, CancellationToken ct)
    {
        await db.PlaylistItems.Where(i => i.AddedById == userId && !playlists.Contains(i.PlaylistId))
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.AddedById, (string?)null), ct);
        await db.PlaylistItems.Where(i => playlists.Contains(i.PlaylistId)).ExecuteDeleteAsync(ct);
        await db.PlaylistFollows.Where(f => f.UserId == userId || playlists.Contains(f.PlaylistId)).ExecuteDeleteAsync(ct);
        await db.PlaylistChanges.Where(c => playlists.Contains(c.PlaylistId)).ExecuteDeleteAsync(ct);
        await db.PlaylistImages.Where(i => playlists.Contains(i.PlaylistId)).ExecuteDeleteAsync(ct);
        await db.CategoryPlaylists.Where(c => playlists.Contains(c.PlaylistId)).ExecuteDeleteAsync(ct);
        await db.Playlists.Where(p => p.OwnerId == userId).ExecuteDeleteAsync(ct);
    }

    /// <summary>The user's grants of any app, then the apps they own (OpenIddict removes those apps' grants and tokens).</summary>
    private async Task RemoveAppsAsync(string userId, List<string> ownedApps, CancellationToken ct)
    {
        await db.Set<OpenIddictEntityFrameworkCoreToken>()
            .Where(t => t.Subject == userId || (t.Authorization != null && t.Authorization.Subject == userId))
            .ExecuteDeleteAsync(ct);
        await db.Set<OpenIddictEntityFrameworkCoreAuthorization>().Where(a => a.Subject == userId).ExecuteDeleteAsync(ct);
        await db.DeveloperAppUsers.Where(u => u.UserId == userId || ownedApps.Contains(u.ClientId)).ExecuteDeleteAsync(ct);
        foreach (var clientId in ownedApps)
        {
            if (await applications.FindByClientIdAsync(clientId, ct) is { } application)
            {
                await applications.DeleteAsync(application, ct);
            }
            await requests.DeleteAsync(db, clientId, ct);
        }
        await db.DeveloperApps.Where(a => a.OwnerId == userId).ExecuteDeleteAsync(ct);
    }
}
