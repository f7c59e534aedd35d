using System.Text.Json.Serialization;
using Jukebox.Api.Artists;
using Jukebox.Api.Catalog;
using Jukebox.Api.Http;
using Jukebox.Api.Tracks;

namespace Jukebox.Api.Albums;

public class SimplifiedAlbumObject
{
    public string AlbumType { get; set; } = null!;
    public int TotalTracks { get; set; }

    public MarketSet AvailableMarkets { get; set; } = null!;
    public ExternalUrlObject ExternalUrls { get; set; } = null!;
    public Link Href { get; set; }
    public string Id { get; set; } = null!;
    public IReadOnlyList<ImageObject> Images { get; set; } = null!;
    public string Name { get; set; } = null!;
    public string ReleaseDate { get; set; } = null!;
    public string ReleaseDatePrecision { get; set; } = null!;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? IsPlayable { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public RestrictionsObject? Restrictions { get; set; }
    public string Type { get; set; } = "album";
    public Link Uri { get; set; }
    public IReadOnlyList<SimplifiedArtistObject> Artists { get; set; } = null!;
}

public sealed class ArtistDiscographyAlbumObject : SimplifiedAlbumObject
{
    public string AlbumGroup { get; set; } = null!;
}

public sealed class AlbumObject : SimplifiedAlbumObject
{
    public PagingObject<SimplifiedTrackObject> Tracks { get; set; } = null!;
    public IReadOnlyList<CopyrightObject> Copyrights { get; set; } = null!;
    public ExternalIdObject ExternalIds { get; set; } = null!;
    public IReadOnlyList<string> Genres { get; set; } = null!;
    public string Label { get; set; } = null!;
    public int Popularity { get; set; }
}

public sealed record AlbumsResponse(IReadOnlyList<AlbumObject?> Albums);
