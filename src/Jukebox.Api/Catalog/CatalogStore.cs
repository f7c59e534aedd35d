using Jukebox.Api.Catalog.Stored;
using Jukebox.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Jukebox.Api.Catalog;

/// <summary>
/// Holds the current <see cref="CatalogSnapshot"/>; loads it once, and on demand again or patched by
/// a change. Reloads and patches take turns, each on the snapshot the one before it left.
/// </summary>
public sealed class CatalogStore(IServiceScopeFactory scopes, CatalogFile file, ILogger<CatalogStore> logger)
{
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _turns = new(1, 1);
    private Task<CatalogSnapshot>? _current;

    public bool IsLoaded => _current is { IsCompletedSuccessfully: true };

    /// <summary>The writing of the catalog's file after the last load from the tables (done when there is none).</summary>
    public Task Storing { get; private set; } = Task.CompletedTask;

    /// <summary>Where the last full load took the catalog from (its stored file or the tables), for /readyz.</summary>
    public string? LoadedFrom { get; private set; }

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
                _current = LoadAsync();
            }
            return _current;
        }
    }

    /// <summary>Builds a fresh snapshot and swaps it in when ready; readers keep the old one until then.</summary>
    public async Task ReloadAsync()
    {
        await _turns.WaitAsync();
        try
        {
            Swap(await LoadAsync());
        }
        finally
        {
            _turns.Release();
        }
    }

    /// <summary>
    /// Makes the snapshot after <paramref name="change"/> from the current one, reading only what
    /// changed (<see cref="CatalogPatch"/>), and swaps it in. <paramref name="derive"/> runs before the
    /// next reload or patch may start, so that what derives from one snapshot follows them in turn.
    /// </summary>
    public async Task<CatalogDelta> PatchAsync(CatalogChange change, Action<CatalogDelta> derive)
    {
        await _turns.WaitAsync();
        try
        {
            var before = await GetAsync();
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            await using var scope = scopes.CreateAsyncScope();
            var delta = await CatalogPatch.ApplyAsync(before, change, scope.ServiceProvider.GetRequiredService<JukeboxDbContext>(), CancellationToken.None);
            Swap(delta.After);
            derive(delta);
            logger.LogInformation("Catalog patched in {Elapsed}: {Objects} objects changed.", System.Diagnostics.Stopwatch.GetElapsedTime(started), change.Count);
            return delta;
        }
        finally
        {
            _turns.Release();
        }
    }

    private void Swap(CatalogSnapshot next)
    {
        lock (_gate)
        {
            _current = Task.FromResult(next);
        }
    }

    /// <summary>
    /// Reads the stored catalog when it is of the database's catalog stamp; otherwise builds it from
    /// the tables and, when the stamp did not move meanwhile, stores it for the next start.
    /// </summary>
    private async Task<CatalogSnapshot> LoadAsync()
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JukeboxDbContext>();
        var revision = file.IsEnabled ? await CatalogRevision.ReadAsync(db, CancellationToken.None) : null;
        if (revision is not null && await Task.Run(() => file.TryRead(revision)) is { } stored)
        {
            Log(stored, "read from its file", started);
            LoadedFrom = "Read from the stored catalog file.";
            return stored;
        }
        await using var creditsScope = scopes.CreateAsyncScope();
        var snapshot = await CatalogLoader.LoadAsync(db, creditsScope.ServiceProvider.GetRequiredService<JukeboxDbContext>(), CancellationToken.None);
        Log(snapshot, "loaded", started);
        LoadedFrom = "Built from the database.";
        if (revision is not null)
        {
            Storing = Task.Run(() => StoreAsync(snapshot, revision));
        }
        return snapshot;
    }

    private async Task StoreAsync(CatalogSnapshot snapshot, string revision)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            if (await CatalogRevision.ReadAsync(scope.ServiceProvider.GetRequiredService<JukeboxDbContext>(), CancellationToken.None) == revision)
            {
                file.Write(snapshot, revision);
            }
        }
        catch (Exception e)
        {
            // A cache not written costs the next start time, nothing else.
            logger.LogWarning(e, "Could not store the catalog for the next start.");
        }
    }

    private void Log(CatalogSnapshot snapshot, string how, long started) =>
        logger.LogInformation("Catalog {How} in {Elapsed}: {Tracks} tracks, {Albums} albums, {Artists} artists.",
            how, System.Diagnostics.Stopwatch.GetElapsedTime(started), snapshot.Tracks.Count, snapshot.Albums.Count, snapshot.Artists.Count);
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
