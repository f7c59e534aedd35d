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

    /// <summary>The reads still running (see <see cref="Search.CatalogSearchIndex.Running"/>).</summary>
    public Task Running()
    {
        lock (_gate)
        {
            return Task.WhenAll(_loads.Select(load => load.Value).Where(load => !load.IsCompleted));
        }
    }

    /// <summary>
    /// The features of a patched snapshot: those of the snapshot before it, less the replaced tracks,
    /// plus the added tracks' read from the database.
    /// </summary>
    public Task<IReadOnlyDictionary<CatalogTrack, TrackFeatures>> ForPatched(CatalogDelta delta)
    {
        lock (_gate)
        {
            if (!_loads.TryGetValue(delta.Before, out var previous) || previous.IsFaulted)
            {
                return ForAsync(delta.After);
            }
            var load = delta.Replaced.Count + delta.Added.Count == 0 ? previous : PatchAsync(previous, delta);
            _loads.AddOrUpdate(delta.After, load);
            return load;
        }
    }

    private async Task<IReadOnlyDictionary<CatalogTrack, TrackFeatures>> PatchAsync(
        Task<IReadOnlyDictionary<CatalogTrack, TrackFeatures>> previous, CatalogDelta delta)
    {
        var features = new Dictionary<CatalogTrack, TrackFeatures>(await previous, ReferenceEqualityComparer.Instance);
        foreach (var track in delta.Replaced)
        {
            features.Remove(track);
        }
        var added = delta.Added.ToDictionary(t => t.Id, StringComparer.Ordinal);
        var ids = added.Keys.ToList();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JukeboxDbContext>();
        await foreach (var t in Select(db.Tracks.AsNoTracking().Where(t => ids.Contains(t.Id))).AsAsyncEnumerable())
        {
            features[added[t.Id]] = t.ToFeatures();
        }
        return features;
    }

    private static IQueryable<FeatureRow> Select(IQueryable<Jukebox.Data.Entities.Track> tracks) => tracks.Select(t => new FeatureRow
    {
        Id = t.Id, Danceability = t.Features.Danceability, Energy = t.Features.Energy, Key = t.Features.Key,
        Loudness = t.Features.Loudness, Mode = t.Features.Mode, Speechiness = t.Features.Speechiness,
        Acousticness = t.Features.Acousticness, Instrumentalness = t.Features.Instrumentalness, Liveness = t.Features.Liveness,
        Valence = t.Features.Valence, Tempo = t.Features.Tempo, TimeSignature = t.Features.TimeSignature,
    });

    private sealed class FeatureRow
    {
        public required string Id { get; init; }
        public double Danceability { get; init; }
        public double Energy { get; init; }
        public int Key { get; init; }
        public double Loudness { get; init; }
        public int Mode { get; init; }
        public double Speechiness { get; init; }
        public double Acousticness { get; init; }
        public double Instrumentalness { get; init; }
        public double Liveness { get; init; }
        public double Valence { get; init; }
        public double Tempo { get; init; }
        public int TimeSignature { get; init; }

        public TrackFeatures ToFeatures() => new(
            (float)Danceability, (float)Energy, (byte)Key, (float)Loudness, (byte)Mode, (float)Speechiness,
            (float)Acousticness, (float)Instrumentalness, (float)Liveness, (float)Valence, (float)Tempo, (byte)TimeSignature);
    }

    private async Task<IReadOnlyDictionary<CatalogTrack, TrackFeatures>> LoadAsync(CatalogSnapshot catalog)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JukeboxDbContext>();
        var features = new Dictionary<CatalogTrack, TrackFeatures>(catalog.Tracks.Count, ReferenceEqualityComparer.Instance);
        await foreach (var t in Select(db.Tracks.AsNoTracking()).AsAsyncEnumerable())
        {
            if (catalog.Tracks.TryGetValue(t.Id, out var track))
            {
                features[track] = t.ToFeatures();
            }
        }
        logger.LogInformation("Audio features loaded in {Elapsed}: {Tracks} tracks.", System.Diagnostics.Stopwatch.GetElapsedTime(started), features.Count);
        return features;
    }
}
