using Jukebox.Data.Entities;

namespace Jukebox.Sandbox.Catalog;

/// <summary>An album fixture checked and turned into its rows: the album and its artists' credits (its tracks are <see cref="TrackRows"/>).</summary>
internal sealed record AlbumRows(Album Album, List<AlbumArtist> Credits)
{
    private static readonly string[] AlbumTypes = ["album", "single", "compilation"];

    /// <param name="stored">The album being replaced, if any: it keeps its UPC when the body has none.</param>
    public static AlbumRows From(AlbumFixture body, string id, DateTimeOffset now, Album? stored = null)
    {
        FixtureRules.TypeIs(body.Type, "album");
        var name = FixtureRules.Name(body.Name);
        var artists = FixtureRules.Ids(body.Artists, "artists");
        var albumType = body.AlbumType ?? "album";
        if (!AlbumTypes.Contains(albumType))
        {
            throw FixtureRules.Invalid("album_type must be album, single or compilation");
        }
        var (date, precision) = FixtureRules.ReleaseDate(body.ReleaseDate, body.ReleaseDatePrecision, now);
        var (copyright, phonogram) = Copyrights(body.Copyrights);
        var album = new Album
        {
            Id = id,
            Name = name,
            AlbumType = albumType,
            ReleaseDate = date,
            ReleaseDatePrecision = precision,
            Label = body.Label is null or "" ? "" : FixtureRules.Name(body.Label, "label"),
            Upc = body.ExternalIds?.Upc is null && stored is not null ? stored.Upc : FixtureRules.Upc(body.ExternalIds?.Upc),
            Ean = FixtureRules.Ean(body.ExternalIds?.Ean),
            Popularity = FixtureRules.Popularity(body.Popularity),
            Genres = FixtureRules.Genres(body.Genres),
            AvailableMarkets = FixtureRules.Markets(body.AvailableMarkets),
            CopyrightText = copyright,
            PhonogramText = phonogram,
            Images = ImageRules.Images(body.Images),
        };
        return new AlbumRows(album, [.. artists.Select((artist, i) => new AlbumArtist { AlbumId = id, ArtistId = artist, Position = i })]);
    }

    /// <summary>The album's tracks in the body: each gets the next number of its disc when it has none.</summary>
    public List<TrackRows> Tracks(IReadOnlyList<TrackFixture?> items, IReadOnlyDictionary<string, Track> stored)
    {
        var rows = new List<TrackRows>(items.Count);
        var nextOnDisc = new Dictionary<int, int>();
        foreach (var item in items)
        {
            var body = item ?? throw FixtureRules.Invalid("tracks.items must hold track objects");
            var id = FixtureRules.IdOrNew(body.Id);
            var disc = body.DiscNumber ?? 1;
            var number = nextOnDisc.GetValueOrDefault(disc, 1);
            var track = TrackRows.From(body, id, Album.Id, Album.AvailableMarkets, number, stored.GetValueOrDefault(id));
            nextOnDisc[track.Track.DiscNumber] = Math.Max(number, track.Track.TrackNumber) + 1;
            if (rows.Any(r => r.Track.Id == id))
            {
                throw FixtureRules.Invalid($"tracks.items names track {id} twice");
            }
            if (rows.Any(r => r.Track.DiscNumber == track.Track.DiscNumber && r.Track.TrackNumber == track.Track.TrackNumber))
            {
                throw FixtureRules.Invalid($"tracks.items has two tracks numbered {track.Track.TrackNumber} on disc {track.Track.DiscNumber}");
            }
            rows.Add(track);
        }
        return rows;
    }

    public void CopyTo(Album target)
    {
        target.Name = Album.Name;
        target.AlbumType = Album.AlbumType;
        target.ReleaseDate = Album.ReleaseDate;
        target.ReleaseDatePrecision = Album.ReleaseDatePrecision;
        target.Label = Album.Label;
        target.Upc = Album.Upc;
        target.Ean = Album.Ean;
        target.Popularity = Album.Popularity;
        target.Genres = Album.Genres;
        target.AvailableMarkets = Album.AvailableMarkets;
        target.CopyrightText = Album.CopyrightText;
        target.PhonogramText = Album.PhonogramText;
        target.Images = Album.Images;
    }

    /// <summary>The texts of the copyright (C) and the phonogram copyright (P), the two an album object lists.</summary>
    private static (string Copyright, string Phonogram) Copyrights(IReadOnlyList<CopyrightFixture?>? copyrights)
    {
        string? c = null, p = null;
        foreach (var entry in copyrights ?? [])
        {
            var text = entry?.Text ?? throw FixtureRules.Invalid("copyrights need a text");
            switch (entry.Type)
            {
                case "C" when c is null: c = text; break;
                case "P" when p is null: p = text; break;
                default: throw FixtureRules.Invalid("copyrights may hold one of type C and one of type P");
            }
        }
        return (c ?? "", p ?? "");
    }
}
