namespace Jukebox.Data.Entities;

public sealed class Audiobook : IHasImages
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    public List<string> Authors { get; set; } = [];
    public List<string> Narrators { get; set; } = [];
    public required string Publisher { get; set; }
    public required string Description { get; set; }
    public required string HtmlDescription { get; set; }
    public string? Edition { get; set; }
    public bool Explicit { get; set; }
    public List<string> Languages { get; set; } = [];
    public string MediaType { get; set; } = "audio";
    public List<string> AvailableMarkets { get; set; } = [];
    public required string CopyrightText { get; set; }
    public List<Chapter> Chapters { get; set; } = [];

    /// <inheritdoc/>
    public List<StoredImage>? Images { get; set; }
}

public sealed class Chapter : IHasImages
{
    public required string Id { get; set; }
    public required string AudiobookId { get; set; }
    public int ChapterNumber { get; set; }
    public required string Name { get; set; }
    public required string Description { get; set; }
    public required string HtmlDescription { get; set; }
    public int DurationMs { get; set; }
    public bool Explicit { get; set; }
    public List<string> Languages { get; set; } = [];
    public required string ReleaseDate { get; set; }
    public required string ReleaseDatePrecision { get; set; }
    public string? AudioPreviewUrl { get; set; }

    /// <inheritdoc/>
    public List<StoredImage>? Images { get; set; }
}
