using System.Text.Json.Serialization;
using Jukebox.Api.Albums;
using Jukebox.Api.Artists;
using Jukebox.Api.Catalog;
using Jukebox.Api.Http;

namespace Jukebox.Api.Tracks;

public class SimplifiedTrackObject
{
    public required IReadOnlyList<SimplifiedArtistObject> Artists { get; init; }

    /// <summary>Present without a market; replaced by is_playable when the request names one.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonConverter(typeof(MarketSetJsonConverter))]
    public MarketSet? AvailableMarkets { get; init; }
    public required int DiscNumber { get; init; }
    public required int DurationMs { get; init; }
    public required bool Explicit { get; init; }
    public required ExternalUrlObject ExternalUrls { get; init; }
    public required string Href { get; init; }
    public required string Id { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? IsPlayable { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public LinkedTrackObject? LinkedFrom { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public RestrictionsObject? Restrictions { get; init; }
    public required string Name { get; init; }
    public required string? PreviewUrl { get; init; }
    public required int TrackNumber { get; init; }
    public string Type { get; init; } = "track";
    public required string Uri { get; init; }
    public bool IsLocal { get; init; }
}

public sealed class TrackObject : SimplifiedTrackObject
{
    public required SimplifiedAlbumObject Album { get; init; }
    public required ExternalIdObject ExternalIds { get; init; }
    public required int Popularity { get; init; }
}

public sealed record LinkedTrackObject(ExternalUrlObject ExternalUrls, string Href, string Id, string Type, string Uri);

public sealed record TracksResponse(IReadOnlyList<TrackObject?> Tracks);
