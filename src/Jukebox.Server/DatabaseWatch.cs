using Jukebox.Data;
using Microsoft.EntityFrameworkCore;

namespace Jukebox.Server;

/// <summary>
/// Notices an outage, and the database's return, even while no request needs the database: every
/// <see cref="Every"/> it runs a trivial query on a pooled connection. A failure clears the pools
/// (after PostgreSQL restarts every idle connection is dead, and each would fail one request), and is
/// logged once per outage at Error; the first success after it at Warning.
/// </summary>
internal sealed class DatabaseWatch(IServiceScopeFactory scopes, DatabaseOutages outages, TimeProvider clock, ILogger<DatabaseWatch> logger)
    : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(2);

    private bool _down;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await CheckAsync(stoppingToken);
        }
    }

    private async Task CheckAsync(CancellationToken stoppingToken)
    {
        // Wall-clock time on purpose: this bounds a wait on the network (see DatabaseHealthCheck).
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        bounded.CancelAfter(DatabaseHealthCheck.Timeout);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<JukeboxDbContext>().Database.ExecuteSqlRawAsync("SELECT 1", bounded.Token);
            if (_down)
            {
                _down = false;
                logger.LogWarning("The database is reachable again.");
            }
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested && (outages.Recognize(e) || e is OperationCanceledException))
        {
            outages.DropPooledConnections();
            if (!_down)
            {
                _down = true;
                logger.LogError("The database is unreachable ({Cause}); requests that need it answer 503 until it returns.",
                    DatabaseOutages.Describe(e));
            }
        }
    }
}
