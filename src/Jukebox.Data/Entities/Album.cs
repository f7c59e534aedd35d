namespace Jukebox.Data.Entities;

public sealed class Album : IHasImages
{
    public required string Id { get; set; }
    public required string Name { get; set; }

    /// <summary>album, single or compilation.</summary>
    public required string AlbumType { get; set; }

    /// <summary>yyyy, yyyy-MM or yyyy-MM-dd, as precise as <see cref="ReleaseDatePrecision"/> says.</summary>
    public required string ReleaseDate { get; set; }
    public required string ReleaseDatePrecision { get; set; }
    public required string Label { get; set; }
    public required string Upc { get; set; }
    public string? Ean { get; set; }
    public int Popularity { get; set; }
    public List<string> Genres { get; set; } = [];
    public List<string> AvailableMarkets { get; set; } = [];
    public required string CopyrightText { get; set; }
    public required string PhonogramText { get; set; }

    public List<AlbumArtist> Artists { get; set; } = [];
    public List<Track> Tracks { get; set; } = [];

    /// <inheritdoc/>
    public List<StoredImage>? Images { get; set; }
}

public sealed class AlbumArtist
{
    public required string AlbumId { get; set; }
    public required string ArtistId { get; set; }
    public int Position { get; set; }
}
