using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

namespace Jukebox.Data;

/// <summary>
/// Brings a database to this build's schema with EF Core's migrations. A database whose migration
/// history already lists exactly this build's migrations (every restart after the first) is left
/// alone after one query of that history: EF Core's migrator, asked to do nothing, still built a model
/// of its history table and took and released its migration lock: about 0.1 s of a 1.2-s restart.
/// A new database of a provider whose migrations carry <see cref="NewDatabaseScript"/> is made by that
/// script, in one transaction: the migrator took about 0.2 s to start and apply twelve migrations one
/// by one, on the path of every start on a new database (a fresh data folder without a demo template,
/// a test's server, `jukebox seed`).
/// </summary>
public static class SchemaMigration
{
    /// <summary>
    /// The embedded resource of a migrations assembly that makes a new database: every migration's SQL
    /// and its row in the history table, as EF Core's migrator scripts them without transactions
    /// (written by tools/Jukebox.Migrations, checked by SchemaTests).
    /// </summary>
    public const string NewDatabaseScript = "NewDatabase.sql";

    /// <summary>The history table EF Core's migrations keep (its default name on both providers).</summary>
    private const string HistoryQuery = """SELECT "MigrationId" FROM "__EFMigrationsHistory" """;

    public static async Task MigrateAsync(DatabaseFacade database, CancellationToken ct)
    {
        if (await IsCurrentAsync(database, ct))
        {
            return;
        }
        if (ReadNewDatabaseScript(database) is { } script
            && await CreateFromScriptAsync(database, script, ct)
            && await IsCurrentAsync(database, ct))
        {
            return;
        }
        // An older database, one a newer build migrated, a provider without a script, or a script
        // behind the migrations (SchemaTests fails then): the migrator applies what is missing.
        await database.MigrateAsync(ct);
    }

    private static string? ReadNewDatabaseScript(DatabaseFacade database)
    {
        using var stream = database.GetService<IMigrationsAssembly>().Assembly.GetManifestResourceStream(NewDatabaseScript);
        if (stream is null)
        {
            return null;
        }
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// Runs the script in one transaction if the database has no history table; false if it has one
    /// (another process starting on the same new file made it first, while this one waited for the lock).
    /// </summary>
    private static async Task<bool> CreateFromScriptAsync(DatabaseFacade database, string script, CancellationToken ct)
    {
        await database.OpenConnectionAsync(ct);
        try
        {
            // On SQLite this takes the write lock at once (BEGIN IMMEDIATE), so two starts take turns.
            await using var transaction = await database.BeginTransactionAsync(ct);
            if (await database.GetService<IHistoryRepository>().ExistsAsync(ct))
            {
                return false;
            }
            await using var command = database.GetDbConnection().CreateCommand();
            command.Transaction = transaction.GetDbTransaction();
            command.CommandText = script;
            await command.ExecuteNonQueryAsync(ct);
            await transaction.CommitAsync(ct);
            return true;
        }
        finally
        {
            await database.CloseConnectionAsync();
        }
    }

    private static async Task<bool> IsCurrentAsync(DatabaseFacade database, CancellationToken ct)
    {
        var connection = database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        try
        {
            if (opened)
            {
                await database.OpenConnectionAsync(ct);
            }
            await using var command = connection.CreateCommand();
            command.CommandText = HistoryQuery;
            var applied = new HashSet<string>(StringComparer.Ordinal);
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    applied.Add(reader.GetString(0));
                }
            }
            return applied.SetEquals(database.GetMigrations());
        }
        catch (DbException)
        {
            // No history table (a new database) or no database yet: the migrator makes them.
            return false;
        }
        finally
        {
            if (opened)
            {
                await database.CloseConnectionAsync();
            }
        }
    }
}
