using System.Runtime;
using Jukebox.Api.Catalog;
using Jukebox.Api.Search;
using Jukebox.Api.Tracks;

namespace Jukebox.Server;

/// <summary>
/// Gives back the memory that starting used, once the server is warm: seeding a new database, loading
/// the catalog and building the search index leave hundreds of MB of garbage that the GC keeps
/// committed for later (a fresh start on the demo catalog held about 515 MB, a restart about 255 MB; see
/// bench/docs/startup.md). One blocking, compacting, aggressive collection after the warm-up returns it to the
/// system; a test suite that starts a server per run keeps only what the server uses. It waits on the
/// same loads the warm-up started (<see cref="SearchWarmup"/>), so it adds no work of its own.
/// </summary>
internal sealed class StartupMemory(
    CatalogStore store, CatalogSearchIndex index, PlaylistSearchIndex playlists, AudioFeatureStore features, ILogger<StartupMemory> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var catalog = await store.GetAsync().WaitAsync(stoppingToken);
            await SearchWarmup.WarmAsync(catalog, index, playlists, features).WaitAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The warm-up reports its own failures and retries; memory is given back at the next start.
            return;
        }
        var before = Environment.WorkingSet;
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        logger.LogInformation("Warm; gave back the memory starting used: working set {Before} MB, now {After} MB.",
            before / (1024 * 1024), Environment.WorkingSet / (1024 * 1024));
    }
}
