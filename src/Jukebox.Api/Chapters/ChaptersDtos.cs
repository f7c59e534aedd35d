using System.Text.Json.Serialization;
using Jukebox.Api.Audiobooks;
using Jukebox.Api.Catalog;
using Jukebox.Api.Episodes;
using Jukebox.Api.Http;

namespace Jukebox.Api.Chapters;

public class SimplifiedChapterObject
{
    public required string? AudioPreviewUrl { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonConverter(typeof(MarketSetJsonConverter))]
    public MarketSet? AvailableMarkets { get; init; }
    public required int ChapterNumber { get; init; }
    public required string Description { get; init; }
    public required string HtmlDescription { get; init; }
    public required int DurationMs { get; init; }
    public required bool Explicit { get; init; }
    public required ExternalUrlObject ExternalUrls { get; init; }
    public required string Href { get; init; }
    public required string Id { get; init; }
    public required IReadOnlyList<ImageObject> Images { get; init; }
    public required bool IsPlayable { get; init; }
    public required IReadOnlyList<string> Languages { get; init; }
    public required string Name { get; init; }
    public required string ReleaseDate { get; init; }
    public required string ReleaseDatePrecision { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ResumePointObject? ResumePoint { get; init; }

    /// <summary>The spec types chapters as episodes, as their URIs are.</summary>
    public string Type { get; init; } = "episode";
    public required string Uri { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public RestrictionsObject? Restrictions { get; init; }
}

public sealed class ChapterObject : SimplifiedChapterObject
{
    public required SimplifiedAudiobookObject Audiobook { get; init; }
}

public sealed record ChaptersResponse(IReadOnlyList<ChapterObject?> Chapters);
