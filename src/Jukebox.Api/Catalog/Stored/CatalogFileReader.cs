using Jukebox.Api.Http;

namespace Jukebox.Api.Catalog.Stored;

/// <summary>
/// Reads what <see cref="CatalogFileWriter"/> wrote back into a <see cref="CatalogSnapshot"/> equal to the
/// one written: the same objects with the same links, every dictionary in the same order.
/// </summary>
internal sealed class CatalogFileReader(BinaryReader input)
{
    private MarketSet[] _markets = [];
    private IReadOnlyList<string>[] _lists = [];
    private string[] _texts = [];
    private CatalogArtist[] _artists = [];
    private CatalogAlbum[] _albums = [];
    private CatalogTrack[] _tracks = [];

    /// <summary>Most tracks have one artist: they share one array per artist, as the database load makes them.</summary>
    private CatalogArtist[]?[] _solo = [];

    public CatalogSnapshot Read()
    {
        ReadShared();
        _artists = new CatalogArtist[input.ReadInt32()];
        _solo = new CatalogArtist[_artists.Length][];
        var artists = new Dictionary<string, CatalogArtist>(_artists.Length, StringComparer.Ordinal);
        for (var i = 0; i < _artists.Length; i++)
        {
            var a = _artists[i] = new CatalogArtist
            {
                Id = input.ReadString(), Name = ReadText(), Popularity = input.ReadInt32(), Followers = input.ReadInt64(),
                Genres = _lists[input.ReadInt32()], Images = ReadImages(),
            };
            artists.Add(a.Id, a);
        }
        _albums = new CatalogAlbum[input.ReadInt32()];
        var albums = new Dictionary<string, CatalogAlbum>(_albums.Length, StringComparer.Ordinal);
        for (var i = 0; i < _albums.Length; i++)
        {
            var a = _albums[i] = new CatalogAlbum
            {
                Id = input.ReadString(), Name = ReadText(), AlbumType = ReadText(), ReleaseDate = ReadText(),
                ReleaseDatePrecision = ReadText(), Label = ReadText(), Upc = input.ReadString(), Ean = ReadOptional(),
                Popularity = input.ReadInt32(), Genres = _lists[input.ReadInt32()], Markets = _markets[input.ReadInt32()],
                CopyrightText = ReadText(), PhonogramText = ReadText(), Images = ReadImages(),
            };
            a.Artists = ReadArtists();
            albums.Add(a.Id, a);
        }
        _tracks = new CatalogTrack[input.ReadInt32()];
        var tracks = new Dictionary<string, CatalogTrack>(_tracks.Length, StringComparer.Ordinal);
        for (var i = 0; i < _tracks.Length; i++)
        {
            var t = _tracks[i] = new CatalogTrack
            {
                Album = _albums[input.ReadInt32()], Id = input.ReadString(), Name = ReadText(), DiscNumber = input.ReadInt32(),
                TrackNumber = input.ReadInt32(), DurationMs = input.ReadInt32(), Explicit = input.ReadBoolean(), Isrc = input.ReadString(),
                PreviewUrl = ReadOptional(), Popularity = input.ReadInt32(), Markets = _markets[input.ReadInt32()],
            };
            t.Artists = ReadArtists();
            tracks.Add(t.Id, t);
        }
        ReadLinks();
        var (shows, episodes) = ReadShows();
        var (audiobooks, chapters) = ReadAudiobooks();
        var categories = new CatalogCategory[input.ReadInt32()];
        for (var i = 0; i < categories.Length; i++)
        {
            var id = input.ReadString();
            var name = input.ReadString();
            var count = input.ReadInt32();
            var names = new Dictionary<string, string>(count, StringComparer.OrdinalIgnoreCase);
            for (var n = 0; n < count; n++)
            {
                names.Add(input.ReadString(), input.ReadString());
            }
            categories[i] = new CatalogCategory { Id = id, Name = name, LocalizedNames = names };
        }
        var newReleases = ReadPositions(_albums).ToList();
        return new CatalogSnapshot
        {
            Artists = artists, Albums = albums, Tracks = tracks, Shows = shows, Episodes = episodes, Audiobooks = audiobooks,
            Chapters = chapters, Categories = [.. categories], NewReleases = newReleases,
        };
    }

    private void ReadShared()
    {
        _markets = new MarketSet[input.ReadInt32()];
        for (var i = 0; i < _markets.Length; i++)
        {
            _markets[i] = new MarketSet(ReadStrings());
        }
        _lists = new IReadOnlyList<string>[input.ReadInt32()];
        for (var i = 0; i < _lists.Length; i++)
        {
            _lists[i] = ReadStrings();
        }
        _texts = ReadStrings();
    }

    private void ReadLinks()
    {
        foreach (var a in _albums)
        {
            a.Tracks = ReadPositions(_tracks);
        }
        foreach (var t in _tracks)
        {
            t.OtherInstances = ReadPositions(_tracks);
        }
        foreach (var a in _artists)
        {
            a.OwnAlbums = [.. ReadPositions(_albums)];
            a.AppearsOn = [.. ReadPositions(_albums)];
            a.Tracks = [.. ReadPositions(_tracks)];
        }
    }

    private (Dictionary<string, CatalogShow>, Dictionary<string, CatalogEpisode>) ReadShows()
    {
        var list = new CatalogShow[input.ReadInt32()];
        var shows = new Dictionary<string, CatalogShow>(list.Length, StringComparer.Ordinal);
        for (var i = 0; i < list.Length; i++)
        {
            var s = list[i] = new CatalogShow
            {
                Id = input.ReadString(), Name = input.ReadString(), Publisher = input.ReadString(), Description = input.ReadString(),
                HtmlDescription = input.ReadString(), Explicit = input.ReadBoolean(), Languages = _lists[input.ReadInt32()],
                MediaType = input.ReadString(), IsExternallyHosted = input.ReadBoolean(), Markets = _markets[input.ReadInt32()],
                CopyrightText = input.ReadString(), Images = ReadImages(),
            };
            s.Episodes = new CatalogEpisode[input.ReadInt32()];
            for (var e = 0; e < s.Episodes.Length; e++)
            {
                s.Episodes[e] = new CatalogEpisode
                {
                    Show = s, Id = input.ReadString(), Name = input.ReadString(), Description = input.ReadString(),
                    HtmlDescription = input.ReadString(), DurationMs = input.ReadInt32(), Explicit = input.ReadBoolean(),
                    Languages = _lists[input.ReadInt32()], ReleaseDate = input.ReadString(), ReleaseDatePrecision = input.ReadString(),
                    AudioPreviewUrl = ReadOptional(), IsExternallyHosted = input.ReadBoolean(), Images = ReadImages(),
                };
            }
            shows.Add(s.Id, s);
        }
        var episodes = ReadPositions(list.SelectMany(s => s.Episodes).ToArray()).ToDictionary(e => e.Id, StringComparer.Ordinal);
        return (shows, episodes);
    }

    private (Dictionary<string, CatalogAudiobook>, Dictionary<string, CatalogChapter>) ReadAudiobooks()
    {
        var list = new CatalogAudiobook[input.ReadInt32()];
        var books = new Dictionary<string, CatalogAudiobook>(list.Length, StringComparer.Ordinal);
        for (var i = 0; i < list.Length; i++)
        {
            var b = list[i] = new CatalogAudiobook
            {
                Id = input.ReadString(), Name = input.ReadString(), Authors = _lists[input.ReadInt32()], Narrators = _lists[input.ReadInt32()],
                Publisher = input.ReadString(), Description = input.ReadString(), HtmlDescription = input.ReadString(), Edition = ReadOptional(),
                Explicit = input.ReadBoolean(), Languages = _lists[input.ReadInt32()], MediaType = input.ReadString(),
                Markets = _markets[input.ReadInt32()], CopyrightText = input.ReadString(), Images = ReadImages(),
            };
            b.Chapters = new CatalogChapter[input.ReadInt32()];
            for (var c = 0; c < b.Chapters.Length; c++)
            {
                b.Chapters[c] = new CatalogChapter
                {
                    Audiobook = b, Id = input.ReadString(), ChapterNumber = input.ReadInt32(), Name = input.ReadString(),
                    Description = input.ReadString(), HtmlDescription = input.ReadString(), DurationMs = input.ReadInt32(),
                    Explicit = input.ReadBoolean(), Languages = _lists[input.ReadInt32()], ReleaseDate = input.ReadString(),
                    ReleaseDatePrecision = input.ReadString(), AudioPreviewUrl = ReadOptional(), Images = ReadImages(),
                };
            }
            books.Add(b.Id, b);
        }
        var chapters = ReadPositions(list.SelectMany(b => b.Chapters).ToArray()).ToDictionary(c => c.Id, StringComparer.Ordinal);
        return (books, chapters);
    }

    private CatalogArtist[] ReadArtists()
    {
        var count = input.ReadInt32();
        if (count != 1)
        {
            var artists = new CatalogArtist[count];
            for (var i = 0; i < count; i++)
            {
                artists[i] = _artists[input.ReadInt32()];
            }
            return artists;
        }
        var position = input.ReadInt32();
        return _solo[position] ??= [_artists[position]];
    }

    private T[] ReadPositions<T>(T[] objects)
    {
        var count = input.ReadInt32();
        if (count == 0)
        {
            return [];
        }
        var items = new T[count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = objects[input.ReadInt32()];
        }
        return items;
    }

    private string[] ReadStrings()
    {
        var strings = new string[input.ReadInt32()];
        for (var i = 0; i < strings.Length; i++)
        {
            strings[i] = input.ReadString();
        }
        return strings;
    }

    private string ReadText() => _texts[input.ReadInt32()];

    private string? ReadOptional() => input.ReadBoolean() ? input.ReadString() : null;

    private IReadOnlyList<ImageObject>? ReadImages()
    {
        var count = input.ReadInt32();
        if (count < 0)
        {
            return null;
        }
        var images = new ImageObject[count];
        for (var i = 0; i < count; i++)
        {
            var url = input.ReadString();
            var height = input.ReadInt32();
            var width = input.ReadInt32();
            images[i] = new ImageObject(url, height < 0 ? null : height, width < 0 ? null : width);
        }
        return images;
    }
}
