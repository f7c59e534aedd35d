using Jukebox.Api.Catalog;
using Jukebox.Data;
using Jukebox.Server;
using Jukebox.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jukebox.Sandbox.Tests.Import;

/// <summary>A server whose database was made without the demo catalog: what it serves is what was imported.</summary>
public sealed class EmptyCatalogServer : JukeboxTestServer
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("DemoCatalog", "false")];

    /// <summary>Runs `jukebox import` (the real command line) against this server's database; returns its exit code.</summary>
    public Task<int> ImportAsync(params string[] arguments)
    {
        var folder = Path.Combine(Path.GetTempPath(), "jukebox-import-tests", Guid.NewGuid().ToString("N"));
        string[] args =
        [
            "import", .. arguments, "--no-demo-catalog", "--data-dir", folder,
            "--database", Provider, "--connection-string", Database.ConnectionString,
        ];
        return JukeboxCommandLine.Create().Parse(args).InvokeAsync();
    }

    /// <summary>
    /// What a running node does when the import's catalog message reaches it: it patches its catalog
    /// with the objects the message names (here every catalog object of the database).
    /// </summary>
    public async Task<CatalogSnapshot> ReloadCatalogAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JukeboxDbContext>();
        var change = new CatalogChange
        {
            Artists = await db.Artists.Select(a => a.Id).ToListAsync(),
            Albums = await db.Albums.Select(a => a.Id).ToListAsync(),
            Tracks = await db.Tracks.Select(t => t.Id).ToListAsync(),
            Shows = await db.Shows.Select(x => x.Id).ToListAsync(),
            Episodes = await db.Episodes.Select(x => x.Id).ToListAsync(),
            Audiobooks = await db.Audiobooks.Select(x => x.Id).ToListAsync(),
            Chapters = await db.Chapters.Select(x => x.Id).ToListAsync(),
        };
        return await Services.GetRequiredService<CatalogSync>().ChangedHereAsync(change);
    }
}

/// <summary>A server with the demo catalog, whose responses are saved and imported into an <see cref="EmptyCatalogServer"/>.</summary>
public sealed class ImportServers : IAsyncLifetime
{
    public JukeboxTestServer Source { get; } = new();
    public EmptyCatalogServer Target { get; } = new();

    public async Task InitializeAsync() => await Task.WhenAll(Source.InitializeAsync(), Target.InitializeAsync());

    public async Task DisposeAsync() => await Task.WhenAll(Source.DisposeAsync(), Target.DisposeAsync());
}
