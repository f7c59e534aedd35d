using System.CommandLine;
using System.Diagnostics;
using Jukebox.Api.Catalog;
using Jukebox.Cluster;
using Jukebox.Data;
using Jukebox.Sandbox.Import;

namespace Jukebox.Server;

/// <summary>
/// `jukebox import PATH`: loads artists, albums and tracks of one's own into the catalog of the
/// database the server options name (created and seeded first if new; `--no-demo-catalog` for one
/// with only what is imported; `--images keep` to serve the images Web API JSON gives instead of
/// generated covers). Exit code 0 when every record was imported, 1 when some were not (or,
/// with --strict, nothing was written), 2 when the path, format or options cannot be used at all. Nodes
/// listening on the cluster bus patch their catalogs with what was imported (or reload them after a
/// large import); a node without Redis sees it at its next start.
/// </summary>
internal static class ImportCommand
{
    public static Command Create(Option[] serverOptions, Func<ParseResult, IEnumerable<KeyValuePair<string, string?>>> overrides)
    {
        var path = new Argument<string>("path") { Description = "A file, or a folder of files, to import" };
        var format = new Option<string?>("--format") { Description = "spotify-json, csv or audio (default: from the files' extension)" };
        var strict = new Option<bool>("--strict") { Description = "Write nothing when any record fails (one transaction)" };
        var images = new Option<string>("--images")
        {
            Description = "generate: serve the server's own covers (default); keep: serve the images the JSON objects give, as URLs",
            DefaultValueFactory = _ => "generate",
        };
        var command = new Command("import", "Import a catalog of your own (Web API JSON responses, CSV or audio files) into the database, then exit");
        command.Arguments.Add(path);
        command.Options.Add(format);
        command.Options.Add(strict);
        command.Options.Add(images);
        foreach (var option in serverOptions)
        {
            command.Options.Add(option);
        }
        command.SetAction(async (parsed, ct) =>
        {
            var files = ImportFiles.Find(parsed.GetValue(path)!, parsed.GetValue(format), out var problem);
            if (parsed.GetValue(images) is not ("generate" or "keep"))
            {
                problem = $"Unknown --images {parsed.GetValue(images)}: generate or keep";
            }
            if (problem is not null)
            {
                Console.Error.WriteLine(problem);
                return 2;
            }
            var app = JukeboxHost.Build(JukeboxHost.CreateBuilder([.. overrides(parsed), new("Logging:LogLevel:Default", "Warning")]));
            var run = app.Services.GetRequiredService<ThrowawayRun>();
            try
            {
                await JukeboxHost.InitializeAsync(app, ct, serving: false);
                var mode = parsed.GetValue(images) == "keep" ? ImportImages.Keep : ImportImages.Generate;
                return await ImportAsync(app, files, parsed.GetValue(strict), mode, ct);
            }
            finally
            {
                await app.DisposeAsync();
                run.CleanUp();
            }
        });
        return command;
    }

    private static async Task<int> ImportAsync(WebApplication app, IReadOnlyList<ImportFile> files, bool strict, ImportImages images, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var progress = new ImportProgress(watch);
        var objects = new ImportedObjects();
        foreach (var file in files)
        {
            await using var stream = File.OpenRead(file.Path);
            file.Read(stream, objects);
            progress.Report($"read {file.Name}: {objects.Count} objects so far");
        }
        await using var scope = app.Services.CreateAsyncScope();
        var importer = new CatalogImporter(scope.ServiceProvider.GetRequiredService<JukeboxDbContext>(), TimeProvider.System) { Images = images };
        var outcome = await importer.ImportAsync(objects, strict, progress.Report, ct);
        // With --strict the first failure ended the import: it is the one to fix.
        foreach (var failure in strict ? outcome.Failures.Take(1) : outcome.Failures)
        {
            Console.Error.WriteLine(failure);
        }
        if (outcome.Written && outcome.Imported + outcome.Updated > 0)
        {
            // Running nodes on the cluster bus patch their catalogs with the imported objects, or,
            // after a large import, load the catalog again as after `jukebox seed`.
            var change = objects.Change;
            app.Services.GetRequiredService<IClusterBus>().Publish(ClusterTopics.Catalog, change.Count <= CatalogChange.MaxPatched ? change.ToMessage() : "");
            foreach (var playlistId in objects.Playlists.Keys)
            {
                // Their playlist search indexes read the imported playlists again.
                app.Services.GetRequiredService<IClusterBus>().Publish(ClusterTopics.Playlist, playlistId);
            }
        }
        Console.WriteLine($"{outcome.Summary} in {watch.Elapsed.TotalSeconds:0.0} s");
        return outcome.Complete ? 0 : 1;
    }

    /// <summary>Progress on stderr, for imports that take a while: at most a line every two seconds.</summary>
    private sealed class ImportProgress(Stopwatch watch)
    {
        private TimeSpan _last = TimeSpan.FromSeconds(2);

        public void Report(string message)
        {
            if (watch.Elapsed - _last >= TimeSpan.FromSeconds(2))
            {
                _last = watch.Elapsed;
                Console.Error.WriteLine($"[{watch.Elapsed.TotalSeconds:0}s] {message}");
            }
        }
    }
}
