using Jukebox.Api.Playlists;

namespace Jukebox.Api.Http.Policies;

/// <summary>
/// The largest request body each Web API operation takes, keyed "METHOD /route" like the scope table.
/// <see cref="RoutePolicies.WithRoutePolicies"/> gives every route its limit as endpoint metadata
/// (ASP.NET Core's <c>IRequestSizeLimitMetadata</c>): a body whose Content-Length is over it is refused
/// before a byte of it is read (<see cref="BodyLimitRefusal"/>), and one sent without a length is cut
/// off by the server, to which routing hands the limit, as soon as it goes past it; in both cases 413
/// with Spotify's error object (<see cref="SpotifyErrorHandler"/>). Spotify publishes one such limit, the cover
/// upload's 256 KB; the others are Jukebox's.
/// </summary>
public static class BodyLimits
{
    /// <summary>
    /// Every other operation: far above the largest body Spotify accepts for any of them (a play request
    /// naming thousands of URIs is tens of KB; the others a few KB).
    /// </summary>
    public const long Default = 1024 * 1024;

    public static readonly IReadOnlyDictionary<string, long> Table = new Dictionary<string, long>(StringComparer.Ordinal)
    {
        ["PUT /playlists/{playlist_id}/images"] = PlaylistRequests.MaxImageBytes,
    };

    public static long For(string routeKey) => Table.GetValueOrDefault(routeKey, Default);
}
