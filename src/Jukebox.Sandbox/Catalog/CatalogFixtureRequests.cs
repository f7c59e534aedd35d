using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Jukebox.Sandbox.Catalog;

/// <summary>
/// The bodies of <c>POST</c> and <c>PUT /sandbox/catalog/{type}</c>: the Web API's objects, of which the
/// fields the catalog keeps are read (an artist's and an album's <c>images</c> among them, see
/// <see cref="ImageRules"/>) and the others (href, uri, external_urls, total_tracks, is_playable, …) ignored, so an object as GET returns it is a valid body. Related objects are named by
/// their <c>id</c>. A field left out takes its default (see <see cref="FixtureRules"/>).
/// </summary>
public sealed record ArtistFixture(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("genres")] IReadOnlyList<string?>? Genres,
    [property: JsonPropertyName("popularity")] int? Popularity,
    [property: JsonPropertyName("followers")] FollowersFixture? Followers)
{
    /// <summary>The object's own images (see <see cref="ImageRules"/>); left out, the generated covers.</summary>
    [JsonPropertyName("images")]
    public IReadOnlyList<ImageFixture?>? Images { get; init; }
}

public sealed record FollowersFixture([property: JsonPropertyName("total")] long? Total);

/// <summary>An album with its tracks (<c>tracks.items</c>, simplified tracks).</summary>
public sealed record AlbumFixture(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("album_type")] string? AlbumType,
    [property: JsonPropertyName("artists")] IReadOnlyList<IdFixture?>? Artists,
    [property: JsonPropertyName("available_markets")] IReadOnlyList<string?>? AvailableMarkets,
    [property: JsonPropertyName("release_date")] string? ReleaseDate,
    [property: JsonPropertyName("release_date_precision")] string? ReleaseDatePrecision,
    [property: JsonPropertyName("label")] string? Label,
    [property: JsonPropertyName("genres")] IReadOnlyList<string?>? Genres,
    [property: JsonPropertyName("popularity")] int? Popularity,
    [property: JsonPropertyName("copyrights")] IReadOnlyList<CopyrightFixture?>? Copyrights,
    [property: JsonPropertyName("external_ids")] ExternalIdsFixture? ExternalIds,
    [property: JsonPropertyName("tracks")] AlbumTracksFixture? Tracks)
{
    /// <summary>The object's own images (see <see cref="ImageRules"/>); left out, the generated covers.</summary>
    [JsonPropertyName("images")]
    public IReadOnlyList<ImageFixture?>? Images { get; init; }
}

public sealed record AlbumTracksFixture([property: JsonPropertyName("items")] IReadOnlyList<TrackFixture?>? Items);

public sealed record CopyrightFixture(
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("type")] string? Type);

/// <summary>
/// A track. In an album's <c>tracks.items</c> its <c>album</c> is the album; on its own it names one.
/// Tracks that share <c>external_ids.isrc</c> are instances of one recording: relinking serves one of
/// them in a market where the requested one is not available.
/// </summary>
public sealed record TrackFixture(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("artists")] IReadOnlyList<IdFixture?>? Artists,
    [property: JsonPropertyName("album")] IdFixture? Album,
    [property: JsonPropertyName("duration_ms")] int? DurationMs,
    [property: JsonPropertyName("explicit")] bool? Explicit,
    [property: JsonPropertyName("disc_number")] int? DiscNumber,
    [property: JsonPropertyName("track_number")] int? TrackNumber,
    [property: JsonPropertyName("available_markets")] IReadOnlyList<string?>? AvailableMarkets,
    [property: JsonPropertyName("external_ids")] ExternalIdsFixture? ExternalIds,
    [property: JsonPropertyName("preview_url")] string? PreviewUrl,
    [property: JsonPropertyName("popularity")] int? Popularity);

public sealed record ExternalIdsFixture(
    [property: JsonPropertyName("isrc")] string? Isrc,
    [property: JsonPropertyName("upc")] string? Upc,
    [property: JsonPropertyName("ean")] string? Ean);

/// <summary>An image as the Web API's image object has it: its URL, and its size in pixels (null when unknown).</summary>
public sealed record ImageFixture(
    [property: JsonPropertyName("url")] string? Url,
    [property: JsonPropertyName("height")] int? Height,
    [property: JsonPropertyName("width")] int? Width);

/// <summary>A related object, named by its id (the rest of a simplified object is ignored).</summary>
public sealed record IdFixture([property: JsonPropertyName("id")] string? Id);

/// <summary>Read by hand, so a body of the wrong shape is 400 "Malformed json" like the Web API's.</summary>
internal static class FixtureJson
{
    public static readonly JsonTypeInfo<ArtistFixture> Artist = Of<ArtistFixture>();
    public static readonly JsonTypeInfo<AlbumFixture> Album = Of<AlbumFixture>();
    public static readonly JsonTypeInfo<TrackFixture> Track = Of<TrackFixture>();
    public static readonly JsonTypeInfo<ShowFixture> Show = Of<ShowFixture>();
    public static readonly JsonTypeInfo<EpisodeFixture> Episode = Of<EpisodeFixture>();
    public static readonly JsonTypeInfo<AudiobookFixture> Audiobook = Of<AudiobookFixture>();
    public static readonly JsonTypeInfo<ChapterFixture> Chapter = Of<ChapterFixture>();
    public static readonly JsonTypeInfo<CategoryFixture> Category = Of<CategoryFixture>();
    public static readonly JsonTypeInfo<PlaylistFixture> Playlist = Of<PlaylistFixture>();

    private static JsonTypeInfo<T> Of<T>() => (JsonTypeInfo<T>)JsonSerializerOptions.Web.GetTypeInfo(typeof(T));
}
