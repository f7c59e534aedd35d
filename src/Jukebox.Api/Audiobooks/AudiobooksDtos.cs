using System.Text.Json.Serialization;
using Jukebox.Api.Catalog;
using Jukebox.Api.Chapters;
using Jukebox.Api.Http;

namespace Jukebox.Api.Audiobooks;

public sealed record AuthorObject(string Name);

public sealed record NarratorObject(string Name);

public class SimplifiedAudiobookObject
{
    public IReadOnlyList<AuthorObject> Authors { get; set; } = null!;

    public MarketSet AvailableMarkets { get; set; } = null!;
    public IReadOnlyList<CopyrightObject> Copyrights { get; set; } = null!;
    public string Description { get; set; } = null!;
    public string HtmlDescription { get; set; } = null!;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Edition { get; set; }
    public bool Explicit { get; set; }
    public ExternalUrlObject ExternalUrls { get; set; } = null!;
    public string Href { get; set; } = null!;
    public string Id { get; set; } = null!;
    public IReadOnlyList<ImageObject> Images { get; set; } = null!;
    public IReadOnlyList<string> Languages { get; set; } = null!;
    public string MediaType { get; set; } = null!;
    public string Name { get; set; } = null!;
    public IReadOnlyList<NarratorObject> Narrators { get; set; } = null!;
    public string Publisher { get; set; } = null!;
    public string Type { get; set; } = "audiobook";
    public string Uri { get; set; } = null!;
    public int TotalChapters { get; set; }
}

public sealed class AudiobookObject : SimplifiedAudiobookObject
{
    public PagingObject<SimplifiedChapterObject> Chapters { get; set; } = null!;
}

public sealed record AudiobooksResponse(IReadOnlyList<AudiobookObject?> Audiobooks);
