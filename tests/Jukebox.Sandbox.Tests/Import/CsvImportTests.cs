using Jukebox.Data;
using Jukebox.Sandbox.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jukebox.Sandbox.Tests.Import;

/// <summary>Tracks with their album and artists from a CSV file, ids made from the names when the file has none.</summary>
public sealed class CsvImportTests(EmptyCatalogServer server) : IClassFixture<EmptyCatalogServer>
{
    [Fact]
    public async Task Rows_become_tracks_on_their_albums_served_by_the_Web_API_and_a_second_import_finds_the_same_ids()
    {
        using var folder = new ImportFolder();
        var album = Guid.NewGuid().ToString("N");
        var file = folder.Write("mine.csv", $"""
            track_name,artist_names,album_name,release_date,duration_ms,explicit,isrc,markets,track_number
            First Light,Ada Lane;The Hums,{album},2021-03-04,201000,false,SEABC2100001,SE;US,1
            "Second, Slower",Ada Lane,{album},2021-03-04,185000,true,,,2
            """);

        Assert.Equal(0, await server.ImportAsync(file));
        var (tracks, albums, artists) = await CountsAsync();
        Assert.Equal(0, await server.ImportAsync(file));
        Assert.Equal((tracks, albums, artists), await CountsAsync());

        var catalog = await server.ReloadCatalogAsync();
        var albumId = catalog.Albums.Values.Single(a => a.Name == album).Id;
        using var api = await server.CreateAppClientAsync();
        var body = await api.GetStringAsync($"/v1/albums/{albumId}");
        Assert.Contains("\"name\":\"Second, Slower\"", body.Replace(": ", ":", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("\"name\":\"The Hums\"", body.Replace(": ", ":", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_row_is_named_by_its_line_and_the_other_rows_are_imported()
    {
        using var folder = new ImportFolder();
        var album = Guid.NewGuid().ToString("N");
        var file = folder.Write("bad.csv", $"""
            track_name,artist_names,album_name,duration_ms
            Fine,Ada Lane,{album},1000
            "Broken
            over two lines",Ada Lane,{album},soon
            Also fine,Ada Lane,{album},2000
            """);
        var before = await CountsAsync();
        var read = new ImportedObjects();
        await using (var stream = File.OpenRead(file))
        {
            CsvCatalogReader.Read("bad.csv", stream, read);
        }
        Assert.Equal("bad.csv: line 3: duration_ms must be a whole number, not soon", Assert.Single(read.Failures).ToString());

        Assert.Equal(1, await server.ImportAsync(file));
        Assert.Equal(before.Tracks + 2, (await CountsAsync()).Tracks);
        Assert.Equal(1, await server.ImportAsync(folder.Write("columns.csv", "track_name,artist,album_name,duration_ms\nA,B,C,1\n")));
    }

    private async Task<(int Tracks, int Albums, int Artists)> CountsAsync()
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JukeboxDbContext>();
        return (await db.Tracks.CountAsync(), await db.Albums.CountAsync(), await db.Artists.CountAsync());
    }
}
