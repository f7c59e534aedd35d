namespace Jukebox.Accounts.Authorization;

/// <summary>
/// Every OAuth scope Spotify defines and what the consent page tells the user about it (the Scopes
/// concept page). Which Web API operations need which is the Web API's scope table.
/// </summary>
public static class SpotifyScopes
{
    public const string UgcImageUpload = "ugc-image-upload";
    public const string UserReadPlaybackState = "user-read-playback-state";
    public const string UserModifyPlaybackState = "user-modify-playback-state";
    public const string UserReadCurrentlyPlaying = "user-read-currently-playing";
    public const string AppRemoteControl = "app-remote-control";
    public const string Streaming = "streaming";
    public const string PlaylistReadPrivate = "playlist-read-private";
    public const string PlaylistReadCollaborative = "playlist-read-collaborative";
    public const string PlaylistModifyPrivate = "playlist-modify-private";
    public const string PlaylistModifyPublic = "playlist-modify-public";
    public const string UserFollowModify = "user-follow-modify";
    public const string UserFollowRead = "user-follow-read";
    public const string UserReadPlaybackPosition = "user-read-playback-position";
    public const string UserTopRead = "user-top-read";
    public const string UserReadRecentlyPlayed = "user-read-recently-played";
    public const string UserLibraryModify = "user-library-modify";
    public const string UserLibraryRead = "user-library-read";
    public const string UserReadEmail = "user-read-email";
    public const string UserReadPrivate = "user-read-private";
    public const string UserPersonalized = "user-personalized";
    public const string UserSoaLink = "user-soa-link";
    public const string UserSoaUnlink = "user-soa-unlink";
    public const string SoaManageEntitlements = "soa-manage-entitlements";
    public const string SoaManagePartner = "soa-manage-partner";
    public const string SoaCreatePartner = "soa-create-partner";

    /// <summary>Each scope with the sentence the consent page shows the user ("Visible to users").</summary>
    public static readonly IReadOnlyDictionary<string, string> UserDescriptions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [UgcImageUpload] = "Upload images to Spotify on your behalf.",
        [UserReadPlaybackState] = "Read your currently playing content and Spotify Connect devices information.",
        [UserModifyPlaybackState] = "Control playback on your Spotify clients and Spotify Connect devices.",
        [UserReadCurrentlyPlaying] = "Read your currently playing content.",
        [AppRemoteControl] = "Communicate with the Spotify app on your device.",
        [Streaming] = "Play content and control playback on your other devices.",
        [PlaylistReadPrivate] = "Access your private playlists.",
        [PlaylistReadCollaborative] = "Access your collaborative playlists.",
        [PlaylistModifyPrivate] = "Manage your private playlists.",
        [PlaylistModifyPublic] = "Manage your public playlists.",
        [UserFollowModify] = "Manage who you are following.",
        [UserFollowRead] = "Access your followers and who you are following.",
        [UserReadPlaybackPosition] = "Read your position in content you have played.",
        [UserTopRead] = "Read your top artists and content.",
        [UserReadRecentlyPlayed] = "Access your recently played items.",
        [UserLibraryModify] = "Manage your saved content.",
        [UserLibraryRead] = "Access your saved content.",
        [UserReadEmail] = "Get your real email address.",
        [UserReadPrivate] = "Access your subscription details.",
        [UserPersonalized] = "Get personalized content for you.",
        [UserSoaLink] = "Link a partner user account to your Spotify account.",
        [UserSoaUnlink] = "Unlink a partner user account from your Spotify account.",
        [SoaManageEntitlements] = "Modify entitlements for linked users.",
        [SoaManagePartner] = "Update partner information.",
        [SoaCreatePartner] = "Create new partners.",
    };

    public static bool IsKnown(string scope) => UserDescriptions.ContainsKey(scope);
}
