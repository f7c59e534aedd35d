using Jukebox.Data.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Jukebox.Data.Tests;

/// <summary>
/// A new SQLite database is made by the script its migrations carry instead of by EF Core's migrator
/// (<see cref="SchemaMigration"/>); what it makes must be what the migrator makes.
/// </summary>
public sealed class NewDatabaseScriptTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("jukebox-schema-");

    private string NewFile(string name) => $"Data Source={Path.Combine(_folder.FullName, name)};Pooling=False";

    private static JukeboxDbContext Open(string connectionString)
    {
        var options = new DbContextOptionsBuilder<JukeboxDbContext>();
        SqliteStorage.Configure(options, connectionString);
        return new JukeboxDbContext(options.Options);
    }

    [Fact]
    public async Task A_new_database_made_by_the_script_has_the_tables_triggers_and_history_the_migrator_makes()
    {
        var byMigrator = NewFile("migrator.db");
        var byScript = NewFile("script.db");
        await using (var db = Open(byMigrator))
        {
            await db.Database.MigrateAsync();
        }
        await using (var db = Open(byScript))
        {
            await SchemaMigration.MigrateAsync(db.Database, CancellationToken.None);
        }

        var expected = await SchemaAsync(byMigrator);
        var actual = await SchemaAsync(byScript);
        Assert.Contains(expected, row => row.StartsWith("trigger|", StringComparison.Ordinal));
        Assert.Equal(expected, actual);
        Assert.Equal(await HistoryAsync(byMigrator), await HistoryAsync(byScript));
        // The migrator keeps a table for its lock; a database the script made never had the migrator run on it.
        Assert.Contains("table|__EFMigrationsLock", await NamesAsync(byMigrator));
        Assert.DoesNotContain("table|__EFMigrationsLock", await NamesAsync(byScript));
    }

    [Fact]
    public async Task Two_starts_on_one_new_file_at_once_both_leave_it_at_the_current_schema()
    {
        var file = NewFile("shared.db");
        await using var first = Open(file);
        await using var second = Open(file);

        await Task.WhenAll(
            Task.Run(() => SchemaMigration.MigrateAsync(first.Database, CancellationToken.None)),
            Task.Run(() => SchemaMigration.MigrateAsync(second.Database, CancellationToken.None)));

        await using var db = Open(file);
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.False(await db.Tracks.AnyAsync());
    }

    /// <summary>Every table, index and trigger with its SQL, except the migrator's lock table.</summary>
    private static async Task<List<string>> SchemaAsync(string connectionString) =>
        await QueryAsync(connectionString,
            """SELECT type || '|' || name || '|' || tbl_name || '|' || ifnull(sql, '') FROM sqlite_master WHERE name <> '__EFMigrationsLock' ORDER BY type, name""");

    private static async Task<List<string>> NamesAsync(string connectionString) =>
        await QueryAsync(connectionString, "SELECT type || '|' || name FROM sqlite_master");

    private static async Task<List<string>> HistoryAsync(string connectionString) =>
        await QueryAsync(connectionString, """SELECT "MigrationId" || '|' || "ProductVersion" FROM "__EFMigrationsHistory" ORDER BY 1""");

    private static async Task<List<string>> QueryAsync(string connectionString, string sql)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }
        return rows;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
