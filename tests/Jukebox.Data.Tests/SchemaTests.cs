using Jukebox.Data;
using Jukebox.Data.Postgres;
using Jukebox.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Jukebox.Data.Tests;

public sealed class SchemaTests
{
    public static TheoryData<string> Providers => ["sqlite", "postgres"];

    [Theory]
    [MemberData(nameof(Providers))]
    public void Every_model_change_has_a_migration_for_the_provider(string provider)
    {
        var options = new DbContextOptionsBuilder<JukeboxDbContext>();
        if (provider == "sqlite")
        {
            SqliteStorage.Configure(options, "Data Source=:memory:");
        }
        else
        {
            PostgresStorage.Configure(options, "Host=127.0.0.1;Database=unused");
        }
        using var db = new JukeboxDbContext(options.Options);

        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model differs from the {provider} migrations: run `dotnet run --project tools/Jukebox.Migrations -- add <Name>`.");
    }
}
