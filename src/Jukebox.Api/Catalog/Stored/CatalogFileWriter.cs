using Jukebox.Api.Http;

namespace Jukebox.Api.Catalog.Stored;

/// <summary>
/// Writes a <see cref="CatalogSnapshot"/> as <see cref="CatalogFileReader"/> reads it: every object once,
/// in the order of its dictionary, and every link between objects as the position of the object it
/// points to. Market sets, string lists and the texts many objects share (names, album types, dates,
/// labels, copyrights: a catalog repeats them) are written once and referred to, so that the catalog read
/// back holds each once.
/// </summary>
internal sealed class CatalogFileWriter(BinaryWriter output)
{
    private readonly Dictionary<MarketSet, int> _markets = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<IReadOnlyList<string>, int> _lists = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, int> _texts = new(StringComparer.Ordinal);
    private Dictionary<CatalogArtist, int> _artists = [];
    private Dictionary<CatalogAlbum, int> _albums = [];
    private Dictionary<CatalogTrack, int> _tracks = [];

    public void Write(CatalogSnapshot catalog)
    {
        _artists = Positions(catalog.Artists.Values);
        _albums = Positions(catalog.Albums.Values);
        _tracks = Positions(catalog.Tracks.Values);
        WriteShared(catalog);

        output.Write(_artists.Count);
        foreach (var a in catalog.Artists.Values)
        {
            output.Write(a.Id);
            WriteText(a.Name);
            output.Write(a.Popularity);
            output.Write(a.Followers);
            output.Write(_lists[a.Genres]);
            WriteImages(a.Images);
        }
        output.Write(_albums.Count);
        foreach (var a in catalog.Albums.Values)
        {
            output.Write(a.Id);
            WriteText(a.Name);
            WriteText(a.AlbumType);
            WriteText(a.ReleaseDate);
            WriteText(a.ReleaseDatePrecision);
            WriteText(a.Label);
            output.Write(a.Upc);
            WriteOptional(a.Ean);
            output.Write(a.Popularity);
            output.Write(_lists[a.Genres]);
            output.Write(_markets[a.Markets]);
            WriteText(a.CopyrightText);
            WriteText(a.PhonogramText);
            WriteImages(a.Images);
            WritePositions(a.Artists, _artists);
        }
        output.Write(_tracks.Count);
        foreach (var t in catalog.Tracks.Values)
        {
            output.Write(_albums[t.Album]);
            output.Write(t.Id);
            WriteText(t.Name);
            output.Write(t.DiscNumber);
            output.Write(t.TrackNumber);
            output.Write(t.DurationMs);
            output.Write(t.Explicit);
            output.Write(t.Isrc);
            WriteOptional(t.PreviewUrl);
            output.Write(t.Popularity);
            output.Write(_markets[t.Markets]);
            WritePositions(t.Artists, _artists);
        }
        WriteLinks(catalog);
        WriteSpoken(catalog);
        output.Write(catalog.Categories.Count);
        foreach (var c in catalog.Categories)
        {
            output.Write(c.Id);
            output.Write(c.Name);
            output.Write(c.LocalizedNames.Count);
            foreach (var (locale, name) in c.LocalizedNames)
            {
                output.Write(locale);
                output.Write(name);
            }
        }
        WritePositions(catalog.NewReleases, _albums);
    }

    /// <summary>The market sets and string lists (genres, languages, authors, narrators), each once.</summary>
    private void WriteShared(CatalogSnapshot catalog)
    {
        IEnumerable<MarketSet> markets =
        [
            .. catalog.Albums.Values.Select(a => a.Markets), .. catalog.Tracks.Values.Select(t => t.Markets),
            .. catalog.Shows.Values.Select(s => s.Markets), .. catalog.Audiobooks.Values.Select(b => b.Markets),
        ];
        foreach (var set in markets)
        {
            _markets.TryAdd(set, _markets.Count);
        }
        output.Write(_markets.Count);
        foreach (var set in _markets.Keys)
        {
            WriteStrings(set.Codes);
        }

        IEnumerable<IReadOnlyList<string>> lists =
        [
            .. catalog.Artists.Values.Select(a => a.Genres), .. catalog.Albums.Values.Select(a => a.Genres),
            .. catalog.Shows.Values.Select(s => s.Languages), .. catalog.Episodes.Values.Select(e => e.Languages),
            .. catalog.Audiobooks.Values.SelectMany(b => new[] { b.Authors, b.Narrators, b.Languages }),
            .. catalog.Chapters.Values.Select(c => c.Languages),
        ];
        foreach (var list in lists)
        {
            _lists.TryAdd(list, _lists.Count);
        }
        output.Write(_lists.Count);
        foreach (var list in _lists.Keys)
        {
            WriteStrings(list);
        }

        IEnumerable<string> texts =
        [
            .. catalog.Artists.Values.Select(a => a.Name),
            .. catalog.Albums.Values.SelectMany(a => new[] { a.Name, a.AlbumType, a.ReleaseDate, a.ReleaseDatePrecision, a.Label, a.CopyrightText, a.PhonogramText }),
            .. catalog.Tracks.Values.Select(t => t.Name),
        ];
        foreach (var text in texts)
        {
            _texts.TryAdd(text, _texts.Count);
        }
        output.Write(_texts.Count);
        foreach (var text in _texts.Keys)
        {
            output.Write(text);
        }
    }

    /// <summary>The links filled after the objects: albums' tracks, tracks' other instances, artists' lists.</summary>
    private void WriteLinks(CatalogSnapshot catalog)
    {
        foreach (var a in catalog.Albums.Values)
        {
            WritePositions(a.Tracks, _tracks);
        }
        foreach (var t in catalog.Tracks.Values)
        {
            WritePositions(t.OtherInstances, _tracks);
        }
        foreach (var a in catalog.Artists.Values)
        {
            WritePositions(a.OwnAlbums, _albums);
            WritePositions(a.AppearsOn, _albums);
            WritePositions(a.Tracks, _tracks);
        }
    }

    /// <summary>Shows with their episodes and audiobooks with their chapters, then the order of each dictionary.</summary>
    private void WriteSpoken(CatalogSnapshot catalog)
    {
        output.Write(catalog.Shows.Count);
        foreach (var s in catalog.Shows.Values)
        {
            output.Write(s.Id);
            output.Write(s.Name);
            output.Write(s.Publisher);
            output.Write(s.Description);
            output.Write(s.HtmlDescription);
            output.Write(s.Explicit);
            output.Write(_lists[s.Languages]);
            output.Write(s.MediaType);
            output.Write(s.IsExternallyHosted);
            output.Write(_markets[s.Markets]);
            output.Write(s.CopyrightText);
            WriteImages(s.Images);
            output.Write(s.Episodes.Length);
            foreach (var e in s.Episodes)
            {
                output.Write(e.Id);
                output.Write(e.Name);
                output.Write(e.Description);
                output.Write(e.HtmlDescription);
                output.Write(e.DurationMs);
                output.Write(e.Explicit);
                output.Write(_lists[e.Languages]);
                output.Write(e.ReleaseDate);
                output.Write(e.ReleaseDatePrecision);
                WriteOptional(e.AudioPreviewUrl);
                output.Write(e.IsExternallyHosted);
                WriteImages(e.Images);
            }
        }
        // The dictionary's order, as positions among the episodes in the order written above.
        WritePositions([.. catalog.Episodes.Values], Positions(catalog.Shows.Values.SelectMany(s => s.Episodes)));

        output.Write(catalog.Audiobooks.Count);
        foreach (var b in catalog.Audiobooks.Values)
        {
            output.Write(b.Id);
            output.Write(b.Name);
            output.Write(_lists[b.Authors]);
            output.Write(_lists[b.Narrators]);
            output.Write(b.Publisher);
            output.Write(b.Description);
            output.Write(b.HtmlDescription);
            WriteOptional(b.Edition);
            output.Write(b.Explicit);
            output.Write(_lists[b.Languages]);
            output.Write(b.MediaType);
            output.Write(_markets[b.Markets]);
            output.Write(b.CopyrightText);
            WriteImages(b.Images);
            output.Write(b.Chapters.Length);
            foreach (var c in b.Chapters)
            {
                output.Write(c.Id);
                output.Write(c.ChapterNumber);
                output.Write(c.Name);
                output.Write(c.Description);
                output.Write(c.HtmlDescription);
                output.Write(c.DurationMs);
                output.Write(c.Explicit);
                output.Write(_lists[c.Languages]);
                output.Write(c.ReleaseDate);
                output.Write(c.ReleaseDatePrecision);
                WriteOptional(c.AudioPreviewUrl);
                WriteImages(c.Images);
            }
        }
        WritePositions([.. catalog.Chapters.Values], Positions(catalog.Audiobooks.Values.SelectMany(b => b.Chapters)));
    }

    private static Dictionary<T, int> Positions<T>(IEnumerable<T> items) where T : class
    {
        var positions = new Dictionary<T, int>(ReferenceEqualityComparer.Instance);
        foreach (var item in items)
        {
            positions.Add(item, positions.Count);
        }
        return positions;
    }

    private void WritePositions<T>(IReadOnlyCollection<T> items, Dictionary<T, int> positions) where T : class
    {
        output.Write(items.Count);
        foreach (var item in items)
        {
            output.Write(positions[item]);
        }
    }

    private void WriteStrings(IReadOnlyList<string> strings)
    {
        output.Write(strings.Count);
        foreach (var s in strings)
        {
            output.Write(s);
        }
    }

    private void WriteText(string text) => output.Write(_texts[text]);

    private void WriteOptional(string? value)
    {
        output.Write(value is not null);
        if (value is not null)
        {
            output.Write(value);
        }
    }

    private void WriteImages(IReadOnlyList<ImageObject>? images)
    {
        output.Write(images?.Count ?? -1);
        foreach (var image in images ?? [])
        {
            output.Write(image.Url);
            output.Write(image.Height ?? -1);
            output.Write(image.Width ?? -1);
        }
    }
}
