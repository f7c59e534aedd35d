using Jukebox.Data.Entities;

namespace Jukebox.Api.Http.Policies;

/// <summary>
/// What each Web API operation does under each API profile (<see cref="ApiProfiles"/>): the one table
/// of the regimes Spotify has served apps under (behaviors §7). Every operation has a row, so a route
/// added without deciding its fate fails a test. A row says whether the operation is refused, and how;
/// rules that depend on the resource are applied where the objects are made, and the row notes them;
/// the fields a profile removes are <see cref="ProfileFields"/>' table. development-2026 keeps every
/// restriction of restricted-2024 and adds its own.
/// </summary>
public static class ProfileTable
{
    /// <summary>How an operation is refused: the status, and the message (none: the body has only the status).</summary>
    public sealed record Refusal(int Status, string? Message);

    /// <summary>An operation's fate under the two restricted profiles; null means it is served as under full.</summary>
    public sealed record Row(Refusal? Restricted2024, Refusal? Development2026)
    {
        /// <summary>The refusal under the profile, if the operation is refused there.</summary>
        public Refusal? For(string profile) => profile switch
        {
            ApiProfiles.Restricted2024 => Restricted2024,
            ApiProfiles.Development2026 => Development2026 ?? Restricted2024,
            _ => null,
        };
    }

    /// <summary>
    /// Spotify-owned (editorial and algorithmic) playlists are hidden from apps made from 27 Nov 2024:
    /// 404 <c>Resource not found</c>, and <c>null</c> where they appear in a list of playlists or a search.
    /// </summary>
    public static bool HidesSpotifyPlaylists(AppProfile profile) => profile.Name is ApiProfiles.Restricted2024 or ApiProfiles.Development2026;

    /// <summary>
    /// Development mode since 2026 shows a playlist's items only to a user who owns it or collaborates on
    /// it: its items are 403 <c>Forbidden</c> to anyone else, and its object comes without them.
    /// </summary>
    public static bool ItemsOnlyForMembers(AppProfile profile) => profile.Name == ApiProfiles.Development2026;

    public const string HiddenPlaylist = "Resource not found";

    /// <summary>Gone for apps made from 27 Nov 2024: 404, as Spotify answers for these.</summary>
    private static readonly Row NotFound2024 = new(new(404, "Not Found"), null);

    /// <summary>Audio features and analysis from 27 Nov 2024: 403 with no message.</summary>
    private static readonly Row Forbidden2024 = new(new(403, null), null);

    /// <summary>Removed for development mode in Feb 2026: 403 Forbidden.</summary>
    private static readonly Row Removed2026 = new(null, new(403, "Forbidden"));

    /// <summary>Served under every profile (fields and resources may still differ, as noted).</summary>
    private static readonly Row Served = new(null, null);

    public static readonly IReadOnlyDictionary<string, Row> Table = new Dictionary<string, Row>(StringComparer.Ordinal)
    {
        // Catalog: the batch gets went in 2026; single items stay (without the fields development mode removed).
        ["GET /albums/{id}"] = Served,
        ["GET /albums"] = Removed2026,
        ["GET /albums/{id}/tracks"] = Served,
        ["GET /artists/{id}"] = Served,
        ["GET /artists"] = Removed2026,
        ["GET /artists/{id}/albums"] = Served,
        ["GET /artists/{id}/top-tracks"] = Removed2026,
        ["GET /artists/{id}/related-artists"] = NotFound2024,
        ["GET /shows/{id}"] = Served,
        ["GET /shows"] = Removed2026,
        ["GET /shows/{id}/episodes"] = Served,
        ["GET /episodes/{id}"] = Served,
        ["GET /episodes"] = Removed2026,
        ["GET /audiobooks/{id}"] = Served,
        ["GET /audiobooks"] = Removed2026,
        ["GET /audiobooks/{id}/chapters"] = Served,
        ["GET /chapters/{id}"] = Served,
        ["GET /chapters"] = Removed2026,
        ["GET /tracks/{id}"] = Served,
        ["GET /tracks"] = Removed2026,
        ["GET /search"] = Served, // at most 10 results per type, 5 by default, under every profile (the spec's limits)
        ["GET /markets"] = Removed2026,
        ["GET /audio-features"] = Forbidden2024,
        ["GET /audio-features/{id}"] = Forbidden2024,
        ["GET /audio-analysis/{id}"] = Forbidden2024,
        ["GET /recommendations"] = NotFound2024,
        ["GET /recommendations/available-genre-seeds"] = NotFound2024,

        // Browse.
        ["GET /browse/featured-playlists"] = NotFound2024,
        ["GET /browse/categories"] = Removed2026,
        ["GET /browse/categories/{category_id}"] = Removed2026,
        ["GET /browse/categories/{category_id}/playlists"] = NotFound2024,
        ["GET /browse/new-releases"] = Removed2026,

        // Users.
        ["GET /me"] = Served, // without the fields development mode removed (ProfileFields)
        ["GET /users/{user_id}"] = Removed2026,
        ["GET /users/{user_id}/playlists"] = Removed2026,
        ["POST /users/{user_id}/playlists"] = Removed2026,
        ["GET /me/top/artists"] = Served,
        ["GET /me/top/tracks"] = Served,

        // Playlists: /tracks went in 2026 in every verb, for /items.
        ["GET /me/playlists"] = Served, // Spotify-owned playlists are null (HidesSpotifyPlaylists)
        ["POST /me/playlists"] = Served,
        ["GET /playlists/{playlist_id}"] = Served, // Spotify-owned: 404 (HidesSpotifyPlaylists); items only for members (ItemsOnlyForMembers)
        ["PUT /playlists/{playlist_id}"] = Served,
        ["GET /playlists/{playlist_id}/tracks"] = Removed2026,
        ["POST /playlists/{playlist_id}/tracks"] = Removed2026,
        ["PUT /playlists/{playlist_id}/tracks"] = Removed2026,
        ["DELETE /playlists/{playlist_id}/tracks"] = Removed2026,
        ["GET /playlists/{playlist_id}/items"] = Served, // as GET /playlists/{playlist_id}, and 403 to others than members
        ["POST /playlists/{playlist_id}/items"] = Served,
        ["PUT /playlists/{playlist_id}/items"] = Served,
        ["DELETE /playlists/{playlist_id}/items"] = Served,
        ["GET /playlists/{playlist_id}/images"] = Served,
        ["PUT /playlists/{playlist_id}/images"] = Served,
        ["PUT /playlists/{playlist_id}/followers"] = Removed2026,
        ["DELETE /playlists/{playlist_id}/followers"] = Removed2026,
        ["GET /playlists/{playlist_id}/followers/contains"] = Removed2026,
        ["GET /users/{user_id}/playlists/{playlist_id}/followers/contains"] = Removed2026,

        // Library: the per-type writes and every contains went in 2026, for /me/library; the lists stay.
        ["PUT /me/library"] = Served,
        ["DELETE /me/library"] = Served,
        ["GET /me/library/contains"] = Served,
        ["GET /me/albums"] = Served,
        ["PUT /me/albums"] = Removed2026,
        ["DELETE /me/albums"] = Removed2026,
        ["GET /me/albums/contains"] = Removed2026,
        ["GET /me/tracks"] = Served,
        ["PUT /me/tracks"] = Removed2026,
        ["DELETE /me/tracks"] = Removed2026,
        ["GET /me/tracks/contains"] = Removed2026,
        ["GET /me/episodes"] = Served,
        ["PUT /me/episodes"] = Removed2026,
        ["DELETE /me/episodes"] = Removed2026,
        ["GET /me/episodes/contains"] = Removed2026,
        ["GET /me/shows"] = Served,
        ["PUT /me/shows"] = Removed2026,
        ["DELETE /me/shows"] = Removed2026,
        ["GET /me/shows/contains"] = Removed2026,
        ["GET /me/audiobooks"] = Served,
        ["PUT /me/audiobooks"] = Removed2026,
        ["DELETE /me/audiobooks"] = Removed2026,
        ["GET /me/audiobooks/contains"] = Removed2026,
        ["GET /me/following"] = Served,
        ["PUT /me/following"] = Removed2026,
        ["DELETE /me/following"] = Removed2026,
        ["GET /me/following/contains"] = Removed2026,

        // Player: all of it stays.
        ["GET /me/player"] = Served,
        ["PUT /me/player"] = Served,
        ["GET /me/player/devices"] = Served,
        ["GET /me/player/currently-playing"] = Served,
        ["PUT /me/player/play"] = Served,
        ["PUT /me/player/pause"] = Served,
        ["POST /me/player/next"] = Served,
        ["POST /me/player/previous"] = Served,
        ["PUT /me/player/seek"] = Served,
        ["PUT /me/player/repeat"] = Served,
        ["PUT /me/player/volume"] = Served,
        ["PUT /me/player/shuffle"] = Served,
        ["GET /me/player/recently-played"] = Served,
        ["GET /me/player/queue"] = Served,
        ["POST /me/player/queue"] = Served,
    };
}
