namespace Jukebox.Data.Entities;

public sealed class Show : IHasImages
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    public required string Publisher { get; set; }
    public required string Description { get; set; }
    public required string HtmlDescription { get; set; }
    public bool Explicit { get; set; }
    public List<string> Languages { get; set; } = [];
    public string MediaType { get; set; } = "audio";
    public bool IsExternallyHosted { get; set; }
    public List<string> AvailableMarkets { get; set; } = [];
    public required string CopyrightText { get; set; }
    public List<Episode> Episodes { get; set; } = [];

    /// <inheritdoc/>
    public List<StoredImage>? Images { get; set; }
}

public sealed class Episode : IHasImages
{
    public required string Id { get; set; }
    public required string ShowId { get; set; }

    /// <summary>Order within the show; the newest episode has the highest number.</summary>
    public int Number { get; set; }
    public required string Name { get; set; }
    public required string Description { get; set; }
    public required string HtmlDescription { get; set; }
    public int DurationMs { get; set; }
    public bool Explicit { get; set; }
    public List<string> Languages { get; set; } = [];
    public required string ReleaseDate { get; set; }
    public required string ReleaseDatePrecision { get; set; }
    public string? AudioPreviewUrl { get; set; }
    public bool IsExternallyHosted { get; set; }

    /// <inheritdoc/>
    public List<StoredImage>? Images { get; set; }
}
