using System.Text.Json;
using Jukebox.Testing;

namespace Jukebox.Sandbox.Tests.Import;

/// <summary>
/// Responses of a server with the demo catalog, saved as files as a developer saves Spotify's, and
/// imported into a database without it: the second server answers the same objects under the same ids.
/// </summary>
public sealed class RoundTripTests(ImportServers servers) : IClassFixture<ImportServers>
{
    [Fact]
    public async Task Saved_albums_tracks_and_artists_imported_into_a_new_catalog_are_answered_identically_and_a_second_import_updates_them()
    {
        using var folder = new ImportFolder();
        using var source = await servers.Source.CreateAppClientAsync();
        var newReleases = await GetJsonAsync(source, "/v1/browse/new-releases?limit=12");
        var albumIds = newReleases.GetProperty("albums").GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetString()!).ToList();
        var albums = await GetTextAsync(source, $"/v1/albums?ids={string.Join(',', albumIds)}");
        folder.Write("albums.json", albums);
        var trackIds = JsonDocument.Parse(albums).RootElement.GetProperty("albums").EnumerateArray()
            .SelectMany(a => a.GetProperty("tracks").GetProperty("items").EnumerateArray()).Select(t => t.GetProperty("id").GetString()!).ToList();
        foreach (var (chunk, i) in trackIds.Chunk(50).Select((c, i) => (c, i)))
        {
            folder.Write($"tracks-{i}.json", await GetTextAsync(source, $"/v1/tracks?ids={string.Join(',', chunk)}"));
        }
        var artistIds = JsonDocument.Parse(albums).RootElement.GetProperty("albums").EnumerateArray()
            .SelectMany(a => a.GetProperty("artists").EnumerateArray()).Select(a => a.GetProperty("id").GetString()!).Distinct().Take(50).ToList();
        // An array of artist objects, as a developer collects them one by one.
        var artists = new List<string>();
        foreach (var id in artistIds)
        {
            artists.Add(await GetTextAsync(source, $"/v1/artists/{id}"));
        }
        folder.Write("artists.json", "[" + string.Join(",", artists) + "]");

        Assert.Equal(0, await servers.Target.ImportAsync(folder.Path));
        await servers.Target.ReloadCatalogAsync();

        using var target = await servers.Target.CreateAppClientAsync();
        var paths = albumIds.Select(id => $"/v1/albums/{id}")
            .Concat(trackIds.Select(id => $"/v1/tracks/{id}"))
            .Concat(artistIds.Select(id => $"/v1/artists/{id}"))
            .Append($"/v1/albums/{albumIds[0]}?market=SE").ToList();
        await AssertSameAsync(source, target, paths);

        Assert.Equal(0, await servers.Target.ImportAsync(folder.Path));
        await servers.Target.ReloadCatalogAsync();
        await AssertSameAsync(source, target, paths);
        var catalog = await servers.Target.CatalogAsync();
        Assert.Equal(albumIds.Count, catalog.Albums.Count);
        Assert.Equal(trackIds.Count, catalog.Tracks.Count);
    }

    private async Task AssertSameAsync(HttpClient source, HttpClient target, List<string> paths)
    {
        foreach (var path in paths)
        {
            var expected = (await GetTextAsync(source, path)).Replace(Base(servers.Source), Base(servers.Target), StringComparison.Ordinal);
            Assert.Equal(expected, await GetTextAsync(target, path));
        }
    }

    private static string Base(JukeboxTestServer server) => server.BaseAddress.ToString().TrimEnd('/');

    private static async Task<string> GetTextAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {text}");
        return text;
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string path) =>
        JsonDocument.Parse(await GetTextAsync(client, path)).RootElement.Clone();
}
