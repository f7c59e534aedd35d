using System.Runtime.CompilerServices;
using Jukebox.Api.Catalog;
using Jukebox.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Jukebox.Api.Tracks;

/// <summary>One track's audio features, as stored (the seeded values), kept compact: a million tracks take 40 MB.</summary>
public readonly record struct TrackFeatures(
    float Danceability, float Energy, byte Key, float Loudness, byte Mode, float Speechiness, float Acousticness,
    float Instrumentalness, float Liveness, float Valence, float Tempo, byte TimeSignature);

/// <summary>
/// The audio features of every track of a catalog snapshot, read from the database in the
/// background after the snapshot (the snapshot itself leaves them out, so that start-up stays short)
/// and then kept in memory for audio-features, audio-analysis and recommendations.
/// </summary>
public sealed class AudioFeatureStore(IServiceScopeFactory scopes, ILogger<AudioFeatureStore> logger)
{
    private readonly ConditionalWeakTable<CatalogSnapshot, Task<IReadOnlyDictionary<CatalogTrack, TrackFeatures>>> _loads = [];
    private readonly Lock _gate = new();

    public Task<IReadOnlyDictionary<CatalogTrack, TrackFeatures>> ForAsync(CatalogSnapshot catalog)
    {
        lock (_gate)
        {
            if (!_loads.TryGetValue(catalog, out var load) || load.IsFaulted)
            {
                load = Task.Run(() => LoadAsync(catalog));
                _loads.AddOrUpdate(catalog, load);
            }
            return load;
        }
    }

    private async Task<IReadOnlyDictionary<CatalogTrack, TrackFeatures>> LoadAsync(CatalogSnapshot catalog)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JukeboxDbContext>();
        var features = new Dictionary<CatalogTrack, TrackFeatures>(catalog.Tracks.Count, ReferenceEqualityComparer.Instance);
        await foreach (var t in db.Tracks.AsNoTracking().Select(t => new
        {
            t.Id, t.Features.Danceability, t.Features.Energy, t.Features.Key, t.Features.Loudness, t.Features.Mode,
            t.Features.Speechiness, t.Features.Acousticness, t.Features.Instrumentalness, t.Features.Liveness,
            t.Features.Valence, t.Features.Tempo, t.Features.TimeSignature,
        }).AsAsyncEnumerable())
        {
            if (catalog.Tracks.TryGetValue(t.Id, out var track))
            {
                features[track] = new TrackFeatures(
                    (float)t.Danceability, (float)t.Energy, (byte)t.Key, (float)t.Loudness, (byte)t.Mode, (float)t.Speechiness,
                    (float)t.Acousticness, (float)t.Instrumentalness, (float)t.Liveness, (float)t.Valence, (float)t.Tempo,
                    (byte)t.TimeSignature);
            }
        }
        logger.LogInformation("Audio features loaded in {Elapsed}: {Tracks} tracks.", System.Diagnostics.Stopwatch.GetElapsedTime(started), features.Count);
        return features;
    }
}
