using Jukebox.Data.Entities;

namespace Jukebox.Data.Seeding;

/// <summary>
/// Grows the catalog beyond the demo data with made-up artists, albums and tracks drawn from the
/// same distributions, in deterministic chunks, for benchmarks and load tests.
/// </summary>
public sealed class SyntheticCatalogGenerator
{
    private const int TracksPerArtist = 25;
    private readonly ValueDistributions _values = new(seed: 2024);
    private readonly List<string> _allMarkets = [.. Markets.All];

    /// <summary>Yields batches that together hold <paramref name="trackCount"/> tracks.</summary>
    public IEnumerable<CatalogBatch> Generate(long trackCount, int tracksPerBatch = 20_000)
    {
        long made = 0;
        long artistNumber = 0;
        long albumNumber = 0;
        while (made < trackCount)
        {
            var batch = new CatalogBatch();
            while (batch.TrackCount < tracksPerBatch && made < trackCount)
            {
                artistNumber++;
                var artist = NewArtist(artistNumber);
                batch.Artists.Add(artist);
                var artistTracks = 0;
                while (artistTracks < TracksPerArtist && made < trackCount)
                {
                    albumNumber++;
                    var size = (int)Math.Min(_values.Chance(0.2) ? 1 + _values.Random.Next(3) : 8 + _values.Random.Next(7), trackCount - made);
                    batch.Albums.Add(NewAlbum(albumNumber, artist, size));
                    artistTracks += size;
                    made += size;
                }
            }
            yield return batch;
        }
    }

    private Artist NewArtist(long number)
    {
        var popularity = _values.Popularity();
        var name = _values.Chance(0.4)
            ? $"{_values.Pick(CatalogVocabulary.FirstNames)} {_values.Pick(CatalogVocabulary.Surnames)}"
            : $"The {_values.Pick(CatalogVocabulary.Adjectives)} {_values.Pick(CatalogVocabulary.Nouns)}";
        return new Artist
        {
            Id = CatalogIds.For("synthetic-artist", number),
            Name = name,
            Popularity = popularity,
            Followers = DemoCatalogGenerator.FollowersFor(popularity),
            Genres = [_values.Pick(GenreSeeds.All), _values.Pick(GenreSeeds.All)],
        };
    }

    private Album NewAlbum(long number, Artist artist, int size)
    {
        var id = CatalogIds.For("synthetic-album", number);
        var year = 1960 + _values.Random.Next(66);
        var label = _values.Pick(CatalogVocabulary.Labels);
        var album = new Album
        {
            Id = id,
            Name = $"{_values.Pick(CatalogVocabulary.Adjectives)} {_values.Pick(CatalogVocabulary.Nouns)}",
            AlbumType = size <= 3 ? "single" : "album",
            ReleaseDate = $"{year:0000}-{1 + _values.Random.Next(12):00}-{1 + _values.Random.Next(28):00}",
            ReleaseDatePrecision = "day",
            Label = label,
            Upc = DemoCatalogGenerator.UpcFor(10_000_000 + number),
            Popularity = Math.Clamp(artist.Popularity + _values.Random.Next(-15, 16), 0, 100),
            AvailableMarkets = _allMarkets,
            CopyrightText = $"© {year} {label}",
            PhonogramText = $"℗ {year} {label}",
            Artists = [new AlbumArtist { AlbumId = id, ArtistId = artist.Id }],
        };
        for (var i = 0; i < size; i++)
        {
            var trackNumber = number * 100 + i;
            var trackId = CatalogIds.For("synthetic-track", trackNumber);
            album.Tracks.Add(new Track
            {
                Id = trackId,
                AlbumId = id,
                Name = $"{_values.Pick(CatalogVocabulary.Adjectives)} {_values.Pick(CatalogVocabulary.Nouns)}",
                TrackNumber = i + 1,
                DurationMs = _values.DurationMs(),
                Explicit = _values.Chance(0.08),
                Isrc = DemoCatalogGenerator.IsrcFor(100_000_000 + trackNumber),
                Popularity = Math.Clamp(album.Popularity + _values.Random.Next(-20, 11), 0, 100),
                Features = _values.Features(),
                Artists = [new TrackArtist { TrackId = trackId, ArtistId = artist.Id }],
            });
        }
        return album;
    }
}
