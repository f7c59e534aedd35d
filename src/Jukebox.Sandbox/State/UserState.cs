using Jukebox.Data;
using Jukebox.Data.Entities;
using Jukebox.Data.Seeding;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;

namespace Jukebox.Sandbox.State;

/// <summary>
/// Every table that holds what users and developers made, the one list that a reset deletes, a
/// snapshot writes and a restore replaces: users, apps, libraries, follows, playlists, the player,
/// history. Users and playlists also hold catalog rows (the "spotify" user and its editorial
/// playlists), which are not user-made. Every other table is in <see cref="NotUserMade"/>; a test
/// fails when the model has a table in neither list.
/// </summary>
public static class UserState
{
    /// <summary>The users the catalog brings: the owner of the editorial playlists.</summary>
    public static readonly string[] CatalogUsers = [DemoCatalogGenerator.SpotifyUserId];

    /// <summary>What a saved item's type names (a library row has no foreign key: one table holds the five kinds).</summary>
    public static readonly IReadOnlyDictionary<string, Type> SavedItemTypes = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        ["track"] = typeof(Track), ["album"] = typeof(Album), ["episode"] = typeof(Episode),
        ["show"] = typeof(Show), ["audiobook"] = typeof(Audiobook),
    };

    /// <summary>Dependents before what they depend on: the order to delete in (and, reversed, to insert in).</summary>
    public static readonly IReadOnlyList<UserTable> Tables =
    [
        new UserTable<OpenIddictEntityFrameworkCoreToken>(
            "openiddict_tokens",
            db => db.Set<OpenIddictEntityFrameworkCoreToken>(),
            (db, demo) => db.Set<OpenIddictEntityFrameworkCoreToken>().Where(t =>
                t.Application!.ClientId != demo.ClientId || (t.Subject != demo.UserId && t.Subject != demo.ClientId))),
        new UserTable<OpenIddictEntityFrameworkCoreAuthorization>(
            "openiddict_authorizations",
            db => db.Set<OpenIddictEntityFrameworkCoreAuthorization>(),
            (db, demo) => db.Set<OpenIddictEntityFrameworkCoreAuthorization>().Where(a =>
                a.Application!.ClientId != demo.ClientId || a.Subject != demo.UserId)),
        new UserTable<OpenIddictEntityFrameworkCoreApplication>(
            "openiddict_applications",
            db => db.Set<OpenIddictEntityFrameworkCoreApplication>(),
            (db, demo) => db.Set<OpenIddictEntityFrameworkCoreApplication>().Where(a => a.ClientId != demo.ClientId)),
        new UserTable<FaultRule>("fault_rules", db => db.FaultRules),
        new UserTable<DeveloperAppUser>("developer_app_users", db => db.DeveloperAppUsers),
        new UserTable<DeveloperApp>("developer_apps", db => db.DeveloperApps),
        new UserTable<AppRequestCount>("app_request_counts", db => db.AppRequestCounts),
        new UserTable<PlaylistImage>("playlist_images", db => db.PlaylistImages.Where(i => UserPlaylists(db).Contains(i.PlaylistId))),
        new UserTable<PlaylistChange>("playlist_changes", db => db.PlaylistChanges.Where(c => UserPlaylists(db).Contains(c.PlaylistId))),
        new UserTable<PlaylistItem>("playlist_items", db => db.PlaylistItems.Where(i => UserPlaylists(db).Contains(i.PlaylistId))),
        new UserTable<PlaylistFollow>("playlist_follows", db => db.PlaylistFollows.Where(f =>
            !CatalogUsers.Contains(f.UserId) || UserPlaylists(db).Contains(f.PlaylistId))),
        new UserTable<Playlist>("playlists", db => db.Playlists.Where(p => !CatalogUsers.Contains(p.OwnerId))),
        new UserTable<SavedItem>("saved_items", db => db.SavedItems, catalogReferences: s =>
            [SavedItemReference(s)]),
        new UserTable<ArtistFollow>("artist_follows", db => db.ArtistFollows),
        new UserTable<UserFollow>("user_follows", db => db.UserFollows),
        new UserTable<PlayerSession>("player_sessions", db => db.PlayerSessions),
        new UserTable<PlayerDevice>("player_devices", db => db.PlayerDevices),
        new UserTable<PlayHistoryEntry>("play_history", db => db.PlayHistory, catalogReferences: h => [new(typeof(Track), nameof(h.TrackId), h.TrackId)]),
        new UserTable<EpisodeResumePoint>("episode_resume_points", db => db.EpisodeResumePoints, catalogReferences: r => [new(typeof(Episode), nameof(r.EpisodeId), r.EpisodeId)]),
        new UserTable<UserImage>("user_images", db => db.UserImages),
        new UserTable<User>("users", db => db.Users.Where(u => !CatalogUsers.Contains(u.Id))),
    ];

    /// <summary>
    /// The catalog, and what the server keeps for itself: its Data Protection keys, OpenIddict's scopes
    /// (which it does not use) and the clock's offset (the clock only moves forward).
    /// </summary>
    public static readonly IReadOnlyList<Type> NotUserMade =
    [
        typeof(Artist), typeof(Album), typeof(AlbumArtist), typeof(Track), typeof(TrackArtist),
        typeof(Show), typeof(Episode), typeof(Audiobook), typeof(Chapter),
        typeof(Category), typeof(CategoryName), typeof(CategoryPlaylist), typeof(AlbumCover), typeof(TrackAudioFile),
        typeof(DataProtectionKey), typeof(OpenIddictEntityFrameworkCoreScope), typeof(ServerClockOffset),
    ];

    private static CatalogReference SavedItemReference(SavedItem item) =>
        SavedItemTypes.TryGetValue(item.ItemType, out var type)
            ? new CatalogReference(type, nameof(item.ItemId), item.ItemId)
            : new CatalogReference(null, nameof(item.ItemType), item.ItemType);

    private static IQueryable<string> UserPlaylists(JukeboxDbContext db) =>
        db.Playlists.Where(p => !CatalogUsers.Contains(p.OwnerId)).Select(p => p.Id);
}
