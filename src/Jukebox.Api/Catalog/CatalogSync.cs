using Jukebox.Cluster;
using Jukebox.Api.Search;
using Jukebox.Api.Tracks;
using Jukebox.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Jukebox.Api.Catalog;

/// <summary>
/// Keeps this node's catalog snapshot on the database's catalog when another node seeds it (e.g.
/// `jukebox seed` against a running deployment) or changes it (the sandbox's catalog fixtures and
/// `jukebox import`, see <see cref="ChangedHereAsync(CatalogChange)"/>). A change that names its
/// objects is patched into the snapshot and its search index; anything else (a seed, a resync, a
/// message this node does not understand, a very large change) loads the whole catalog again. A
/// resync compares counts rather than contents. Whatever derives from a snapshot (encoded objects,
/// audio features, the search index) is keyed by the snapshot and follows it; the search index and
/// the features are started right away so that the first search after the reload does not wait.
/// </summary>
public sealed class CatalogSync(
    CatalogStore store, CatalogSearchIndex index, AudioFeatureStore features, IClusterBus bus,
    IServiceScopeFactory scopes, ILogger<CatalogSync> logger) : IHostedService
{
    private readonly List<IDisposable> _subscriptions = [];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscriptions.Add(bus.Subscribe(ClusterTopics.Catalog, ChangedElsewhereAsync));
        _subscriptions.Add(bus.OnResync(ReloadIfChangedAsync));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscriptions.ForEach(s => s.Dispose());
        _subscriptions.Clear();
        return Task.CompletedTask;
    }

    /// <summary>
    /// After this node committed a change to the catalog: loads the snapshot again and waits for its
    /// search index and audio features, so that every read and search after the return sees the change,
    /// then tells the other nodes to reload theirs.
    /// </summary>
    public async Task<CatalogSnapshot> ChangedHereAsync()
    {
        await store.ReloadAsync();
        var catalog = await store.GetAsync();
        await Task.WhenAll(index.ForAsync(catalog), features.ForAsync(catalog));
        bus.Publish(ClusterTopics.Catalog, "");
        return catalog;
    }

    /// <summary>
    /// After this node committed a change to the objects <paramref name="change"/> names: patches the
    /// snapshot, its search index and audio features with them alone, so that every read and search
    /// after the return sees the change, then tells the other nodes which objects changed. A change
    /// of more than <see cref="CatalogChange.MaxPatched"/> objects loads everything again instead.
    /// </summary>
    public async Task<CatalogSnapshot> ChangedHereAsync(CatalogChange change)
    {
        if (change.IsEmpty)
        {
            return await store.GetAsync();
        }
        if (change.Count > CatalogChange.MaxPatched)
        {
            return await ChangedHereAsync();
        }
        var (catalog, derived) = await PatchAsync(change);
        await derived;
        bus.Publish(ClusterTopics.Catalog, change.ToMessage());
        return catalog;
    }

    /// <summary>The patched snapshot and the work on what derives from it; a whole reload should the patch fail.</summary>
    private async Task<(CatalogSnapshot Catalog, Task Derived)> PatchAsync(CatalogChange change)
    {
        var derived = Task.CompletedTask;
        try
        {
            var delta = await store.PatchAsync(change, d => derived = Task.WhenAll(index.ForPatched(d), features.ForPatched(d)));
            return (delta.After, derived);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Patching the catalog with a change failed; loading it again.");
            await store.ReloadAsync();
            var catalog = await store.GetAsync();
            return (catalog, Task.WhenAll(index.ForAsync(catalog), features.ForAsync(catalog)));
        }
    }

    private async Task ChangedElsewhereAsync(string message)
    {
        if (CatalogChange.FromMessage(message) is not { } change || change.Count > CatalogChange.MaxPatched)
        {
            await ReloadAsync();
            return;
        }
        var (_, derived) = await PatchAsync(change);
        _ = derived.ContinueWith(
            patch => logger.LogError(patch.Exception, "Patching the search index with a change made on another node failed."),
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }

    private async Task ReloadIfChangedAsync()
    {
        var catalog = await store.GetAsync();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JukeboxDbContext>();
        if (await db.Artists.CountAsync() != catalog.Artists.Count
            || await db.Albums.CountAsync() != catalog.Albums.Count
            || await db.Tracks.CountAsync() != catalog.Tracks.Count)
        {
            await ReloadAsync();
        }
    }

    private async Task ReloadAsync()
    {
        logger.LogInformation("The catalog was seeded or changed on another node; loading it again.");
        await store.ReloadAsync();
        var catalog = await store.GetAsync();
        _ = Task.WhenAll(index.ForAsync(catalog), features.ForAsync(catalog)).ContinueWith(
            build => logger.LogError(build.Exception, "Building the search index of the new catalog failed."),
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }
}
