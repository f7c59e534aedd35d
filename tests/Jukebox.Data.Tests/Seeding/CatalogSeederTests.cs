using System.Data.Common;
using Jukebox.Data.Postgres;
using Jukebox.Data.Seeding;
using Jukebox.Data.Sqlite;
using Jukebox.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Jukebox.Data.Tests.Seeding;

/// <summary>The seeder writes the demo catalog with its own multi-row inserts; what it writes is what EF Core would.</summary>
public sealed class CatalogSeederTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 30, 0, TimeSpan.Zero);

    private static async Task<JukeboxDbContext> OpenAsync(TestDatabase database)
    {
        var options = new DbContextOptionsBuilder<JukeboxDbContext>();
        if (database.Provider == "sqlite")
        {
            SqliteStorage.Configure(options, database.ConnectionString);
        }
        else
        {
            PostgresStorage.Configure(options, database.ConnectionString);
        }
        var db = new JukeboxDbContext(options.Options);
        await SchemaMigration.MigrateAsync(db.Database, CancellationToken.None);
        return db;
    }

    [Fact]
    public async Task The_demo_catalog_is_stored_row_for_row_as_EF_Core_saves_it()
    {
        await using var seededDatabase = await TestDatabase.CreateAsync();
        await using var savedDatabase = await TestDatabase.CreateAsync();
        await using var seeded = await OpenAsync(seededDatabase);
        await using var saved = await OpenAsync(savedDatabase);

        Assert.True(await new CatalogSeeder(seeded, new FakeTimeProvider(Now), NullLogger<CatalogSeeder>.Instance)
            .SeedAsync(catalogSize: 0, demoCatalog: true, CancellationToken.None));
        var batch = new DemoCatalogGenerator(DateOnly.FromDateTime(Now.UtcDateTime)).Generate();
        saved.AddRange(batch.Roots);
        await saved.SaveChangesAsync();

        var tables = seeded.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct().ToList();
        Assert.Contains("Tracks", tables);
        foreach (var table in tables)
        {
            var expected = await RowsAsync(saved, table);
            var actual = await RowsAsync(seeded, table);
            var differs = expected.Zip(actual).Select((pair, i) => (pair, i)).FirstOrDefault(x => x.pair.First != x.pair.Second);
            Assert.True(expected.SequenceEqual(actual),
                $"{table}: {actual.Count} rows against EF Core's {expected.Count}; row {differs.i}: {differs.pair.Second} against {differs.pair.First}");
        }
        Assert.Equal(3424, await seeded.Tracks.CountAsync());
    }

    [Fact]
    public async Task A_synthetic_extension_keeps_every_track_s_artists_and_features()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = await OpenAsync(database);

        await new CatalogSeeder(db, new FakeTimeProvider(Now), NullLogger<CatalogSeeder>.Instance)
            .SeedAsync(catalogSize: 5000, demoCatalog: true, CancellationToken.None);

        Assert.Equal(5000, await db.Tracks.CountAsync());
        Assert.False(await db.Tracks.AnyAsync(t => !t.Artists.Any()));
        Assert.Equal(5000, await db.Tracks.CountAsync(t => t.Features.Tempo > 0));
    }

    /// <summary>
    /// Every row of a table as text, in the order a query without ORDER BY reads them: the order they were
    /// written in, which reads that take the first match (a track's other instances) depend on.
    /// </summary>
    private static async Task<List<string>> RowsAsync(JukeboxDbContext db, string table)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync();
        }
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\"";
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var values = new object[reader.FieldCount];
            reader.GetValues(values);
            rows.Add(string.Join(" | ", values.Select((v, i) => $"{reader.GetName(i)}={v}")));
        }
        return rows;
    }
}
