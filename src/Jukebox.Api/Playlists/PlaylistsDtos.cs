using Jukebox.Api.Http;

namespace Jukebox.Api.Playlists;

public sealed record PlaylistOwnerObject(ExternalUrlObject ExternalUrls, string Href, string Id, string Type, string Uri, string? DisplayName);

public sealed record PlaylistTracksRefObject(string Href, int Total);

public sealed record SimplifiedPlaylistObject(
    bool Collaborative,
    string Description,
    ExternalUrlObject ExternalUrls,
    string Href,
    string Id,
    IReadOnlyList<ImageObject> Images,
    string Name,
    PlaylistOwnerObject Owner,
    bool Public,
    string SnapshotId,
    PlaylistTracksRefObject Items,
    PlaylistTracksRefObject Tracks,
    string Type,
    string Uri);
