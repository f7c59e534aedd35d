using Jukebox.Api.Catalog;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Jukebox.Api.Search;

/// <summary>
/// Opens or builds the search indexes and reads the audio features once the catalog is loaded,
/// without delaying the start.
/// </summary>
public sealed class SearchWarmup(
    CatalogStore store, CatalogSearchIndex index, PlaylistSearchIndex playlists, Tracks.AudioFeatureStore features, ILogger<SearchWarmup> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var catalog = await store.GetAsync();
            await Task.WhenAll(index.ForAsync(catalog), playlists.ReadyAsync(), features.ForAsync(catalog));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Search requests retry the build; the rest of the API keeps working.
            logger.LogError(e, "Building the search index failed.");
        }
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
