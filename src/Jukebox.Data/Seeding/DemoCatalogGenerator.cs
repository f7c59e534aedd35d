using System.Globalization;
using Jukebox.Data.Entities;

namespace Jukebox.Data.Seeding;

/// <summary>
/// Turns the Chinook music data into a Spotify-shaped catalog and completes what Chinook lacks
/// (ids, dates, album types, markets, relinked instances, codes, popularity, audio features,
/// podcasts, audiobooks, editorial playlists and categories). Deterministic: the same input gives the
/// same catalog; only the handful of "new release" dates follow <paramref name="today"/>.
/// </summary>
public sealed partial class DemoCatalogGenerator(DateOnly today)
{
    public const string SpotifyUserId = "spotify";
    private static readonly string[] NorthAmerica = ["US", "CA", "MX"];
    private static readonly string[] EastAsia = ["JP", "KR"];

    private readonly ValueDistributions _values = new(seed: 1955);
    private readonly List<string> _allMarkets = [.. Markets.All];

    public CatalogBatch Generate()
    {
        var source = ChinookSource.Load();
        var batch = new CatalogBatch();
        var genres = source.Genre.ToDictionary(g => g.GenreId, g => g.Name);
        var musicTracks = source.Track
            .Where(t => CatalogVocabulary.GenreSeedsByChinookGenre.ContainsKey(genres[t.GenreId]) && t.MediaTypeId != 3)
            .ToList();
        var tracksByAlbum = musicTracks.GroupBy(t => t.AlbumId).ToDictionary(g => g.Key, g => g.OrderBy(t => t.TrackId).ToList());

        var artists = new Dictionary<int, Artist>();
        foreach (var a in source.Artist)
        {
            var artistGenres = source.Album.Where(al => al.ArtistId == a.ArtistId)
                .SelectMany(al => tracksByAlbum.GetValueOrDefault(al.AlbumId) ?? [])
                .SelectMany(t => CatalogVocabulary.GenreSeedsByChinookGenre[genres[t.GenreId]])
                .Distinct().Take(4).ToList();
            var popularity = _values.Popularity();
            artists[a.ArtistId] = new Artist
            {
                Id = CatalogIds.For("artist", a.ArtistId),
                Name = a.Name,
                Popularity = popularity,
                Followers = FollowersFor(popularity),
                Genres = artistGenres,
            };
        }
        batch.Artists.AddRange(artists.Values);

        var trackIds = new Dictionary<int, string>();
        var newReleaseSlots = 12;
        foreach (var chinookAlbum in source.Album)
        {
            if (!tracksByAlbum.TryGetValue(chinookAlbum.AlbumId, out var albumTracks))
            {
                continue;
            }
            var artist = artists[chinookAlbum.ArtistId];
            var album = NewAlbum(CatalogIds.For("album", chinookAlbum.AlbumId), chinookAlbum.Title, artist, albumTracks.Count, chinookAlbum.AlbumId);
            if (newReleaseSlots > 0 && chinookAlbum.AlbumId % 29 == 0)
            {
                // A few albums released in the last two weeks, so "new releases" and tag:new have content.
                album.ReleaseDate = today.AddDays(-newReleaseSlots).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                album.ReleaseDatePrecision = "day";
                newReleaseSlots--;
            }
            // Released under two licences: the original is not available in North America and a second
            // instance (same recordings, same ISRCs) is available only there.
            var licensedRegionally = chinookAlbum.AlbumId % 25 == 7;
            if (licensedRegionally)
            {
                album.AvailableMarkets = _allMarkets.Except(NorthAmerica).ToList();
            }
            else if (chinookAlbum.AlbumId % 31 == 3)
            {
                album.AvailableMarkets = _allMarkets.Except(EastAsia).ToList();
            }
            for (var i = 0; i < albumTracks.Count; i++)
            {
                var source1 = albumTracks[i];
                var track = NewTrack(CatalogIds.For("track", source1.TrackId), album, source1.Name, i, albumTracks.Count, source1.Milliseconds, artist, IsrcFor(source1.TrackId));
                trackIds[source1.TrackId] = track.Id;
                if (_values.Chance(0.01))
                {
                    // Withdrawn in one market with no other instance to relink to.
                    track.AvailableMarkets = album.AvailableMarkets.Where(m => m != "DE").ToList();
                }
            }
            batch.Albums.Add(album);
            if (licensedRegionally)
            {
                batch.Albums.Add(RegionalInstance(album, artist, chinookAlbum.AlbumId));
            }
        }

        batch.Users.Add(SpotifyUser());
        AddEditorialPlaylists(batch, source, trackIds);
        CompletePlaylists(batch);
        AddShows(batch);
        AddAudiobooks(batch);
        return batch;
    }

    private Album NewAlbum(string id, string name, Artist artist, int trackCount, long number)
    {
        var year = 1960 + (int)(number * 7919 % 65);
        var precision = _values.Random.NextDouble() switch { < 0.8 => "day", < 0.9 => "month", _ => "year" };
        var date = new DateOnly(year, 1 + _values.Random.Next(12), 1 + _values.Random.Next(28));
        var label = _values.Pick(CatalogVocabulary.Labels);
        var lowerName = name.ToLowerInvariant();
        var albumType = trackCount <= 3 ? "single"
            : lowerName.Contains("greatest hits", StringComparison.Ordinal) || lowerName.Contains("best of", StringComparison.Ordinal)
              || lowerName.Contains("collection", StringComparison.Ordinal) ? "compilation"
            : "album";
        return new Album
        {
            Id = id,
            Name = name,
            AlbumType = albumType,
            ReleaseDate = precision switch
            {
                "day" => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                "month" => date.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                _ => date.ToString("yyyy", CultureInfo.InvariantCulture),
            },
            ReleaseDatePrecision = precision,
            Label = label,
            Upc = UpcFor(number),
            Popularity = Math.Clamp(artist.Popularity + _values.Random.Next(-15, 16), 0, 100),
            Genres = [],
            AvailableMarkets = _allMarkets,
            CopyrightText = $"© {year} {label}",
            PhonogramText = $"℗ {year} {label}",
            Artists = [new AlbumArtist { AlbumId = id, ArtistId = artist.Id, Position = 0 }],
        };
    }

    private Track NewTrack(string id, Album album, string name, int index, int count, int durationMs, Artist artist, string isrc)
    {
        // Long albums are split over discs of at most 20 tracks, as box sets are.
        var discs = (count + 19) / 20;
        var perDisc = (count + discs - 1) / discs;
        var track = new Track
        {
            Id = id,
            AlbumId = album.Id,
            Name = name,
            DiscNumber = 1 + index / perDisc,
            TrackNumber = 1 + index % perDisc,
            DurationMs = durationMs,
            Explicit = _values.Chance(0.08),
            Isrc = isrc,
            Popularity = Math.Clamp(album.Popularity + _values.Random.Next(-20, 11), 0, 100),
            Features = _values.Features(),
            Artists = [new TrackArtist { TrackId = id, ArtistId = artist.Id, Position = 0 }],
        };
        track.Features.Speechiness = Math.Min(track.Features.Speechiness, 0.9);
        album.Tracks.Add(track);
        return track;
    }

    private Album RegionalInstance(Album original, Artist artist, long number)
    {
        var id = CatalogIds.For("album-regional", number);
        var copy = new Album
        {
            Id = id,
            Name = original.Name,
            AlbumType = original.AlbumType,
            ReleaseDate = original.ReleaseDate,
            ReleaseDatePrecision = original.ReleaseDatePrecision,
            Label = "Open Road Records",
            Upc = UpcFor(number + 900_000),
            Popularity = Math.Max(0, original.Popularity - 10),
            AvailableMarkets = [.. NorthAmerica],
            CopyrightText = original.CopyrightText,
            PhonogramText = original.PhonogramText,
            Artists = [new AlbumArtist { AlbumId = id, ArtistId = artist.Id, Position = 0 }],
        };
        foreach (var t in original.Tracks)
        {
            var trackId = CatalogIds.FromSeed($"jukebox:track-regional:{t.Id}");
            copy.Tracks.Add(new Track
            {
                Id = trackId,
                AlbumId = id,
                Name = t.Name,
                DiscNumber = t.DiscNumber,
                TrackNumber = t.TrackNumber,
                DurationMs = t.DurationMs,
                Explicit = t.Explicit,
                Isrc = t.Isrc,
                Popularity = Math.Max(0, t.Popularity - 10),
                Features = t.Features,
                Artists = [new TrackArtist { TrackId = trackId, ArtistId = artist.Id, Position = 0 }],
            });
        }
        return copy;
    }

    /// <summary>Spotify's own user, the owner of the editorial playlists.</summary>
    public static User SpotifyUser() => new()
    {
        Id = SpotifyUserId,
        DisplayName = "Spotify",
        Country = "SE",
        Product = "premium",
        CreatedAt = new DateTimeOffset(2008, 10, 7, 0, 0, 0, TimeSpan.Zero),
    };

    private void AddEditorialPlaylists(CatalogBatch batch, ChinookSource source, Dictionary<int, string> trackIds)
    {
        var created = new DateTimeOffset(today.AddYears(-1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var featured = 0;
        var byName = new Dictionary<string, Playlist>();
        foreach (var p in source.Playlist.DistinctBy(p => p.Name))
        {
            var items = source.PlaylistTrack.Where(pt => pt.PlaylistId == p.PlaylistId && trackIds.ContainsKey(pt.TrackId))
                .Select(pt => trackIds[pt.TrackId]).Take(500).ToList();
            if (items.Count == 0)
            {
                continue;
            }
            var playlist = NewPlaylist(CatalogIds.For("playlist", p.PlaylistId), p.Name, $"{p.Name}, picked by Jukebox editors.", items, created, featured < 8 ? featured++ : null);
            byName[p.Name] = playlist;
            batch.Playlists.Add(playlist);
        }

        var allTracks = batch.Albums.SelectMany(a => a.Tracks).ToList();
        var artistGenres = batch.Artists.ToDictionary(a => a.Id, a => a.Genres);
        var position = 0;
        foreach (var (categoryId, categoryName, categoryGenres, names) in CatalogVocabulary.Categories)
        {
            var category = new Category { Id = categoryId, Name = categoryName, Position = position++ };
            category.LocalizedNames.AddRange(names.Select(n => new CategoryName { CategoryId = categoryId, Locale = n.Locale, Name = n.Name }));
            var pool = categoryGenres.Length == 0
                ? allTracks
                : allTracks.Where(t => artistGenres[t.Artists[0].ArtistId].Intersect(categoryGenres).Any()).ToList();
            var top = pool.OrderByDescending(t => t.Popularity).ThenBy(t => t.Id, StringComparer.Ordinal).Take(50).Select(t => t.Id).ToList();
            var fresh = pool.OrderBy(t => t.Id, StringComparer.Ordinal).Take(30).Select(t => t.Id).ToList();
            var playlists = new List<Playlist>
            {
                NewPlaylist(CatalogIds.FromSeed($"jukebox:category:{categoryId}:top"), categoryId == "toplists" ? "Today's Top Hits" : $"{categoryName} Classics",
                    $"The essential {categoryName.ToLowerInvariant()} tracks.", top, created, categoryId == "toplists" ? featured++ : null),
                NewPlaylist(CatalogIds.FromSeed($"jukebox:category:{categoryId}:fresh"), $"Fresh {categoryName}",
                    $"Something new from the world of {categoryName.ToLowerInvariant()}.", fresh, created, null),
            };
            batch.Playlists.AddRange(playlists);
            var extra = categoryId switch
            {
                "rock" => new[] { "Grunge", "90’s Music" },
                "metal" => ["Heavy Metal Classic"],
                "classical" => ["Classical", "Classical 101 - The Basics", "Classical 101 - Next Steps", "Classical 101 - Deep Cuts"],
                "latin" => ["Brazilian Music"],
                _ => [],
            };
            playlists.AddRange(extra.Where(byName.ContainsKey).Select(n => byName[n]));
            category.Playlists.AddRange(playlists.Select((pl, i) => new CategoryPlaylist { CategoryId = categoryId, PlaylistId = pl.Id, Position = i }));
            batch.Categories.Add(category);
        }
    }

    private static Playlist NewPlaylist(string id, string name, string description, List<string> trackIds, DateTimeOffset created, int? featuredPosition)
    {
        var playlist = new Playlist
        {
            Id = id,
            OwnerId = SpotifyUserId,
            Name = name,
            Description = description,
            Public = true,
            SnapshotId = CatalogIds.FromSeed($"jukebox:snapshot:{id}:0"),
            FeaturedPosition = featuredPosition,
            CreatedAt = created,
            ItemCount = trackIds.Count,
        };
        for (var i = 0; i < trackIds.Count; i++)
        {
            playlist.Items.Add(new PlaylistItem { PlaylistId = id, Position = i, TrackId = trackIds[i], AddedAt = created, AddedById = SpotifyUserId });
        }
        return playlist;
    }

    /// <summary>
    /// What seeding adds once every editorial playlist exists: the owner's follow of each, the albums
    /// its generated cover shows, and a few local files (which only a Spotify client can add) in the
    /// playlists named in <see cref="CatalogVocabulary.LocalFiles"/>.
    /// </summary>
    private static void CompletePlaylists(CatalogBatch batch)
    {
        var albumOfTrack = batch.Albums.SelectMany(a => a.Tracks).ToDictionary(t => t.Id, t => t.AlbumId);
        foreach (var playlist in batch.Playlists)
        {
            if (CatalogVocabulary.LocalFiles.TryGetValue(playlist.Name, out var localFiles))
            {
                // Local files go between the first tracks, at the positions a listener dropped them in.
                var items = playlist.Items;
                for (var i = 0; i < localFiles.Length; i++)
                {
                    var at = Math.Min(items.Count, 1 + 2 * i);
                    items.Insert(at, new PlaylistItem
                    {
                        PlaylistId = playlist.Id, LocalUri = localFiles[i], AddedAt = playlist.CreatedAt, AddedById = SpotifyUserId,
                    });
                }
                for (var i = 0; i < items.Count; i++)
                {
                    items[i].Position = i;
                }
                playlist.ItemCount = items.Count;
            }
            // The albums the generated cover shows, and how many leading items decide them (see the Api's PlaylistCovers).
            var albums = new List<string>();
            playlist.CoverDepth = int.MaxValue;
            for (var i = 0; i < playlist.Items.Count && albums.Count < 4; i++)
            {
                if (playlist.Items[i].TrackId is { } trackId && !albums.Contains(albumOfTrack[trackId]))
                {
                    albums.Add(albumOfTrack[trackId]);
                    playlist.CoverDepth = albums.Count == 4 ? i + 1 : int.MaxValue;
                }
            }
            playlist.CoverAlbumIds = string.Join(',', albums);
            batch.PlaylistFollows.Add(new PlaylistFollow
            {
                PlaylistId = playlist.Id, UserId = playlist.OwnerId, Public = playlist.Public, FollowedAt = playlist.CreatedAt,
            });
        }
    }

    internal static long FollowersFor(int popularity) => (long)Math.Round(Math.Pow(10, 2 + popularity / 20.0));

    /// <summary>CC-XXX-YY-NNNNN with a registrant code, year digits and designation that are unique per number.</summary>
    internal static string IsrcFor(long number)
    {
        const string Base36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        var registrant = number / 10_000_000;
        var code = new string([Base36[(int)(registrant / 1296 % 36)], Base36[(int)(registrant / 36 % 36)], Base36[(int)(registrant % 36)]]);
        return string.Create(CultureInfo.InvariantCulture, $"QZ{code}{number / 100_000 % 100:00}{number % 100_000:00000}");
    }

    internal static string UpcFor(long number)
    {
        var digits = string.Create(CultureInfo.InvariantCulture, $"80{number:000000000}");
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            sum += (digits[i] - '0') * (i % 2 == 0 ? 3 : 1);
        }
        return digits + (char)('0' + (10 - sum % 10) % 10);
    }
}
