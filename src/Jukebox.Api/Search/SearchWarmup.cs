using Jukebox.Api.Catalog;
using Jukebox.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Jukebox.Api.Search;

/// <summary>
/// Opens or builds the search indexes and reads the audio features once the catalog is loaded,
/// without delaying the start.
/// </summary>
public sealed class SearchWarmup(
    CatalogStore store, CatalogSearchIndex index, PlaylistSearchIndex playlists, Tracks.AudioFeatureStore features,
    DatabaseOutages outages, TimeProvider clock, ILogger<SearchWarmup> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                var catalog = await store.GetAsync().WaitAsync(stoppingToken);
                await WarmAsync(catalog, index, playlists, features, stoppingToken).WaitAsync(stoppingToken);
                return;
            }
            catch (Exception e) when (outages.Recognize(e))
            {
                // Each part keeps what it finished and starts again what failed.
                logger.LogWarning("Could not prepare search, the database is unavailable ({Cause}); trying again in {Delay}.",
                    DatabaseOutages.Describe(e), CatalogWarmup.RetryEvery);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Search requests retry the build; the rest of the API keeps working.
                logger.LogError(e, "Building the search index failed.");
                return;
            }
            await Task.Delay(CatalogWarmup.RetryEvery, clock, stoppingToken);
        }
    }

    /// <summary>
    /// The catalog index first: search is part of being ready, and at a million tracks the audio features'
    /// read would take half the cores from it. A request that needs the features sooner reads them itself.
    /// Once <paramref name="stopping"/> is cancelled it starts nothing more: a server that stops while
    /// the index is built lets that build end (the host's PendingWork), not the reads after it.
    /// </summary>
    public static async Task WarmAsync(
        CatalogSnapshot catalog, CatalogSearchIndex index, PlaylistSearchIndex playlists, Tracks.AudioFeatureStore features,
        CancellationToken stopping)
    {
        await index.ForAsync(catalog);
        stopping.ThrowIfCancellationRequested();
        await Task.WhenAll(playlists.ReadyAsync(), features.ForAsync(catalog));
    }
}

/// <summary>
/// Degraded (still HTTP 200 on /readyz) while the search index is being built: every other
/// operation already works, and search waits for the index or answers 503.
/// </summary>
public sealed class SearchHealthCheck(CatalogSearchIndex index) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(index.Latest is not null
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Degraded("The search index is being built."));
}
