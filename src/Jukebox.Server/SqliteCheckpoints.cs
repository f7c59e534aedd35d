using Jukebox.Data.Sqlite;
using Microsoft.Data.Sqlite;

namespace Jukebox.Server;

/// <summary>
/// Copies SQLite's write-ahead log into the database file off the request path, on a wall-clock
/// timer. Left to SQLite, the commit that grows the log past its threshold does that copy
/// (and the file's sync) itself, which made about one change in a hundred take tens of milliseconds.
/// Request connections checkpoint only past a much larger log (<see cref="SqliteStorage"/>), which
/// bounds the log when this service does not run (commands such as <c>seed</c>).
/// A passive checkpoint waits for no reader or writer.
/// </summary>
internal sealed class SqliteCheckpoints(string connectionString, TimeProvider clock, ILogger<SqliteCheckpoints> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await CheckpointAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task CheckpointAsync(CancellationToken ct)
    {
        try
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
            await command.ExecuteNonQueryAsync(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (SqliteException e)
        {
            // The next tick tries again; meanwhile the connections' own threshold bounds the log.
            logger.LogWarning(e, "Could not checkpoint the SQLite write-ahead log.");
        }
    }
}
