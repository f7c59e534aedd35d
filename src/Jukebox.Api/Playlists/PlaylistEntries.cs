using System.Net;
using Jukebox.Api.Catalog;
using Jukebox.Api.Http;

namespace Jukebox.Api.Playlists;

/// <summary>What a playlist entry holds: a catalog track, an episode, or a local file.</summary>
public readonly record struct PlaylistEntry(string? TrackId, string? EpisodeId, string? LocalUri)
{
    public string Uri => TrackId is not null ? SpotifyIds.Uri("track", TrackId)
        : EpisodeId is not null ? SpotifyIds.Uri("episode", EpisodeId)
        : LocalUri!;

    /// <summary>
    /// The entry a request's uri names. Tracks and episodes must exist (400 otherwise); local files
    /// cannot be added (<paramref name="allowLocal"/> false) but can be named to remove them.
    /// </summary>
    public static PlaylistEntry Parse(string? uri, CatalogSnapshot catalog, bool allowLocal)
    {
        if (uri is not null && uri.StartsWith("spotify:local:", StringComparison.Ordinal))
        {
            if (!allowLocal)
            {
                throw SpotifyException.BadRequest(PlaylistErrors.LocalNotAddable);
            }
            return LocalFile.TryParse(uri, out _) ? new PlaylistEntry(null, null, uri) : throw SpotifyException.BadRequest(PlaylistErrors.InvalidUri(uri));
        }
        if (!SpotifyIds.TryParseUri(uri, out var type, out var id) || type is not ("track" or "episode"))
        {
            throw SpotifyException.BadRequest(PlaylistErrors.InvalidUri(uri));
        }
        var exists = type == "track" ? catalog.Tracks.ContainsKey(id) : catalog.Episodes.ContainsKey(id);
        if (!exists)
        {
            throw SpotifyException.BadRequest(PlaylistErrors.NonExistingId);
        }
        return type == "track" ? new PlaylistEntry(id, null, null) : new PlaylistEntry(null, id, null);
    }

    /// <summary>
    /// A request's uris: from the comma-separated query parameter when present (it wins over the
    /// body, as the spec says), else from the body.
    /// </summary>
    public static IReadOnlyList<string?>? UrisOf(string? query, IReadOnlyList<string?>? body) =>
        query is not null ? query.Length == 0 ? [] : query.Split(',', StringSplitOptions.TrimEntries) : body;
}

/// <summary>
/// A local file's uri, <c>spotify:local:{artist}:{album}:{title}:{seconds}</c> with each part
/// form-encoded, and the track object the concept page gives it.
/// </summary>
public sealed record LocalFile(string Artist, string Album, string Title, int Seconds)
{
    public static bool TryParse(string uri, out LocalFile file)
    {
        file = null!;
        var parts = uri.Split(':');
        if (parts is not ["spotify", "local", var artist, var album, var title, var seconds]
            || !int.TryParse(seconds, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var s))
        {
            return false;
        }
        file = new LocalFile(WebUtility.UrlDecode(artist), WebUtility.UrlDecode(album), WebUtility.UrlDecode(title), s);
        return true;
    }

    public static LocalTrackObject ObjectOf(string uri)
    {
        if (!TryParse(uri, out var file))
        {
            file = new LocalFile("", "", "", 0);
        }
        var empty = new EmptyObject();
        return new LocalTrackObject(
            Album: new LocalAlbumObject(null, [], empty, null, null, [], file.Album, "album", null),
            Artists: [new LocalArtistObject(empty, null, null, file.Artist, "artist", null)],
            AvailableMarkets: [],
            DiscNumber: 0,
            DurationMs: file.Seconds * 1000,
            Explicit: false,
            ExternalIds: empty,
            ExternalUrls: empty,
            Href: null,
            Id: null,
            IsLocal: true,
            Name: file.Title,
            Popularity: 0,
            PreviewUrl: null,
            TrackNumber: 0,
            Type: "track",
            Uri: uri);
    }
}
