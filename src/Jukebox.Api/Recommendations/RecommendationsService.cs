using Jukebox.Api.Artists;
using Jukebox.Api.Catalog;
using Jukebox.Api.Http;
using Jukebox.Api.Tracks;
using Jukebox.Data;

namespace Jukebox.Api.Recommendations;

public sealed record RecommendationSeed(string Type, string Id, CatalogArtist[] Artists, CatalogTrack? Track, string? Genre);

/// <summary>A request's seeds, found in one catalog snapshot that the recommendations then come from.</summary>
public sealed record RecommendationSeeds(CatalogSnapshot Catalog, IReadOnlyList<RecommendationSeed> All);

/// <summary>
/// Recommendations from up to five seeds. Each seed gives a pool of recordings: an artist's tracks
/// and those of its related artists (the neighbourhood related-artists shows), a track's artists'
/// pools, or the tracks of a genre's artists. min_/max_ filter the pools, the market drops what
/// cannot be played there even after relinking, and the rest is ordered by closeness to the target_
/// values (for track seeds without targets, closeness to the seed tracks' sound), then popularity.
/// </summary>
public sealed class RecommendationsService(CatalogStore store, AudioFeatureStore featureStore, CatalogObjects objects)
{
    private const int MaxSeeds = 5;

    /// <summary>Without targets, track seeds steer by these attributes of theirs.</summary>
    private static readonly string[] SoundOfSeeds = ["danceability", "energy", "valence", "acousticness"];

    /// <summary>1 to 5 seeds in all; each must name a known artist, track or genre seed.</summary>
    public async Task<RecommendationSeeds> SeedsAsync(string[] artists, string[] tracks, string[] genres)
    {
        var catalog = await store.GetAsync();
        var count = artists.Length + tracks.Length + genres.Length;
        if (count is 0 or > MaxSeeds)
        {
            throw SpotifyException.BadRequest("invalid request");
        }
        var seeds = new List<RecommendationSeed>(count);
        foreach (var id in artists)
        {
            seeds.Add(new RecommendationSeed("artist", id, [CatalogLookup.Find(catalog.Artists, id)], null, null));
        }
        foreach (var id in tracks)
        {
            var track = CatalogLookup.Find(catalog.Tracks, id);
            seeds.Add(new RecommendationSeed("track", id, track.Artists, track, null));
        }
        foreach (var genre in genres)
        {
            if (!GenreSeeds.All.Contains(genre))
            {
                throw SpotifyException.BadRequest("invalid request");
            }
            seeds.Add(new RecommendationSeed("genre", genre, [], null, genre));
        }
        return new RecommendationSeeds(catalog, seeds);
    }

    public async Task<RecommendationsObject> RecommendAsync(RecommendationSeeds requested, int limit, Tuning tuning, string? market)
    {
        var (catalog, seeds) = requested;
        var features = await featureStore.ForAsync(catalog);

        var seedRecordings = seeds.Where(s => s.Track is not null).Select(s => s.Track!.Isrc).ToHashSet(StringComparer.Ordinal);
        var candidates = new Dictionary<string, CatalogTrack>(StringComparer.Ordinal);
        var seedObjects = new List<RecommendationSeedObject>();
        foreach (var seed in seeds)
        {
            var pool = Pool(catalog, seed).Where(t => !seedRecordings.Contains(t.Isrc)).DistinctBy(t => t.Isrc, StringComparer.Ordinal).ToList();
            var filtered = pool.Where(t => tuning.Admits(t, features[t])).ToList();
            var playable = filtered.Where(t => CatalogObjects.Relink(t, market).IsPlayable != false).ToList();
            foreach (var track in playable)
            {
                candidates.TryAdd(track.Isrc, track);
            }
            seedObjects.Add(new RecommendationSeedObject(filtered.Count, playable.Count,
                seed.Type == "genre" ? null : objects.Urls.Resource($"{seed.Type}s", seed.Id), seed.Id, pool.Count, seed.Type));
        }

        var targets = tuning.Targets.Count > 0 ? tuning : SeedSound(seeds, features);
        var tracks = candidates.Values
            .Select(t => (Track: t, Distance: targets.Distance(t, features[t])))
            .OrderBy(x => x.Distance).ThenByDescending(x => x.Track.Popularity).ThenBy(x => x.Track.Id, StringComparer.Ordinal)
            .Take(limit)
            .Select(x => objects.Track(x.Track, market))
            .ToList();
        return new RecommendationsObject(seedObjects, tracks);
    }

    private static IEnumerable<CatalogTrack> Pool(CatalogSnapshot catalog, RecommendationSeed seed)
    {
        var artists = seed.Genre is not null
            ? ArtistsService.ArtistsByGenre(catalog).GetValueOrDefault(seed.Genre) ?? []
            : seed.Artists.Concat(seed.Artists.SelectMany(a => ArtistsService.Related(catalog, a))).Distinct();
        return artists.SelectMany(a => a.Tracks);
    }

    /// <summary>Targets at the average sound of the seed tracks, or none without track seeds.</summary>
    private static Tuning SeedSound(IReadOnlyList<RecommendationSeed> seeds, IReadOnlyDictionary<CatalogTrack, TrackFeatures> features)
    {
        var seedTracks = seeds.Where(s => s.Track is not null).Select(s => s.Track!).ToList();
        if (seedTracks.Count == 0)
        {
            return new Tuning([], [], []);
        }
        var targets = Tuning.Attributes.Where(a => SoundOfSeeds.Contains(a.Name))
            .Select(a => (a, seedTracks.Average(t => a.Value(t, features[t])))).ToList();
        return new Tuning([], [], targets);
    }
}
