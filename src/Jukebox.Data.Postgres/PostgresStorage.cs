using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Jukebox.Data.Postgres;

public static class PostgresStorage
{
    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql
            .MigrationsAssembly(typeof(PostgresStorage).Assembly.GetName().Name));

    /// <summary>The advisory lock key of initialization (any constant that nothing else uses; "jukebox" in ASCII).</summary>
    private const long InitializationLock = 0x6a756b65626f78;

    /// <summary>
    /// Waits for the session-level advisory lock that serializes initialization across nodes. The lock
    /// is held by a connection outside the pool, so disposing it (or the process dying) releases it.
    /// </summary>
    public static async Task<IAsyncDisposable> LockInitializationAsync(string connectionString, CancellationToken ct)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock($1)", connection);
            command.Parameters.AddWithValue(InitializationLock);
            await command.ExecuteNonQueryAsync(ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
