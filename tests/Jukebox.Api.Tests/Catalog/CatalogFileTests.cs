using System.Text.Json;
using Jukebox.Api.Catalog;
using Jukebox.Api.Catalog.Stored;
using Jukebox.Data;
using Jukebox.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jukebox.Api.Tests.Catalog;

/// <summary>
/// The built catalog is stored beside the database and read back at the next start, when the catalog
/// tables have not changed since; any change to them, however made, or a damaged file, builds it again.
/// </summary>
public sealed class CatalogFileTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "jukebox-tests", Guid.NewGuid().ToString("N"));
    private TestDatabase? _database;

    private sealed class ServerOn(TestDatabase database, string directory) : JukeboxTestServer
    {
        protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(database);

        protected override bool OwnsDatabase => false;

        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("CatalogFile:Directory", directory)];

        public CatalogStore Store => Services.GetRequiredService<CatalogStore>();
    }

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        await _database!.DisposeAsync();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private string FilePath => Path.Combine(_directory, "catalog.bin");

    [Fact]
    public async Task A_restart_reads_the_stored_catalog_and_answers_as_the_tables_did()
    {
        Dictionary<string, string> before;
        byte[] built;
        await using (var first = new ServerOn(_database!, _directory))
        {
            await first.InitializeAsync();
            await first.Store.Storing;
            Assert.Equal("Built from the database.", await CatalogCheckAsync(first));
            before = await EveryObjectAsync(first);
            built = Written(await first.CatalogAsync());
        }
        Assert.True(File.Exists(FilePath));

        await using var second = new ServerOn(_database!, _directory);
        await second.InitializeAsync();

        Assert.Equal("Read from the stored catalog file.", await CatalogCheckAsync(second));
        var after = await EveryObjectAsync(second);
        Assert.Equal(before.Keys, after.Keys);
        foreach (var (path, body) in before)
        {
            Assert.True(body == after[path], $"{path} answers differently after a restart from the stored catalog");
        }
        // Everything the file holds, links and order included, is as it was when built from the tables.
        Assert.Equal(built, Written(await second.CatalogAsync()));
    }

    [Fact]
    public async Task A_catalog_row_changed_in_the_database_by_hand_is_served_after_a_restart()
    {
        string trackId;
        await using (var first = new ServerOn(_database!, _directory))
        {
            await first.InitializeAsync();
            await first.Store.Storing;
            trackId = (await first.CatalogAsync()).Tracks.Keys.First();
            await using var scope = first.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<JukeboxDbContext>();
            // As a person with a database shell would: past the server, whose catalog in memory does not know.
            await db.Database.ExecuteSqlRawAsync("UPDATE \"Tracks\" SET \"Name\" = 'Renamed by hand' WHERE \"Id\" = {0}", trackId);
        }

        await using var second = new ServerOn(_database!, _directory);
        await second.InitializeAsync();
        using var client = await second.CreateAppClientAsync();
        var track = JsonDocument.Parse(await client.GetStringAsync($"/v1/tracks/{trackId}")).RootElement;

        Assert.Equal("Renamed by hand", track.GetProperty("name").GetString());
        Assert.Equal("Built from the database.", await CatalogCheckAsync(second));
    }

    [Theory]
    [InlineData("cut short")]
    [InlineData("overwritten in the middle")]
    public async Task A_damaged_file_is_built_again_from_the_tables(string damage)
    {
        await using (var first = new ServerOn(_database!, _directory))
        {
            await first.InitializeAsync();
            await first.Store.Storing;
        }
        var length = new FileInfo(FilePath).Length;
        await using (var file = File.OpenWrite(FilePath))
        {
            if (damage == "cut short")
            {
                file.SetLength(length / 2);
            }
            else
            {
                // Counts and lengths of 0xFFFFFFFF and more: what the reader takes for sizes is nonsense.
                file.Position = length / 3;
                file.Write(Enumerable.Repeat((byte)0xFF, 4096).ToArray());
            }
        }

        await using var second = new ServerOn(_database!, _directory);
        await second.InitializeAsync();
        await second.Store.Storing;
        var catalog = await second.CatalogAsync();
        using var client = await second.CreateAppClientAsync();
        var album = catalog.Albums.Values.First();
        var body = JsonDocument.Parse(await client.GetStringAsync($"/v1/albums/{album.Id}")).RootElement;

        Assert.Equal("Built from the database.", await CatalogCheckAsync(second));
        Assert.Equal(album.Name, body.GetProperty("name").GetString());
        Assert.Equal(album.Tracks.Length, body.GetProperty("total_tracks").GetInt32());
        Assert.Equal(length, new FileInfo(FilePath).Length);
    }

    private static async Task<string?> CatalogCheckAsync(JukeboxTestServer server)
    {
        using var client = server.CreateClient();
        var body = JsonDocument.Parse(await client.GetStringAsync("/readyz")).RootElement;
        return body.GetProperty("checks").GetProperty("catalog").GetProperty("description").GetString();
    }

    /// <summary>Every catalog object as the Web API serves it, by the path that asked for it (the server's address taken out).</summary>
    private static async Task<Dictionary<string, string>> EveryObjectAsync(JukeboxTestServer server)
    {
        var catalog = await server.CatalogAsync();
        using var client = await server.CreateAppClientAsync();
        var paths = new List<string>();
        void Several(string type, IEnumerable<string> ids, int size) =>
            paths.AddRange(ids.Chunk(size).Select(chunk => $"/v1/{type}?ids={string.Join(',', chunk)}"));
        Several("tracks", catalog.Tracks.Keys, 50);
        Several("albums", catalog.Albums.Keys, 20);
        Several("artists", catalog.Artists.Keys, 50);
        Several("shows", catalog.Shows.Keys, 50);
        Several("episodes", catalog.Episodes.Keys, 50);
        Several("audiobooks", catalog.Audiobooks.Keys, 50);
        Several("chapters", catalog.Chapters.Keys, 50);
        foreach (var artist in catalog.Artists.Keys.Take(20))
        {
            paths.Add($"/v1/artists/{artist}/albums?include_groups=album,single,appears_on,compilation");
            paths.Add($"/v1/artists/{artist}/top-tracks?market=US");
        }
        paths.Add("/v1/browse/new-releases?limit=50");
        paths.Add("/v1/browse/categories?limit=50&locale=es_MX");
        var answers = new Dictionary<string, string>();
        foreach (var path in paths)
        {
            using var response = await client.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {body}");
            answers[path] = body.Replace(server.BaseAddress.ToString().TrimEnd('/'), "", StringComparison.Ordinal);
        }
        return answers;
    }

    private static byte[] Written(CatalogSnapshot catalog)
    {
        using var bytes = new MemoryStream();
        using (var output = new BinaryWriter(bytes))
        {
            new CatalogFileWriter(output).Write(catalog);
        }
        return bytes.ToArray();
    }
}
