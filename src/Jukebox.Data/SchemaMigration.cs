using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Jukebox.Data;

/// <summary>
/// Brings a database to this build's schema with EF Core's migrations. A database whose migration
/// history already lists exactly this build's migrations (every restart after the first) is left
/// alone after one query of that history: EF Core's migrator, asked to do nothing, still built a model
/// of its history table and took and released its migration lock: about 0.1 s of a 1.2-s restart.
/// </summary>
public static class SchemaMigration
{
    /// <summary>The history table EF Core's migrations keep (its default name on both providers).</summary>
    private const string HistoryQuery = """SELECT "MigrationId" FROM "__EFMigrationsHistory" """;

    public static async Task MigrateAsync(DatabaseFacade database, CancellationToken ct)
    {
        if (!await IsCurrentAsync(database, ct))
        {
            await database.MigrateAsync(ct);
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
