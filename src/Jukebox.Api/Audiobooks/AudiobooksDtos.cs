using System.Text.Json.Serialization;
using Jukebox.Api.Catalog;
using Jukebox.Api.Chapters;
using Jukebox.Api.Http;

namespace Jukebox.Api.Audiobooks;

public sealed record AuthorObject(string Name);

public sealed record NarratorObject(string Name);

public class SimplifiedAudiobookObject
{
    public required IReadOnlyList<AuthorObject> Authors { get; init; }

    [JsonConverter(typeof(MarketSetJsonConverter))]
    public required MarketSet AvailableMarkets { get; init; }
    public required IReadOnlyList<CopyrightObject> Copyrights { get; init; }
    public required string Description { get; init; }
    public required string HtmlDescription { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Edition { get; init; }
    public required bool Explicit { get; init; }
    public required ExternalUrlObject ExternalUrls { get; init; }
    public required string Href { get; init; }
    public required string Id { get; init; }
    public required IReadOnlyList<ImageObject> Images { get; init; }
    public required IReadOnlyList<string> Languages { get; init; }
    public required string MediaType { get; init; }
    public required string Name { get; init; }
    public required IReadOnlyList<NarratorObject> Narrators { get; init; }
    public required string Publisher { get; init; }
    public string Type { get; init; } = "audiobook";
    public required string Uri { get; init; }
    public required int TotalChapters { get; init; }
}

public sealed class AudiobookObject : SimplifiedAudiobookObject
{
    public required PagingObject<SimplifiedChapterObject> Chapters { get; init; }
}

public sealed record AudiobooksResponse(IReadOnlyList<AudiobookObject?> Audiobooks);
