using Jukebox.Accounts.Authorization;
using static Jukebox.Accounts.Authorization.SpotifyScopes;

namespace Jukebox.Api.Http.Policies;

/// <summary>
/// Which Web API operations need which scopes: the one table of scope rules (the Scopes concept page
/// and the spec's security requirements). The scopes themselves are the Accounts service's
/// (<see cref="SpotifyScopes"/>).
/// </summary>
public static class ScopeTable
{
    /// <summary>
    /// What each operation needs, keyed by "METHOD /route" as the routes are declared under /v1.
    /// User: the token must act for a user (a client-credentials token gets 401); All: every one of
    /// these scopes; Any: at least one of them (the spec lists alternatives, e.g. modify-public or
    /// modify-private, and the service then checks the one the resource needs). Rules that depend on
    /// the resource or only hide fields are applied by the area's service and noted here.
    /// Operations not listed work with any valid token.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, Requirement> Table = new Dictionary<string, Requirement>(StringComparer.Ordinal)
    {
        // Catalog operations work with any token. Shows and episodes need user-read-playback-position
        // only for resume points, which are left out without it.
        // GET /me: email only with user-read-email; country, product and explicit_content only with
        // user-read-private (Users/UsersEndpoints).
        ["GET /me"] = UserOnly,
        ["GET /me/playlists"] = UserOnly, // private ones need playlist-read-private, collaborative ones playlist-read-collaborative
        ["POST /me/playlists"] = Any(PlaylistModifyPublic, PlaylistModifyPrivate), // the one matching "public"
        ["POST /users/{user_id}/playlists"] = Any(PlaylistModifyPublic, PlaylistModifyPrivate),
        ["PUT /playlists/{playlist_id}"] = Any(PlaylistModifyPublic, PlaylistModifyPrivate),
        ["POST /playlists/{playlist_id}/tracks"] = Any(PlaylistModifyPublic, PlaylistModifyPrivate),
        ["PUT /playlists/{playlist_id}/tracks"] = Any(PlaylistModifyPublic, PlaylistModifyPrivate),
        ["DELETE /playlists/{playlist_id}/tracks"] = Any(PlaylistModifyPublic, PlaylistModifyPrivate),
        ["POST /playlists/{playlist_id}/items"] = Any(PlaylistModifyPublic, PlaylistModifyPrivate),
        ["PUT /playlists/{playlist_id}/items"] = Any(PlaylistModifyPublic, PlaylistModifyPrivate),
        ["DELETE /playlists/{playlist_id}/items"] = Any(PlaylistModifyPublic, PlaylistModifyPrivate),
        ["PUT /playlists/{playlist_id}/followers"] = Any(PlaylistModifyPublic, PlaylistModifyPrivate),
        ["DELETE /playlists/{playlist_id}/followers"] = Any(PlaylistModifyPublic, PlaylistModifyPrivate),
        ["PUT /playlists/{playlist_id}/images"] = new(User: true, All: [UgcImageUpload], Any: [PlaylistModifyPublic, PlaylistModifyPrivate]),
        ["PUT /me/library"] = UserOnly, // by the URIs' types: user-library-modify, user-follow-modify, playlist-modify-*
        ["DELETE /me/library"] = UserOnly,
        ["GET /me/library/contains"] = UserOnly, // user-library-read, user-follow-read, playlist-read-private by type
        ["GET /me/albums"] = All(UserLibraryRead),
        ["PUT /me/albums"] = All(UserLibraryModify),
        ["DELETE /me/albums"] = All(UserLibraryModify),
        ["GET /me/albums/contains"] = All(UserLibraryRead),
        ["GET /me/tracks"] = All(UserLibraryRead),
        ["PUT /me/tracks"] = All(UserLibraryModify),
        ["DELETE /me/tracks"] = All(UserLibraryModify),
        ["GET /me/tracks/contains"] = All(UserLibraryRead),
        ["GET /me/episodes"] = All(UserLibraryRead),
        ["PUT /me/episodes"] = All(UserLibraryModify),
        ["DELETE /me/episodes"] = All(UserLibraryModify),
        ["GET /me/episodes/contains"] = All(UserLibraryRead),
        ["GET /me/shows"] = All(UserLibraryRead),
        ["PUT /me/shows"] = All(UserLibraryModify),
        ["DELETE /me/shows"] = All(UserLibraryModify),
        ["GET /me/shows/contains"] = All(UserLibraryRead),
        ["GET /me/audiobooks"] = All(UserLibraryRead),
        ["PUT /me/audiobooks"] = All(UserLibraryModify),
        ["DELETE /me/audiobooks"] = All(UserLibraryModify),
        ["GET /me/audiobooks/contains"] = All(UserLibraryRead),
        ["GET /me/following"] = All(UserFollowRead),
        ["PUT /me/following"] = All(UserFollowModify),
        ["DELETE /me/following"] = All(UserFollowModify),
        ["GET /me/following/contains"] = All(UserFollowRead),
        ["GET /me/player"] = All(UserReadPlaybackState),
        ["PUT /me/player"] = All(UserModifyPlaybackState),
        ["GET /me/player/devices"] = All(UserReadPlaybackState),
        ["GET /me/player/currently-playing"] = Any(UserReadCurrentlyPlaying, UserReadPlaybackState),
        ["PUT /me/player/play"] = All(UserModifyPlaybackState),
        ["PUT /me/player/pause"] = All(UserModifyPlaybackState),
        ["POST /me/player/next"] = All(UserModifyPlaybackState),
        ["POST /me/player/previous"] = All(UserModifyPlaybackState),
        ["PUT /me/player/seek"] = All(UserModifyPlaybackState),
        ["PUT /me/player/repeat"] = All(UserModifyPlaybackState),
        ["PUT /me/player/volume"] = All(UserModifyPlaybackState),
        ["PUT /me/player/shuffle"] = All(UserModifyPlaybackState),
        ["GET /me/player/recently-played"] = All(UserReadRecentlyPlayed),
        ["GET /me/player/queue"] = Any(UserReadCurrentlyPlaying, UserReadPlaybackState),
        ["POST /me/player/queue"] = All(UserModifyPlaybackState),
        ["GET /me/top/artists"] = All(UserTopRead),
        ["GET /me/top/tracks"] = All(UserTopRead),
    };

    public sealed record Requirement(bool User, string[] All, string[] Any);

    private static Requirement UserOnly => new(User: true, All: [], Any: []);

    private static Requirement All(params string[] scopes) => new(User: true, All: scopes, Any: []);

    private static Requirement Any(params string[] scopes) => new(User: true, All: [], Any: scopes);

    /// <summary>Throws Spotify's error when the caller does not meet the requirement.</summary>
    public static void Check(Requirement requirement, Caller caller)
    {
        if (requirement.User && !caller.IsUser)
        {
            throw SpotifyException.Unauthorized("Unauthorized");
        }
        if (!requirement.All.All(caller.Scopes.Contains) || (requirement.Any.Length > 0 && !requirement.Any.Any(caller.Scopes.Contains)))
        {
            throw SpotifyException.Forbidden(SpotifyErrors.InsufficientScope);
        }
    }

    /// <summary>
    /// The scopes a user token lacks for the requirement, as a developer would read them ("a" or
    /// "a or b"); null when it lacks none. Spotify's 403 does not say; the sandbox's request log does.
    /// </summary>
    public static string? Missing(Requirement requirement, Caller caller)
    {
        var missing = requirement.All.Where(s => !caller.Scopes.Contains(s)).ToList();
        if (requirement.Any.Length > 0 && !requirement.Any.Any(caller.Scopes.Contains))
        {
            missing.Add(string.Join(" or ", requirement.Any));
        }
        return missing.Count == 0 ? null : string.Join(", ", missing);
    }

    // Rules that depend on the resource or only hide fields: decided here, applied by the service that
    // knows the resource (the table above names them where an operation has one).

    /// <summary>Changing a playlist's items or details needs the modify scope of its visibility.</summary>
    public static bool MayChangePlaylist(Caller caller, bool isPublic) =>
        caller.Scopes.Contains(isPublic ? PlaylistModifyPublic : PlaylistModifyPrivate);

    /// <summary>Following or unfollowing a playlist through /me/library.</summary>
    public static bool MayFollowPlaylists(Caller caller) => caller.Scopes.Contains(PlaylistModifyPublic);

    /// <summary>A user's own private playlists (in lists, and whether they follow one privately).</summary>
    public static bool MayReadPrivatePlaylists(Caller caller) => caller.Scopes.Contains(PlaylistReadPrivate);

    /// <summary>A user's own collaborative playlists in their list.</summary>
    public static bool MayReadCollaborativePlaylists(Caller caller) => caller.Scopes.Contains(PlaylistReadCollaborative);

    public static bool MayReadLibrary(Caller caller) => caller.Scopes.Contains(UserLibraryRead);

    public static bool MayModifyLibrary(Caller caller) => caller.Scopes.Contains(UserLibraryModify);

    public static bool MayReadFollows(Caller caller) => caller.Scopes.Contains(UserFollowRead);

    public static bool MayModifyFollows(Caller caller) => caller.Scopes.Contains(UserFollowModify);

    /// <summary>Shows' and episodes' resume points are left out without user-read-playback-position.</summary>
    public static bool SeesResumePoints(Caller caller) => caller.IsUser && caller.Scopes.Contains(UserReadPlaybackPosition);

    /// <summary>GET /me: country, product and explicit_content only with user-read-private.</summary>
    public static bool SeesPrivateProfile(Caller caller) => caller.Scopes.Contains(UserReadPrivate);

    /// <summary>GET /me: email only with user-read-email.</summary>
    public static bool SeesEmail(Caller caller) => caller.Scopes.Contains(UserReadEmail);
}
