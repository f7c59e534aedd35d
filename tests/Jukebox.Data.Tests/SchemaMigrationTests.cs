using Jukebox.Data;
using Jukebox.Data.Entities;
using Jukebox.Data.Postgres;
using Jukebox.Data.Sqlite;
using Jukebox.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Jukebox.Data.Tests;

/// <summary>A start brings an older database to this build's schema, keeping what it holds, and leaves a current one alone.</summary>
public sealed class SchemaMigrationTests
{
    private static JukeboxDbContext Open(TestDatabase database)
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
        return new JukeboxDbContext(options.Options);
    }

    [Fact]
    public async Task A_database_at_an_earlier_migration_is_brought_to_the_current_schema_with_its_rows()
    {
        await using var database = await TestDatabase.CreateAsync();
        var all = Open(database).Database.GetMigrations().ToList();
        await using (var old = Open(database))
        {
            // The schema as a build before the last two migrations left it, with a user in it.
            await old.GetService<IMigrator>().MigrateAsync(all[^3]);
            old.Users.Add(new User { Id = "olduser", DisplayName = "Old", Country = "SE", Product = "premium" });
            await old.SaveChangesAsync();
        }

        await using (var db = Open(database))
        {
            await SchemaMigration.MigrateAsync(db.Database, CancellationToken.None);
        }

        await using var upgraded = Open(database);
        Assert.Equal(all, await upgraded.Database.GetAppliedMigrationsAsync());
        Assert.Equal("Old", (await upgraded.Users.SingleAsync(u => u.Id == "olduser")).DisplayName);
    }

    [Fact]
    public async Task A_new_database_gets_every_migration_and_a_second_start_changes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = Open(database))
        {
            await SchemaMigration.MigrateAsync(db.Database, CancellationToken.None);
        }

        await using (var db = Open(database))
        {
            await SchemaMigration.MigrateAsync(db.Database, CancellationToken.None);
        }

        await using var current = Open(database);
        Assert.Equal(current.Database.GetMigrations(), await current.Database.GetAppliedMigrationsAsync());
        Assert.False(await current.Users.AnyAsync());
    }
}
