using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Jukebox.Data.Postgres;

public static class PostgresStorage
{
    /// <summary>How many statements each connection keeps prepared unless the connection string says otherwise.</summary>
    public const int DefaultMaxAutoPrepare = 64;

    /// <param name="compiledModel">
    /// Whether the model is the generated one in CompiledModel/ (written by tools/Jukebox.Migrations) instead of
    /// one built from the entity configurations at the first use, which takes a large part of a start.
    /// </param>
    public static void Configure(DbContextOptionsBuilder options, string connectionString, bool compiledModel = true)
    {
        options.UseNpgsql(WithAutoPrepare(connectionString), npgsql => npgsql
            .MigrationsAssembly(typeof(PostgresStorage).Assembly.GetName().Name));
        if (compiledModel)
        {
            options.UseModel(CompiledModel.JukeboxDbContextModel.Instance);
            // Migrating compares the model with the last migration's to warn of a missing one, which builds the
            // model from the configurations again (about 0.3 s of every start). SchemaTests checks that instead.
            options.ConfigureWarnings(warnings => warnings.Ignore(RelationalEventId.PendingModelChangesWarning));
        }
    }

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

    /// <summary>
    /// Npgsql prepares the statements a connection runs most (EF's are the same few texts with
    /// parameters), so PostgreSQL parses and plans each once per connection rather than per request.
    /// It is off by default in Npgsql; a connection string that sets <c>Max Auto Prepare</c> (0 turns
    /// it off, e.g. behind a pooler without prepared statements) keeps its own value.
    /// </summary>
    public static string WithAutoPrepare(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        // Keys holds what the string set, under canonical names (ContainsKey is true for every known keyword).
        if (!builder.Keys.Cast<string>().Contains("Max Auto Prepare"))
        {
            builder.MaxAutoPrepare = DefaultMaxAutoPrepare;
        }
        return builder.ConnectionString;
    }
}
