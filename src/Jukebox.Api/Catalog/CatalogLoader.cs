using Jukebox.Data;
using Jukebox.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Jukebox.Api.Catalog;

/// <summary>Reads the catalog tables with narrow no-tracking projections and links them in memory.</summary>
internal static class CatalogLoader
{
    private const int NewReleaseCount = 100;

    /// <summary>Above this many distinct album market lists, albums are read with their own lists.</summary>
    private const int MaxSharedMarketLists = 64;

    /// <param name="db">Reads everything but the track credits.</param>
    /// <param name="creditsDb">Reads the track credits at the same time, on a connection of its own.</param>
    public static async Task<CatalogSnapshot> LoadAsync(JukeboxDbContext db, JukeboxDbContext creditsDb, CancellationToken ct)
    {
        var marketSets = new Dictionary<string, MarketSet>(StringComparer.Ordinal);
        MarketSet Intern(IReadOnlyList<string> codes)
        {
            var key = string.Join(',', codes);
            if (!marketSets.TryGetValue(key, out var set))
            {
                marketSets[key] = set = new MarketSet(codes);
            }
            return set;
        }

        var artists = new Dictionary<string, CatalogArtist>(StringComparer.Ordinal);
        await foreach (var a in db.Artists.AsNoTracking()
            .Select(a => new { a.Id, a.Name, a.Popularity, a.Followers, a.Genres, a.Images }).AsAsyncEnumerable().WithCancellation(ct))
        {
            artists[a.Id] = new CatalogArtist
            {
                Id = a.Id, Name = a.Name, Popularity = a.Popularity, Followers = a.Followers, Genres = a.Genres, Images = CatalogImages.Of(a.Images),
            };
        }
        var creditsTask = Task.Run(() => ReadCreditsAsync(creditsDb, artists, ct), ct);
        try
        {
            return await LoadAfterArtistsAsync(db, artists, creditsTask, Intern, ct);
        }
        finally
        {
            // The second connection is returned when this method ends, so its reader must be done.
            await ((Task)creditsTask).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private static async Task<CatalogSnapshot> LoadAfterArtistsAsync(
        JukeboxDbContext db, Dictionary<string, CatalogArtist> artists, Task<TrackCredits> creditsTask,
        Func<IReadOnlyList<string>, MarketSet> intern, CancellationToken ct)
    {
        var albums = new Dictionary<string, CatalogAlbum>(StringComparer.Ordinal);
        // Albums share a few market lists, so each distinct list is read once with the albums that
        // have it, rather than a list of some 180 codes parsed for every album.
        var albumMarkets = await db.Albums.Select(a => a.AvailableMarkets).Distinct().ToListAsync(ct);
        if (albumMarkets.Count <= MaxSharedMarketLists)
        {
            foreach (var codes in albumMarkets)
            {
                var markets = intern(codes);
                await foreach (var a in SelectAlbums(db.Albums.Where(a => a.AvailableMarkets == codes)).AsAsyncEnumerable().WithCancellation(ct))
                {
                    albums[a.Id] = NewAlbum(a, markets);
                }
            }
        }
        // Many distinct lists, or a list stored in a spelling the queries above did not match.
        if (albums.Count < await db.Albums.CountAsync(ct))
        {
            var ownMarkets = new Dictionary<string, MarketSet>(StringComparer.Ordinal);
            await foreach (var a in db.Albums.AsNoTracking().Select(a => new { a.Id, a.AvailableMarkets }).AsAsyncEnumerable().WithCancellation(ct))
            {
                if (!albums.ContainsKey(a.Id))
                {
                    ownMarkets[a.Id] = intern(a.AvailableMarkets);
                }
            }
            await foreach (var a in SelectAlbums(db.Albums).AsAsyncEnumerable().WithCancellation(ct))
            {
                if (ownMarkets.TryGetValue(a.Id, out var markets))
                {
                    albums[a.Id] = NewAlbum(a, markets);
                }
            }
        }

        var albumArtists = new Dictionary<string, List<(int Position, CatalogArtist Artist)>>(StringComparer.Ordinal);
        await foreach (var x in db.AlbumArtists.AsNoTracking().Select(x => new { x.AlbumId, x.ArtistId, x.Position }).AsAsyncEnumerable().WithCancellation(ct))
        {
            GetOrAdd(albumArtists, x.AlbumId).Add((x.Position, artists[x.ArtistId]));
        }
        foreach (var (albumId, list) in albumArtists)
        {
            var album = albums[albumId];
            album.Artists = list.Count == 1 ? [list[0].Artist] : [.. list.OrderBy(p => p.Position).Select(p => p.Artist)];
            foreach (var artist in album.Artists)
            {
                artist.OwnAlbums.Add(album);
            }
        }

        // Few recordings have several instances; the database finds their ISRCs through its index.
        var sharedIsrcs = (await db.Tracks.GroupBy(t => t.Isrc).Where(g => g.Count() > 1).Select(g => g.Key).ToListAsync(ct))
            .ToDictionary(isrc => isrc, _ => new List<CatalogTrack>(), StringComparer.Ordinal);
        var tracks = new Dictionary<string, CatalogTrack>(await db.Tracks.CountAsync(ct), StringComparer.Ordinal);
        var albumTracks = new Dictionary<CatalogAlbum, List<CatalogTrack>>(albums.Count);
        CatalogAlbum? current = null;
        List<CatalogTrack> currentTracks = [];
        await foreach (var t in db.Tracks.AsNoTracking().Select(t => new
        {
            t.Id, t.AlbumId, t.Name, t.DiscNumber, t.TrackNumber, t.DurationMs, t.Explicit, t.Isrc, t.PreviewUrl,
            t.Popularity, t.AvailableMarkets,
        }).AsAsyncEnumerable().WithCancellation(ct))
        {
            // Tracks come album by album, so the previous track's album is usually the one.
            if (current?.Id != t.AlbumId)
            {
                current = albums[t.AlbumId];
                currentTracks = GetOrAdd(albumTracks, current);
            }
            var track = new CatalogTrack
            {
                Id = t.Id, Album = current, Name = t.Name, DiscNumber = t.DiscNumber, TrackNumber = t.TrackNumber,
                DurationMs = t.DurationMs, Explicit = t.Explicit, Isrc = t.Isrc, PreviewUrl = t.PreviewUrl,
                Popularity = t.Popularity, Markets = t.AvailableMarkets is null ? current.Markets : intern(t.AvailableMarkets),
            };
            tracks[t.Id] = track;
            currentTracks.Add(track);
            if (sharedIsrcs.TryGetValue(t.Isrc, out var instances))
            {
                instances.Add(track);
            }
        }
        foreach (var (album, list) in albumTracks)
        {
            album.Tracks = [.. list.OrderBy(t => t.DiscNumber).ThenBy(t => t.TrackNumber)];
        }
        foreach (var instances in sharedIsrcs.Values)
        {
            foreach (var t in instances)
            {
                t.OtherInstances = [.. instances.Where(other => other != t)];
            }
        }

        var credits = await creditsTask;
        foreach (var (trackId, solo) in credits.Solo)
        {
            var track = tracks[trackId];
            track.Artists = solo;
            Credit(track, solo[0]);
        }
        foreach (var (trackId, list) in credits.Several)
        {
            var track = tracks[trackId];
            track.Artists = [.. list.OrderBy(p => p.Position).Select(p => p.Artist)];
            foreach (var artist in track.Artists)
            {
                Credit(track, artist);
            }
        }

        foreach (var artist in artists.Values)
        {
            artist.OwnAlbums.Sort(NewestFirst);
            artist.AppearsOn.Sort(NewestFirst);
            var distinct = artist.AppearsOn.Distinct().ToList();
            artist.AppearsOn.Clear();
            artist.AppearsOn.AddRange(distinct);
            artist.Tracks.Sort((a, b) => b.Popularity != a.Popularity ? b.Popularity.CompareTo(a.Popularity) : string.CompareOrdinal(a.Id, b.Id));
        }

        var (shows, episodes) = await LoadShowsAsync(db, intern, ct);
        var (audiobooks, chapters) = await LoadAudiobooksAsync(db, intern, ct);
        var categories = await LoadCategoriesAsync(db, ct);

        var newReleases = NewReleases(albums.Values);

        return new CatalogSnapshot
        {
            Artists = artists, Albums = albums, Tracks = tracks, Shows = shows, Episodes = episodes,
            Audiobooks = audiobooks, Chapters = chapters, Categories = categories, NewReleases = newReleases,
        };
    }

    /// <summary>The most recent releases (of a known day), newest first.</summary>
    internal static List<CatalogAlbum> NewReleases(IEnumerable<CatalogAlbum> albums) => albums
        .Where(a => a.ReleaseDatePrecision == "day")
        .OrderByDescending(a => a.ReleaseDate, StringComparer.Ordinal).ThenBy(a => a.Id, StringComparer.Ordinal)
        .Take(NewReleaseCount).ToList();

    internal const int NewReleaseLimit = NewReleaseCount;

    /// <summary>
    /// Track credits in the order the database returns them. Most tracks have one artist: those
    /// share one single-element array per artist. The few with several keep their positions.
    /// </summary>
    private sealed record TrackCredits(
        List<(string TrackId, CatalogArtist[] Artists)> Solo,
        Dictionary<string, List<(int Position, CatalogArtist Artist)>> Several);

    private static async Task<TrackCredits> ReadCreditsAsync(
        JukeboxDbContext db, Dictionary<string, CatalogArtist> artists, CancellationToken ct)
    {
        var several = (await db.TrackArtists.GroupBy(x => x.TrackId).Where(g => g.Count() > 1).Select(g => g.Key).ToListAsync(ct))
            .ToDictionary(id => id, _ => new List<(int Position, CatalogArtist Artist)>(), StringComparer.Ordinal);
        var solo = new List<(string TrackId, CatalogArtist[] Artists)>(await db.TrackArtists.CountAsync(ct));
        var soloArrays = new Dictionary<CatalogArtist, CatalogArtist[]>(artists.Count);
        CatalogArtist? artist = null;
        CatalogArtist[] single = [];
        await foreach (var x in db.TrackArtists.AsNoTracking().Select(x => new { x.TrackId, x.ArtistId, x.Position }).AsAsyncEnumerable().WithCancellation(ct))
        {
            // Credits come artist by artist, so the previous credit's artist is usually the one.
            if (artist?.Id != x.ArtistId)
            {
                artist = artists[x.ArtistId];
                if (!soloArrays.TryGetValue(artist, out single!))
                {
                    soloArrays[artist] = single = [artist];
                }
            }
            if (several.Count > 0 && several.TryGetValue(x.TrackId, out var list))
            {
                list.Add((x.Position, artist));
            }
            else
            {
                solo.Add((x.TrackId, single));
            }
        }
        return new TrackCredits(solo, several);
    }

    private static void Credit(CatalogTrack track, CatalogArtist artist)
    {
        artist.Tracks.Add(track);
        if (!track.Album.Artists.Contains(artist) && (artist.AppearsOn.Count == 0 || artist.AppearsOn[^1] != track.Album))
        {
            artist.AppearsOn.Add(track.Album);
        }
    }

    internal static IQueryable<AlbumRow> SelectAlbums(IQueryable<Album> albums) => albums.AsNoTracking().Select(a => new AlbumRow
    {
        Id = a.Id, Name = a.Name, AlbumType = a.AlbumType, ReleaseDate = a.ReleaseDate, ReleaseDatePrecision = a.ReleaseDatePrecision,
        Label = a.Label, Upc = a.Upc, Ean = a.Ean, Popularity = a.Popularity, Genres = a.Genres,
        CopyrightText = a.CopyrightText, PhonogramText = a.PhonogramText, Images = a.Images,
    });

    internal static CatalogAlbum NewAlbum(AlbumRow a, MarketSet markets) => new()
    {
        Id = a.Id, Name = a.Name, AlbumType = a.AlbumType, ReleaseDate = a.ReleaseDate,
        ReleaseDatePrecision = a.ReleaseDatePrecision, Label = a.Label, Upc = a.Upc, Ean = a.Ean,
        Popularity = a.Popularity, Genres = a.Genres, Markets = markets,
        CopyrightText = a.CopyrightText, PhonogramText = a.PhonogramText, Images = CatalogImages.Of(a.Images),
    };

    internal sealed class AlbumRow
    {
        public required string Id { get; init; }
        public required string Name { get; init; }
        public required string AlbumType { get; init; }
        public required string ReleaseDate { get; init; }
        public required string ReleaseDatePrecision { get; init; }
        public required string Label { get; init; }
        public required string Upc { get; init; }
        public string? Ean { get; init; }
        public int Popularity { get; init; }
        public required IReadOnlyList<string> Genres { get; init; }
        public required string CopyrightText { get; init; }
        public required string PhonogramText { get; init; }
        public List<StoredImage>? Images { get; init; }
    }

    internal static int NewestFirst(CatalogAlbum a, CatalogAlbum b)
    {
        var byDate = string.CompareOrdinal(b.ReleaseDate, a.ReleaseDate);
        return byDate != 0 ? byDate : string.CompareOrdinal(a.Id, b.Id);
    }

    private static async Task<(Dictionary<string, CatalogShow>, Dictionary<string, CatalogEpisode>)> LoadShowsAsync(
        JukeboxDbContext db, Func<IReadOnlyList<string>, MarketSet> intern, CancellationToken ct)
    {
        var shows = new Dictionary<string, CatalogShow>(StringComparer.Ordinal);
        foreach (var s in await db.Shows.AsNoTracking().ToListAsync(ct))
        {
            shows[s.Id] = NewShow(s, intern(s.AvailableMarkets));
        }
        var episodes = new Dictionary<string, CatalogEpisode>(StringComparer.Ordinal);
        foreach (var group in (await db.Episodes.AsNoTracking().ToListAsync(ct)).GroupBy(e => e.ShowId))
        {
            var show = shows[group.Key];
            show.Episodes = Episodes(show, group);
            foreach (var episode in show.Episodes)
            {
                episodes[episode.Id] = episode;
            }
        }
        return (shows, episodes);
    }

    private static async Task<(Dictionary<string, CatalogAudiobook>, Dictionary<string, CatalogChapter>)> LoadAudiobooksAsync(
        JukeboxDbContext db, Func<IReadOnlyList<string>, MarketSet> intern, CancellationToken ct)
    {
        var books = new Dictionary<string, CatalogAudiobook>(StringComparer.Ordinal);
        foreach (var b in await db.Audiobooks.AsNoTracking().ToListAsync(ct))
        {
            books[b.Id] = NewAudiobook(b, intern(b.AvailableMarkets));
        }
        var chapters = new Dictionary<string, CatalogChapter>(StringComparer.Ordinal);
        foreach (var group in (await db.Chapters.AsNoTracking().ToListAsync(ct)).GroupBy(c => c.AudiobookId))
        {
            var book = books[group.Key];
            book.Chapters = Chapters(book, group);
            foreach (var chapter in book.Chapters)
            {
                chapters[chapter.Id] = chapter;
            }
        }
        return (books, chapters);
    }

    internal static CatalogShow NewShow(Show s, MarketSet markets) => new()
    {
        Id = s.Id, Name = s.Name, Publisher = s.Publisher, Description = s.Description,
        HtmlDescription = s.HtmlDescription, Explicit = s.Explicit, Languages = s.Languages, MediaType = s.MediaType,
        IsExternallyHosted = s.IsExternallyHosted, Markets = markets, CopyrightText = s.CopyrightText, Images = CatalogImages.Of(s.Images),
    };

    /// <summary>A show's episodes, newest first.</summary>
    internal static CatalogEpisode[] Episodes(CatalogShow show, IEnumerable<Episode> rows) =>
    [
        .. rows.OrderByDescending(e => e.Number).Select(e => new CatalogEpisode
        {
            Id = e.Id, Show = show, Name = e.Name, Description = e.Description, HtmlDescription = e.HtmlDescription,
            DurationMs = e.DurationMs, Explicit = e.Explicit, Languages = e.Languages, ReleaseDate = e.ReleaseDate,
            ReleaseDatePrecision = e.ReleaseDatePrecision, AudioPreviewUrl = e.AudioPreviewUrl,
            IsExternallyHosted = e.IsExternallyHosted, Images = CatalogImages.Of(e.Images),
        }),
    ];

    internal static CatalogAudiobook NewAudiobook(Audiobook b, MarketSet markets) => new()
    {
        Id = b.Id, Name = b.Name, Authors = b.Authors, Narrators = b.Narrators, Publisher = b.Publisher,
        Description = b.Description, HtmlDescription = b.HtmlDescription, Edition = b.Edition, Explicit = b.Explicit,
        Languages = b.Languages, MediaType = b.MediaType, Markets = markets, CopyrightText = b.CopyrightText,
        Images = CatalogImages.Of(b.Images),
    };

    /// <summary>A book's chapters in chapter order.</summary>
    internal static CatalogChapter[] Chapters(CatalogAudiobook book, IEnumerable<Chapter> rows) =>
    [
        .. rows.OrderBy(c => c.ChapterNumber).Select(c => new CatalogChapter
        {
            Id = c.Id, Audiobook = book, ChapterNumber = c.ChapterNumber, Name = c.Name, Description = c.Description,
            HtmlDescription = c.HtmlDescription, DurationMs = c.DurationMs, Explicit = c.Explicit, Languages = c.Languages,
            ReleaseDate = c.ReleaseDate, ReleaseDatePrecision = c.ReleaseDatePrecision, AudioPreviewUrl = c.AudioPreviewUrl,
            Images = CatalogImages.Of(c.Images),
        }),
    ];

    internal static async Task<List<CatalogCategory>> LoadCategoriesAsync(JukeboxDbContext db, CancellationToken ct)
    {
        var names = (await db.CategoryNames.AsNoTracking().ToListAsync(ct)).ToLookup(n => n.CategoryId);
        return (await db.Categories.AsNoTracking().OrderBy(c => c.Position).ToListAsync(ct))
            .Select(c => new CatalogCategory
            {
                Id = c.Id,
                Name = c.Name,
                LocalizedNames = names[c.Id].ToDictionary(n => n.Locale, n => n.Name, StringComparer.OrdinalIgnoreCase),
            }).ToList();
    }

    private static List<TValue> GetOrAdd<TKey, TValue>(Dictionary<TKey, List<TValue>> map, TKey key) where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }
        return list;
    }
}
