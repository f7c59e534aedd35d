using Jukebox.Api.Http;
using Jukebox.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Jukebox.Sandbox.Catalog;

/// <summary>
/// Whether what users made refers to catalog items about to be deleted: playlists, libraries, follows,
/// listening history and the player name catalog items by id, and would name nothing afterwards. Such a
/// delete is refused (409) with what holds the item; removing that first, or a sandbox reset, frees it.
/// </summary>
internal static class UserDataReferences
{
    public static async Task RefuseTracksAsync(JukeboxDbContext db, IReadOnlyCollection<string> trackIds, string what, CancellationToken ct)
    {
        if (trackIds.Count == 0)
        {
            return;
        }
        if (await db.PlaylistItems.AnyAsync(i => i.TrackId != null && trackIds.Contains(i.TrackId), ct))
        {
            throw InUse(what, "is in a playlist");
        }
        if (await db.SavedItems.AnyAsync(s => s.ItemType == "track" && trackIds.Contains(s.ItemId), ct))
        {
            throw InUse(what, "is in a user's library");
        }
        if (await db.PlayHistory.AnyAsync(h => trackIds.Contains(h.TrackId), ct))
        {
            throw InUse(what, "is in a user's listening history");
        }
        foreach (var id in trackIds)
        {
            await RefusePlayerAsync(db, "track", id, what, ct);
        }
    }

    public static async Task RefuseAlbumAsync(JukeboxDbContext db, string albumId, CancellationToken ct)
    {
        if (await db.SavedItems.AnyAsync(s => s.ItemType == "album" && s.ItemId == albumId, ct))
        {
            throw InUse("The album", "is in a user's library");
        }
        await RefusePlayerAsync(db, "album", albumId, "The album", ct);
    }

    public static async Task RefuseArtistAsync(JukeboxDbContext db, string artistId, CancellationToken ct)
    {
        if (await db.ArtistFollows.AnyAsync(f => f.ArtistId == artistId, ct))
        {
            throw InUse("The artist", "is followed by a user");
        }
        await RefusePlayerAsync(db, "artist", artistId, "The artist", ct);
    }

    /// <summary>Episodes, and chapters, whose URIs are episode URIs too.</summary>
    public static async Task RefuseEpisodesAsync(JukeboxDbContext db, IReadOnlyCollection<string> ids, string what, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return;
        }
        if (await db.PlaylistItems.AnyAsync(i => i.EpisodeId != null && ids.Contains(i.EpisodeId), ct))
        {
            throw InUse(what, "is in a playlist");
        }
        if (await db.SavedItems.AnyAsync(s => s.ItemType == "episode" && ids.Contains(s.ItemId), ct))
        {
            throw InUse(what, "is in a user's library");
        }
        if (await db.EpisodeResumePoints.AnyAsync(p => ids.Contains(p.EpisodeId), ct))
        {
            throw InUse(what, "has a user's resume point");
        }
        foreach (var id in ids)
        {
            await RefusePlayerAsync(db, "episode", id, what, ct);
        }
    }

    /// <summary>A show or an audiobook: saved in a library, or in a player.</summary>
    public static async Task RefuseSavedAsync(JukeboxDbContext db, string type, string id, string what, CancellationToken ct)
    {
        if (await db.SavedItems.AnyAsync(s => s.ItemType == type && s.ItemId == id, ct))
        {
            throw InUse(what, "is in a user's library");
        }
        await RefusePlayerAsync(db, type, id, what, ct);
    }

    /// <summary>An editorial playlist: followed by a user (other than its owner), or in a player.</summary>
    public static async Task RefusePlaylistAsync(JukeboxDbContext db, string playlistId, string ownerId, CancellationToken ct)
    {
        if (await db.PlaylistFollows.AnyAsync(f => f.PlaylistId == playlistId && f.UserId != ownerId, ct))
        {
            throw InUse("The playlist", "is followed by a user");
        }
        await RefusePlayerAsync(db, "playlist", playlistId, "The playlist", ct);
    }

    /// <summary>A player playing, queueing or playing from the item (its URI in any of the session's lists).</summary>
    private static async Task RefusePlayerAsync(JukeboxDbContext db, string type, string id, string what, CancellationToken ct)
    {
        var uri = SpotifyIds.Uri(type, id);
        if (await db.PlayerSessions.AnyAsync(s => s.CurrentUri == uri || s.ContextUri == uri || s.Queue.Contains(uri) || s.ContextItems.Contains(uri), ct))
        {
            throw InUse(what, "is in a user's player");
        }
    }

    private static SpotifyException InUse(string what, string where) =>
        new(StatusCodes.Status409Conflict, $"{what} {where}: remove it there first (or reset the sandbox)");
}
