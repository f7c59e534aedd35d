using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Jukebox.Data.Sqlite;

public static class SqliteStorage
{
    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(SqliteStorage).Assembly.GetName().Name))
            .AddInterceptors(NormalSynchronousInterceptor.Instance);

    public static string ConnectionStringFor(string databasePath) => new SqliteConnectionStringBuilder
    {
        DataSource = databasePath,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    /// <summary>
    /// Write-ahead logging lets readers run while a writer commits, and is kept in the database file,
    /// so setting it once when the server starts is enough.
    /// </summary>
    public static async Task PrepareAsync(JukeboxDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// <c>synchronous</c>, unlike the journal mode, belongs to a connection and is not kept in the file:
    /// each connection starts at FULL, which syncs the log to disk on every commit. In WAL mode NORMAL
    /// is durable against a crash of the process and syncs only at checkpoints, so every connection
    /// gets it whenever EF opens it (a few microseconds; pooled connections are reopened per query).
    /// </summary>
    private sealed class NormalSynchronousInterceptor : DbConnectionInterceptor
    {
        public static readonly NormalSynchronousInterceptor Instance = new();

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Apply(connection);
            return Task.CompletedTask;
        }

        private static void Apply(DbConnection connection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous=NORMAL;";
            command.ExecuteNonQuery();
        }
    }
}
