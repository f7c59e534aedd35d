using Jukebox.Data;
using Jukebox.Data.Postgres;
using Jukebox.Data.Sqlite;
using Jukebox.Migrations;
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
            SqliteStorage.Configure(options, "Data Source=:memory:", compiledModel: false);
        }
        else
        {
            PostgresStorage.Configure(options, "Host=127.0.0.1;Database=unused", compiledModel: false);
        }
        using var db = new JukeboxDbContext(options.Options);

        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model differs from the {provider} migrations: run `dotnet run --project tools/Jukebox.Migrations -- add <Name>`.");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void The_compiled_model_is_what_the_entity_configurations_give_today(string provider)
    {
        var (project, configure) = DesignTime.Providers.Single(p => p.Project.EndsWith(provider, StringComparison.OrdinalIgnoreCase));
        var written = Directory.CreateTempSubdirectory("jukebox-model-");
        try
        {
            using var design = new DesignTime(project, configure);
            var files = design.WriteCompiledModel(written.FullName);

            var committed = Path.Combine(RepositoryRoot(), "src", project, "CompiledModel");
            Assert.True(
                files.Select(Path.GetFileName).Order().SequenceEqual(Directory.GetFiles(committed).Select(Path.GetFileName).Order())
                && files.All(file => Code(file) == Code(Path.Combine(committed, Path.GetFileName(file)))),
                $"The {provider} compiled model is out of date: run `dotnet run --project tools/Jukebox.Migrations -- optimize`.");
        }
        finally
        {
            written.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_new_database_script_the_server_carries_is_what_the_migrations_give_today()
    {
        var (project, configure) = DesignTime.Providers.Single(p => p.Project == typeof(SqliteStorage).Assembly.GetName().Name);
        using var design = new DesignTime(project, configure);
        Assert.True(design.HasNewDatabaseScript, $"{project} carries no {SchemaMigration.NewDatabaseScript}.");
        using var stream = typeof(SqliteStorage).Assembly.GetManifestResourceStream(SchemaMigration.NewDatabaseScript)!;
        var carried = new StreamReader(stream).ReadToEnd();

        Assert.True(Lines(design.NewDatabaseScript()) == Lines(carried),
            $"The {project} new database script is out of date: run `dotnet run --project tools/Jukebox.Migrations -- optimize`.");
    }

    /// <summary>The text with one kind of line ending, whatever a checkout made of them.</summary>
    private static string Lines(string text) => text.ReplaceLineEndings("\n");

    /// <summary>A generated file without the model's id, a new random one each time it is written.</summary>
    private static string Code(string file) =>
        System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(file), @"modelId: new Guid\(""[0-9a-f-]+""\)", "modelId");

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(folder.FullName, "Jukebox.slnx")))
        {
            folder = folder.Parent ?? throw new InvalidOperationException("Jukebox.slnx not found above the test's folder.");
        }
        return folder.FullName;
    }
}
