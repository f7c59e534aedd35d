// Adds a schema migration for every storage provider at once, so the two never drift apart.
// It drives EF Core's own design-time scaffolder (what `dotnet ef migrations add` runs), because the
// dotnet-ef tool package is not always available to install. Usage, from the repository root:
//   dotnet run --project tools/Jukebox.Migrations -- add <MigrationName>
using Jukebox.Data;
using Jukebox.Data.Postgres;
using Jukebox.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Design.Internal;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.Extensions.DependencyInjection;

if (args is not ["add", var name])
{
    Console.Error.WriteLine("usage: add <MigrationName>");
    return 2;
}

var root = Directory.GetCurrentDirectory();
Scaffold("Jukebox.Data.Sqlite", o => SqliteStorage.Configure(o, "Data Source=design.db"));
Scaffold("Jukebox.Data.Postgres", o => PostgresStorage.Configure(o, "Host=127.0.0.1;Database=design"));
return 0;

void Scaffold(string project, Action<DbContextOptionsBuilder> configure)
{
    var builder = new DbContextOptionsBuilder<JukeboxDbContext>();
    configure(builder);
    using var context = new JukeboxDbContext(builder.Options);
    var assembly = System.Reflection.Assembly.Load(project);
    var reporter = new OperationReporter(handler: null);
    var services = new DesignTimeServicesBuilder(assembly, typeof(Program).Assembly, reporter, [])
        .Build(context);
    var scaffolder = services.GetRequiredService<IMigrationsScaffolder>();
    var migration = scaffolder.ScaffoldMigration(name, project, "Migrations", "C#");
    var projectDir = Path.Combine(root, "src", project);
    var files = scaffolder.Save(projectDir, migration, Path.Combine(projectDir, "Migrations"));
    Console.WriteLine($"{project}: {files.MigrationFile}");
}
