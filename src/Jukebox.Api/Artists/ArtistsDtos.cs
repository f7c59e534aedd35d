using Jukebox.Api.Http;
using Jukebox.Api.Tracks;

namespace Jukebox.Api.Artists;

public sealed record SimplifiedArtistObject(ExternalUrlObject ExternalUrls, Link Href, string Id, string Name, string Type, Link Uri);

public sealed record ArtistObject(
    ExternalUrlObject ExternalUrls,
    FollowersObject Followers,
    IReadOnlyList<string> Genres,
    string Href,
    string Id,
    IReadOnlyList<ImageObject> Images,
    string Name,
    int Popularity,
    string Type,
    string Uri);

public sealed record ArtistsResponse(IReadOnlyList<ArtistObject?> Artists);

public sealed record ArtistTopTracksResponse(IReadOnlyList<TrackObject> Tracks);
