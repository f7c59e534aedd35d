using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Jukebox.Api.Http;

/// <summary>
/// Every OAuth scope, what the consent page tells the user about it, and which Web API operations
/// need which scopes: the one table of scope rules (the Scopes concept page and the spec's security
/// requirements). <see cref="RequireScopesFromTable"/> applies it to every /v1 route.
/// </summary>
public static class Scopes
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
    private static ValueTask<object?>? Check(Requirement requirement, HttpContext context)
    {
        var caller = Caller.From(context);
        if (requirement.User && !caller.IsUser)
        {
            throw SpotifyException.Unauthorized("Unauthorized");
        }
        if (!requirement.All.All(caller.Scopes.Contains) || (requirement.Any.Length > 0 && !requirement.Any.Any(caller.Scopes.Contains)))
        {
            throw SpotifyException.Forbidden(SpotifyErrors.InsufficientScope);
        }
        return null;
    }

    /// <summary>Applies <see cref="Table"/> to every endpoint of the group by its route pattern.</summary>
    public static TBuilder RequireScopesFromTable<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            if (endpoint is not RouteEndpointBuilder route)
            {
                return;
            }
            var method = route.Metadata.OfType<HttpMethodMetadata>().FirstOrDefault()?.HttpMethods.FirstOrDefault() ?? "GET";
            var pattern = route.RoutePattern.RawText ?? "";
            var key = $"{method} {(pattern.StartsWith("/v1", StringComparison.Ordinal) ? pattern[3..] : pattern)}";
            if (Table.TryGetValue(key, out var requirement))
            {
                route.FilterFactories.Add((_, next) => context => Check(requirement, context.HttpContext) ?? next(context));
            }
        });
        return builder;
    }
}
