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
/// same loads the warm-up started (<see cref="SearchWarmup"/>), so it adds no work of its own, and then
/// for the server to be listening and a moment more: the collection stops every thread while it runs,
/// and a test suite's first requests come as soon as the server listens.
/// </summary>
internal sealed class StartupMemory(
    CatalogStore store, CatalogSearchIndex index, PlaylistSearchIndex playlists, AudioFeatureStore features,
    IHostApplicationLifetime lifetime, ILogger<StartupMemory> logger)
    : BackgroundService
{
    /// <summary>How long after the server started listening the collection waits (on the wall clock).</summary>
    private static readonly TimeSpan AfterStart = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var catalog = await store.GetAsync().WaitAsync(stoppingToken);
            await SearchWarmup.WarmAsync(catalog, index, playlists, features, stoppingToken).WaitAsync(stoppingToken);
            var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using (lifetime.ApplicationStarted.Register(() => listening.TrySetResult()))
            {
                await listening.Task.WaitAsync(stoppingToken);
            }
            await Task.Delay(AfterStart, TimeProvider.System, stoppingToken);
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
