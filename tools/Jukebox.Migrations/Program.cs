// Adds a schema migration for every storage provider at once, so the two never drift apart, and
// writes each provider's compiled model (the EF Core model as generated code, which spares every start
// of the server building it) and, where the provider's project carries one, the script that makes a
// new database (Migrations/NewDatabase.sql). It drives EF Core's own design-time scaffolders (what
// `dotnet ef migrations add`, `dotnet ef dbcontext optimize` and `dotnet ef migrations script` run),
// because the dotnet-ef tool package is not always available to install. Usage, from the repository root:
//   dotnet run --project tools/Jukebox.Migrations -- add <MigrationName>   (a migration, then the rest)
//   dotnet run --project tools/Jukebox.Migrations -- optimize             (the compiled models and scripts only)
using Jukebox.Data;
using Jukebox.Migrations;

string? migration = args switch
{
    ["add", var name] => name,
    ["optimize"] => null,
    _ => "",
};
if (migration == "")
{
    Console.Error.WriteLine("usage: add <MigrationName> | optimize");
    return 2;
}

foreach (var (project, configure) in DesignTime.Providers)
{
    using var design = new DesignTime(project, configure);
    var projectDir = Path.Combine(Directory.GetCurrentDirectory(), "src", project);
    if (migration is not null)
    {
        Console.WriteLine($"{project}: {design.AddMigration(migration, projectDir)}");
    }
    var modelDir = Path.Combine(projectDir, "CompiledModel");
    if (Directory.Exists(modelDir))
    {
        Directory.Delete(modelDir, recursive: true);
    }
    Console.WriteLine($"{project}: {design.WriteCompiledModel(modelDir).Count} files of the compiled model in {modelDir}");
    if (design.HasNewDatabaseScript)
    {
        File.WriteAllText(Path.Combine(projectDir, "Migrations", SchemaMigration.NewDatabaseScript), design.NewDatabaseScript());
        Console.WriteLine($"{project}: the new database's script in Migrations/{SchemaMigration.NewDatabaseScript}");
    }
}
return 0;
