using Jukebox.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Jukebox.Api.Catalog;

/// <summary>Holds the current <see cref="CatalogSnapshot"/>; loads it once and on demand again.</summary>
public sealed class CatalogStore(IServiceScopeFactory scopes, ILogger<CatalogStore> logger)
{
    private readonly Lock _gate = new();
    private Task<CatalogSnapshot>? _current;

    /// <summary>Loads started so far, and the number of the one <see cref="_current"/> comes from.</summary>
    private long _loadsStarted;
    private long _currentLoad;

    public bool IsLoaded => _current is { IsCompletedSuccessfully: true };

    /// <summary>The snapshot; the first call starts loading it and later calls share that load.</summary>
    public Task<CatalogSnapshot> GetAsync()
    {
        var current = _current;
        if (current is not null && !current.IsFaulted)
        {
            return current;
        }
        lock (_gate)
        {
            if (_current is null || _current.IsFaulted)
            {
                _currentLoad = Interlocked.Increment(ref _loadsStarted);
                _current = LoadAsync();
            }
            return _current;
        }
    }

    /// <summary>
    /// Builds a fresh snapshot and swaps it in when ready; readers keep the old one until then. Of
    /// reloads that overlap (changes in quick succession), the one that started last wins: one that
    /// started earlier may finish later, having read the database before the latest change.
    /// </summary>
    public async Task ReloadAsync()
    {
        var number = Interlocked.Increment(ref _loadsStarted);
        var next = await LoadAsync();
        lock (_gate)
        {
            if (number > _currentLoad)
            {
                _current = Task.FromResult(next);
                _currentLoad = number;
            }
        }
    }

    private async Task<CatalogSnapshot> LoadAsync()
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await using var scope = scopes.CreateAsyncScope();
        await using var creditsScope = scopes.CreateAsyncScope();
        var snapshot = await CatalogLoader.LoadAsync(
            scope.ServiceProvider.GetRequiredService<JukeboxDbContext>(),
            creditsScope.ServiceProvider.GetRequiredService<JukeboxDbContext>(),
            CancellationToken.None);
        logger.LogInformation("Catalog loaded in {Elapsed}: {Tracks} tracks, {Albums} albums, {Artists} artists.",
            System.Diagnostics.Stopwatch.GetElapsedTime(started), snapshot.Tracks.Count, snapshot.Albums.Count, snapshot.Artists.Count);
        return snapshot;
    }
}

/// <summary>
/// Loads the catalog when the server starts, so the first request does not wait for it. Should the
/// database be unreachable just then, it tries again every <see cref="RetryEvery"/> (requests would
/// also retry, but /readyz keeps a balancer from sending any until the catalog is loaded).
/// </summary>
public sealed class CatalogWarmup(CatalogStore store, DatabaseOutages outages, TimeProvider clock, ILogger<CatalogWarmup> logger)
    : BackgroundService
{
    public static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                await store.GetAsync().WaitAsync(stoppingToken);
                return;
            }
            catch (Exception e) when (outages.Recognize(e))
            {
                logger.LogWarning("Could not load the catalog, the database is unavailable ({Cause}); trying again in {Delay}.",
                    DatabaseOutages.Describe(e), RetryEvery);
            }
            await Task.Delay(RetryEvery, clock, stoppingToken);
        }
    }
}
