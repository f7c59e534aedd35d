using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Jukebox.Data.Sqlite;

public static class SqliteStorage
{
    /// <param name="compiledModel">
    /// Whether the model is the generated one in CompiledModel/ (written by tools/Jukebox.Migrations) instead of
    /// one built from the entity configurations at the first use, which takes a large part of a start.
    /// </param>
    public static void Configure(DbContextOptionsBuilder options, string connectionString, bool compiledModel = true)
    {
        options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(SqliteStorage).Assembly.GetName().Name))
            .AddInterceptors(ConnectionSettingsInterceptor.Instance);
        if (compiledModel)
        {
            options.UseModel(CompiledModel.JukeboxDbContextModel.Instance);
            // Migrating compares the model with the last migration's to warn of a missing one, which builds the
            // model from the configurations again (about 0.3 s of every start). SchemaTests checks that instead.
            options.ConfigureWarnings(warnings => warnings.Ignore(RelationalEventId.PendingModelChangesWarning));
        }
    }

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
    /// How many pages the write-ahead log may hold before a commit copies it into the database file
    /// itself. The server checkpoints in the background long before that (see Jukebox.Server's
    /// SqliteCheckpoints); this bounds the log (about 40 MB) when nothing else checkpoints it.
    /// </summary>
    public const int CommitCheckpointPages = 10_000;

    /// <summary>How long a connection waits for another one's write (the connection string's <c>DefaultTimeout</c>, 30 s).</summary>
    public const int BusyTimeoutMilliseconds = 30_000;

    /// <summary>
    /// Settings that, unlike the journal mode, belong to a connection and are not kept in the file,
    /// given to every connection whenever EF opens it (a few microseconds; pooled connections are
    /// reopened per query). <c>synchronous</c> starts at FULL, which syncs the log to disk on every
    /// commit; in WAL mode NORMAL is durable against a crash of the process and syncs only at
    /// checkpoints. <c>wal_autocheckpoint</c>: see <see cref="CommitCheckpointPages"/>.
    /// <c>busy_timeout</c>: a connection that finds another one writing waits in SQLite, which retries
    /// after 1, 2, 5, 10 ms and so on. Without it SQLite answers "busy" at once, and Microsoft.Data.Sqlite
    /// retries only after sleeping 150 ms, so two writers meeting cost one of them that long.
    /// </summary>
    private sealed class ConnectionSettingsInterceptor : DbConnectionInterceptor
    {
        public static readonly ConnectionSettingsInterceptor Instance = new();

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Apply(connection);
            return Task.CompletedTask;
        }

        private static void Apply(DbConnection connection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA synchronous=NORMAL; PRAGMA wal_autocheckpoint={CommitCheckpointPages}; PRAGMA busy_timeout={BusyTimeoutMilliseconds};";
            command.ExecuteNonQuery();
        }
    }
}
