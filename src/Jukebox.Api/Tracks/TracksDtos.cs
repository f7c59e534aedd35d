using System.Text.Json.Serialization;
using Jukebox.Api.Albums;
using Jukebox.Api.Artists;
using Jukebox.Api.Catalog;
using Jukebox.Api.Http;

namespace Jukebox.Api.Tracks;

public class SimplifiedTrackObject
{
    public IReadOnlyList<SimplifiedArtistObject> Artists { get; set; } = null!;

    /// <summary>Present without a market; replaced by is_playable when the request names one.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public MarketSet? AvailableMarkets { get; set; }
    public int DiscNumber { get; set; }
    public int DurationMs { get; set; }
    public bool Explicit { get; set; }
    public ExternalUrlObject ExternalUrls { get; set; } = null!;
    public Link Href { get; set; }
    public string Id { get; set; } = null!;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? IsPlayable { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public LinkedTrackObject? LinkedFrom { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public RestrictionsObject? Restrictions { get; set; }
    public string Name { get; set; } = null!;
    public string? PreviewUrl { get; set; }
    public int TrackNumber { get; set; }
    public string Type { get; set; } = "track";
    public Link Uri { get; set; }
    public bool IsLocal { get; set; }
}

public sealed class TrackObject : SimplifiedTrackObject
{
    public SimplifiedAlbumObject Album { get; set; } = null!;
    public ExternalIdObject ExternalIds { get; set; } = null!;
    public int Popularity { get; set; }
}

public sealed record LinkedTrackObject(ExternalUrlObject ExternalUrls, Link Href, string Id, string Type, Link Uri);

public sealed record TracksResponse(IReadOnlyList<TrackObject?> Tracks);
