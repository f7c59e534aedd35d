using System.Text.Json.Serialization;
using Jukebox.Api.Audiobooks;
using Jukebox.Api.Catalog;
using Jukebox.Api.Episodes;
using Jukebox.Api.Http;

namespace Jukebox.Api.Chapters;

public class SimplifiedChapterObject
{
    public string? AudioPreviewUrl { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public MarketSet? AvailableMarkets { get; set; }
    public int ChapterNumber { get; set; }
    public string Description { get; set; } = null!;
    public string HtmlDescription { get; set; } = null!;
    public int DurationMs { get; set; }
    public bool Explicit { get; set; }
    public ExternalUrlObject ExternalUrls { get; set; } = null!;
    public string Href { get; set; } = null!;
    public string Id { get; set; } = null!;
    public IReadOnlyList<ImageObject> Images { get; set; } = null!;
    public bool IsPlayable { get; set; }
    public IReadOnlyList<string> Languages { get; set; } = null!;
    public string Name { get; set; } = null!;
    public string ReleaseDate { get; set; } = null!;
    public string ReleaseDatePrecision { get; set; } = null!;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ResumePointObject? ResumePoint { get; set; }

    /// <summary>The spec types chapters as episodes, as their URIs are.</summary>
    public string Type { get; set; } = "episode";
    public string Uri { get; set; } = null!;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public RestrictionsObject? Restrictions { get; set; }
}

public sealed class ChapterObject : SimplifiedChapterObject
{
    public SimplifiedAudiobookObject Audiobook { get; set; } = null!;
}

public sealed record ChaptersResponse(IReadOnlyList<ChapterObject?> Chapters);
