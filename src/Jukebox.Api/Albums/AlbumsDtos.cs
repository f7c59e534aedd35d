using System.Text.Json.Serialization;
using Jukebox.Api.Artists;
using Jukebox.Api.Catalog;
using Jukebox.Api.Http;
using Jukebox.Api.Tracks;

namespace Jukebox.Api.Albums;

public class SimplifiedAlbumObject
{
    public required string AlbumType { get; init; }
    public required int TotalTracks { get; init; }

    [JsonConverter(typeof(MarketSetJsonConverter))]
    public required MarketSet AvailableMarkets { get; init; }
    public required ExternalUrlObject ExternalUrls { get; init; }
    public required string Href { get; init; }
    public required string Id { get; init; }
    public required IReadOnlyList<ImageObject> Images { get; init; }
    public required string Name { get; init; }
    public required string ReleaseDate { get; init; }
    public required string ReleaseDatePrecision { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? IsPlayable { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public RestrictionsObject? Restrictions { get; init; }
    public string Type { get; init; } = "album";
    public required string Uri { get; init; }
    public required IReadOnlyList<SimplifiedArtistObject> Artists { get; init; }
}

public sealed class ArtistDiscographyAlbumObject : SimplifiedAlbumObject
{
    public required string AlbumGroup { get; init; }
}

public sealed class AlbumObject : SimplifiedAlbumObject
{
    public required PagingObject<SimplifiedTrackObject> Tracks { get; init; }
    public required IReadOnlyList<CopyrightObject> Copyrights { get; init; }
    public required ExternalIdObject ExternalIds { get; init; }
    public required IReadOnlyList<string> Genres { get; init; }
    public required string Label { get; init; }
    public required int Popularity { get; init; }
}

public sealed record AlbumsResponse(IReadOnlyList<AlbumObject?> Albums);
