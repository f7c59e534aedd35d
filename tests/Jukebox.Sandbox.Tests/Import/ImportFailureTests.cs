using Jukebox.Data;
using Jukebox.Sandbox.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jukebox.Sandbox.Tests.Import;

/// <summary>Records that cannot be imported: named by file and JSON path, left out, or with --strict the end of the import.</summary>
public sealed class ImportFailureTests(EmptyCatalogServer server) : IClassFixture<EmptyCatalogServer>
{
    [Fact]
    public async Task A_bad_track_is_named_by_its_file_and_path_and_the_rest_is_imported()
    {
        using var folder = new ImportFolder();
        var (good, bad, file) = WriteTracks(folder);

        var outcome = await ImportAsync(folder.Path, file, strict: false);

        var failure = Assert.Single(outcome.Failures);
        Assert.Equal("tracks.json: $.tracks.items[1]: duration_ms must be more than zero", failure.ToString());
        Assert.True(outcome.Written);
        Assert.Equal(1, outcome.Tracks.Imported);
        Assert.True(await HasTrackAsync(good));
        Assert.False(await HasTrackAsync(bad));
    }

    [Fact]
    public async Task With_strict_a_bad_track_writes_nothing_and_the_command_fails()
    {
        using var folder = new ImportFolder();
        var (good, bad, file) = WriteTracks(folder);

        var outcome = await ImportAsync(folder.Path, file, strict: true);

        Assert.False(outcome.Written);
        Assert.Equal("tracks.json: $.tracks.items[1]: duration_ms must be more than zero", Assert.Single(outcome.Failures).ToString());
        Assert.Equal(1, await server.ImportAsync(file, "--strict"));
        Assert.False(await HasTrackAsync(good));
        Assert.False(await HasTrackAsync(bad));
    }

    [Fact]
    public async Task The_command_exits_with_0_when_everything_was_imported_1_when_a_record_failed_and_2_when_it_cannot_read_the_path()
    {
        using var folder = new ImportFolder();
        var (_, _, file) = WriteTracks(folder);
        var goodOnly = folder.Write("good.json", Track(Base62.RandomId(), Base62.RandomId(), Base62.RandomId(), 1000));

        Assert.Equal(0, await server.ImportAsync(goodOnly));
        Assert.Equal(1, await server.ImportAsync(file));
        Assert.Equal(2, await server.ImportAsync(Path.Combine(folder.Path, "missing.json")));
        Assert.Equal(2, await server.ImportAsync(goodOnly, "--format", "mp3"));
    }

    [Fact]
    public async Task A_file_that_is_not_JSON_is_named_with_its_line_and_other_files_are_imported()
    {
        using var folder = new ImportFolder();
        folder.Write("a-broken.json", "{\n  \"tracks\": [\n    {\"id\": \n");
        var trackId = Base62.RandomId();
        folder.Write("b-good.json", Track(trackId, Base62.RandomId(), Base62.RandomId(), 1000));

        var outcome = await ImportAsync(folder.Path, null, strict: false);

        var failure = Assert.Single(outcome.Failures);
        Assert.StartsWith("a-broken.json: line 4: Not JSON", failure.ToString(), StringComparison.Ordinal);
        Assert.True(await HasTrackAsync(trackId));
    }

    [Fact]
    public async Task A_track_naming_an_artist_only_by_id_needs_that_artist_in_the_catalog()
    {
        using var folder = new ImportFolder();
        var artist = Base62.RandomId();
        var file = folder.Write("t.json", $$$"""
            [{"type":"track","id":"{{{Base62.RandomId()}}}","name":"Alone","duration_ms":1000,"artists":[{"id":"{{{artist}}}"}],
              "album":{"type":"album","id":"{{{Base62.RandomId()}}}","name":"A","artists":[{"id":"{{{artist}}}"}]}}]
            """);

        var outcome = await ImportAsync(folder.Path, file, strict: false);

        Assert.Contains(outcome.Failures, f => f.ToString() == $"t.json: $[0].artists[0]: Unknown artist id {artist}: a reference without a name, and no artist object of that id");
    }

    private static (string Good, string Bad, string File) WriteTracks(ImportFolder folder)
    {
        var (good, bad, album, artist) = (Base62.RandomId(), Base62.RandomId(), Base62.RandomId(), Base62.RandomId());
        var file = folder.Write("tracks.json", $$$"""
            {"tracks":{"items":[{{{Track(good, album, artist, 180000)}}},{{{Track(bad, album, artist, -5)}}}]}}
            """);
        return (good, bad, file);
    }

    private static string Track(string id, string album, string artist, int durationMs) => $$$"""
        {"type":"track","id":"{{{id}}}","name":"Song {{{id}}}","duration_ms":{{{durationMs}}},"track_number":{{{(durationMs < 0 ? 2 : 1)}}},
         "artists":[{"type":"artist","id":"{{{artist}}}","name":"Band"}],
         "album":{"type":"album","id":"{{{album}}}","name":"Record","album_type":"album","release_date":"2020","artists":[{"type":"artist","id":"{{{artist}}}","name":"Band"}]}}
        """;

    private async Task<ImportOutcome> ImportAsync(string folder, string? file, bool strict)
    {
        var objects = new ImportedObjects();
        foreach (var path in file is null ? [.. Directory.GetFiles(folder).Order(StringComparer.Ordinal)] : new[] { file })
        {
            await using var stream = File.OpenRead(path);
            SpotifyJsonReader.Read(Path.GetFileName(path), stream, objects);
        }
        await using var scope = server.Services.CreateAsyncScope();
        return await new CatalogImporter(scope.ServiceProvider.GetRequiredService<JukeboxDbContext>(), TimeProvider.System)
            .ImportAsync(objects, strict, null, CancellationToken.None);
    }

    private async Task<bool> HasTrackAsync(string id)
    {
        await using var scope = server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<JukeboxDbContext>().Tracks.AnyAsync(t => t.Id == id);
    }
}
