using Jukebox.Data;
using Jukebox.Data.Postgres;
using Jukebox.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Design.Internal;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.EntityFrameworkCore.Scaffolding;
using Microsoft.Extensions.DependencyInjection;

namespace Jukebox.Migrations;

/// <summary>
/// EF Core's design-time scaffolders for one storage provider, on the model built from the entity
/// configurations (never from the compiled model they replace).
/// </summary>
public sealed class DesignTime : IDisposable
{
    /// <summary>The storage projects, each with its provider's design-time options.</summary>
    public static readonly IReadOnlyList<(string Project, Action<DbContextOptionsBuilder> Configure)> Providers =
    [
        ("Jukebox.Data.Sqlite", o => SqliteStorage.Configure(o, "Data Source=design.db", compiledModel: false)),
        ("Jukebox.Data.Postgres", o => PostgresStorage.Configure(o, "Host=127.0.0.1;Database=design", compiledModel: false)),
    ];

    private readonly JukeboxDbContext _context;
    private readonly IServiceProvider _services;

    public DesignTime(string project, Action<DbContextOptionsBuilder> configure)
    {
        Project = project;
        var builder = new DbContextOptionsBuilder<JukeboxDbContext>();
        configure(builder);
        _context = new JukeboxDbContext(builder.Options);
        var reporter = new OperationReporter(handler: null);
        _services = new DesignTimeServicesBuilder(System.Reflection.Assembly.Load(project), typeof(DesignTime).Assembly, reporter, [])
            .Build(_context);
    }

    public string Project { get; }

    /// <summary>Adds a migration to the project's Migrations folder; returns the migration's file.</summary>
    public string AddMigration(string name, string projectDir)
    {
        var scaffolder = _services.GetRequiredService<IMigrationsScaffolder>();
        var migration = scaffolder.ScaffoldMigration(name, Project, "Migrations", "C#");
        return scaffolder.Save(projectDir, migration, Path.Combine(projectDir, "Migrations")).MigrationFile!;
    }

    /// <summary>Writes the compiled model into <paramref name="outputDir"/> (which should be empty); returns the files.</summary>
    public IReadOnlyCollection<string> WriteCompiledModel(string outputDir) =>
        _services.GetRequiredService<ICompiledModelScaffolder>().ScaffoldModel(
            _context.GetService<IDesignTimeModel>().Model,
            outputDir,
            new CompiledModelCodeGenerationOptions
            {
                ContextType = typeof(JukeboxDbContext),
                ModelNamespace = $"{Project}.CompiledModel",
                Language = "C#",
                UseNullableReferenceTypes = true,
            });

    /// <summary>Whether the provider's migrations assembly carries <see cref="SchemaMigration.NewDatabaseScript"/> (to keep up to date).</summary>
    public bool HasNewDatabaseScript =>
        System.Reflection.Assembly.Load(Project).GetManifestResourceNames().Contains(SchemaMigration.NewDatabaseScript);

    /// <summary>
    /// SQL that makes a new database at this build's schema: every migration, with its row in the
    /// history table, without transactions of its own (<see cref="SchemaMigration"/> runs it in one).
    /// </summary>
    public string NewDatabaseScript() =>
        _context.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.NoTransactions);

    public void Dispose() => _context.Dispose();
}
