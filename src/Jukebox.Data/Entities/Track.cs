namespace Jukebox.Data.Entities;

public sealed class Track
{
    public required string Id { get; set; }
    public required string AlbumId { get; set; }
    public required string Name { get; set; }
    public int DiscNumber { get; set; } = 1;
    public int TrackNumber { get; set; }
    public int DurationMs { get; set; }
    public bool Explicit { get; set; }

    /// <summary>
    /// Instances of one recording released under several licences share an ISRC; that is what
    /// track relinking follows.
    /// </summary>
    public required string Isrc { get; set; }
    public string? PreviewUrl { get; set; }
    public int Popularity { get; set; }

    /// <summary>Markets of this instance when they differ from its album's; null means the album's.</summary>
    public List<string>? AvailableMarkets { get; set; }

    public AudioFeatures Features { get; set; } = new();
    public List<TrackArtist> Artists { get; set; } = [];
}

public sealed class TrackArtist
{
    public required string TrackId { get; set; }
    public required string ArtistId { get; set; }
    public int Position { get; set; }
}

public sealed class AudioFeatures
{
    public double Danceability { get; set; }
    public double Energy { get; set; }
    public int Key { get; set; }
    public double Loudness { get; set; }
    public int Mode { get; set; }
    public double Speechiness { get; set; }
    public double Acousticness { get; set; }
    public double Instrumentalness { get; set; }
    public double Liveness { get; set; }
    public double Valence { get; set; }
    public double Tempo { get; set; }
    public int TimeSignature { get; set; } = 4;
}
