using Jukebox.Api.Catalog;
using Jukebox.Api.Search;
using Jukebox.Api.Tracks;

namespace Jukebox.Server;

/// <summary>
/// Lets the work a start leaves running in the background end before the server exits, instead of
/// being cut off half-way: the catalog's search index being built, the catalog being stored for the
/// next start, the audio features and the playlists being read. Stopped soon after a fresh start, a
/// server would otherwise leave a half-built index in its data folder, and an <c>--ephemeral</c> run's
/// folder would still be written to (a database connection, an index file) while it is removed.
/// Registered before the other hosted services, so that it stops after them; bounded by the host's
/// shutdown timeout.
/// </summary>
internal sealed class PendingWork(
    CatalogSearchIndex index, CatalogStore store, AudioFeatureStore features, PlaylistSearchIndex playlists, ILogger<PendingWork> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Again until nothing is left: one piece of work may have started another as it ended.
        var said = false;
        for (var work = Settled(); !work.IsCompleted; work = Settled())
        {
            if (!said)
            {
                logger.LogInformation("Waiting for the work the start left running: the search index, the stored catalog, the audio features.");
                said = true;
            }
            try
            {
                await work.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                logger.LogWarning("Stopped before the start's work ended; the next start does what is missing again.");
                return;
            }
        }
    }

    /// <summary>Completes once all of it has ended, however each part ended (each reports its own failures).</summary>
    private async Task Settled() =>
        await Task.WhenAll(index.Running(), features.Running(), playlists.Running(), store.Storing)
            .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
}
