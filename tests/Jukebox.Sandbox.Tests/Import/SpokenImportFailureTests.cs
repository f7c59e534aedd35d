using Jukebox.Data;
using Jukebox.Sandbox.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jukebox.Sandbox.Tests.Import;

/// <summary>Shows, episodes, audiobooks, chapters and playlists that cannot be imported, named by file and JSON path.</summary>
public sealed class SpokenImportFailureTests(EmptyCatalogServer server) : IClassFixture<EmptyCatalogServer>
{
    [Fact]
    public async Task Bad_spoken_records_and_playlists_are_named_by_file_and_path_and_the_rest_is_imported()
    {
        using var folder = new ImportFolder();
        var (show, good, bad, orphan, book, chapter, playlist) =
            (Base62.RandomId(), Base62.RandomId(), Base62.RandomId(), Base62.RandomId(), Base62.RandomId(), Base62.RandomId(), Base62.RandomId());
        var unknown = Base62.RandomId();
        folder.Write("a-show.json", $$$"""
            {"type":"show","id":"{{{show}}}","name":"Talk","publisher":"P","episodes":{"offset":0,"total":2,"items":[
              {"type":"episode","id":"{{{good}}}","name":"Two","duration_ms":1000,"release_date":"2024-02-01"},
              {"type":"episode","id":"{{{bad}}}","name":"One","duration_ms":0,"release_date":"2024-01-01"}]}}
            """);
        folder.Write("b-episodes.json", $$$"""
            {"episodes":[null,{"type":"episode","id":"{{{orphan}}}","name":"Lost","duration_ms":1000,"show":{"id":"{{{unknown}}}"}}]}
            """);
        folder.Write("c-book.json", $$$"""
            {"type":"audiobook","id":"{{{book}}}","name":"Book","authors":[{"name":"A"}],"chapters":{"items":[
              {"type":"episode","id":"{{{chapter}}}","name":"Ch 1","chapter_number":0,"duration_ms":1000,"release_date":"2024"}]}}
            """);
        folder.Write("d-playlist.json", $$$"""
            {"type":"playlist","id":"{{{playlist}}}","name":"Mix","owner":{"id":"spotify"},"items":{"total":2,"items":[
              {"added_at":"2024-01-01T00:00:00Z","item":{"type":"episode","uri":"spotify:episode:{{{good}}}"}},
              {"added_at":"2024-01-01T00:00:00Z","item":{"type":"episode","uri":"spotify:episode:{{{bad}}}"}}]}}
            """);

        var outcome = await ImportAsync(folder.Path, strict: false);

        Assert.Equal(
        [
            "a-show.json: $.episodes.items[1]: duration_ms must be more than zero",
            $"b-episodes.json: $.episodes[1].show: Unknown show id {unknown}: a reference without a name, and no show object of that id",
            $"b-episodes.json: $.episodes[1]: Unknown show id {unknown} (not in the catalog, and not imported)",
            $"d-playlist.json: $: Unknown episode id {bad}",
        ], outcome.Failures.Select(f => f.ToString()).Order(StringComparer.Ordinal));
        Assert.True(outcome.Written);
        Assert.Equal((1, 1, 1, 1, 0), (outcome.Shows.Imported, outcome.Episodes.Imported, outcome.Audiobooks.Imported, outcome.Chapters.Imported, outcome.Playlists.Imported));
        Assert.StartsWith("imported 4 (artists 0, albums 0, tracks 0, shows 1, episodes 1, audiobooks 1, chapters 1), updated 0 (", outcome.Summary, StringComparison.Ordinal);
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JukeboxDbContext>();
        Assert.Equal(2, await db.Episodes.Where(e => e.Id == good).Select(e => e.Number).SingleAsync());
        Assert.False(await db.Playlists.AnyAsync(p => p.Id == playlist));
    }

    [Fact]
    public async Task With_strict_a_bad_chapter_writes_nothing()
    {
        using var folder = new ImportFolder();
        var book = Base62.RandomId();
        folder.Write("book.json", $$$"""
            {"type":"audiobook","id":"{{{book}}}","name":"Book","authors":[{"name":"A"}],"chapters":{"items":[
              {"type":"episode","id":"{{{Base62.RandomId()}}}","name":"Ch 1","chapter_number":-1,"duration_ms":1000}]}}
            """);

        var outcome = await ImportAsync(folder.Path, strict: true);

        Assert.False(outcome.Written);
        Assert.Equal("book.json: $.chapters.items[0]: chapter_number must be 0 or more", Assert.Single(outcome.Failures).ToString());
        await using var scope = server.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<JukeboxDbContext>().Audiobooks.AnyAsync(b => b.Id == book));
    }

    private async Task<ImportOutcome> ImportAsync(string folder, bool strict)
    {
        var objects = new ImportedObjects();
        foreach (var path in Directory.GetFiles(folder).Order(StringComparer.Ordinal))
        {
            await using var stream = File.OpenRead(path);
            SpotifyJsonReader.Read(Path.GetFileName(path), stream, objects);
        }
        await using var scope = server.Services.CreateAsyncScope();
        return await new CatalogImporter(scope.ServiceProvider.GetRequiredService<JukeboxDbContext>(), TimeProvider.System)
            .ImportAsync(objects, strict, null, CancellationToken.None);
    }
}
