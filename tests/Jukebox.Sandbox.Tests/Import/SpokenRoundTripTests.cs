using System.Text.Json;
using Jukebox.Testing;

namespace Jukebox.Sandbox.Tests.Import;

/// <summary>
/// Shows, episodes, audiobooks, chapters and playlists saved from a server with the demo catalog and
/// imported into a database without it: the second server answers them byte for byte the same.
/// </summary>
public sealed class SpokenRoundTripTests(ImportServers servers) : IClassFixture<ImportServers>
{
    [Fact]
    public async Task Saved_shows_episodes_audiobooks_chapters_and_playlists_are_answered_identically_after_one_import_and_after_two()
    {
        using var folder = new ImportFolder();
        using var source = await servers.Source.CreateAppClientAsync();
        var catalog = await servers.Source.CatalogAsync();
        var showIds = catalog.Shows.Keys.Order(StringComparer.Ordinal).Take(3).ToList();
        var bookIds = catalog.Audiobooks.Keys.Order(StringComparer.Ordinal).Take(3).ToList();
        // Shows one by one (an array), audiobooks in a multi-get: each with its first page of episodes or chapters.
        var shows = new List<string>();
        foreach (var id in showIds)
        {
            shows.Add(await GetTextAsync(source, $"/v1/shows/{id}"));
        }
        folder.Write("shows.json", "[" + string.Join(",", shows) + "]");
        folder.Write("audiobooks.json", await GetTextAsync(source, $"/v1/audiobooks?ids={string.Join(',', bookIds)}"));
        var episodeIds = showIds.SelectMany(id => catalog.Shows[id].Episodes.Select(e => e.Id)).ToList();
        var chapterIds = bookIds.SelectMany(id => catalog.Audiobooks[id].Chapters.Select(c => c.Id)).ToList();
        folder.Write("episodes.json", await GetTextAsync(source, $"/v1/episodes?ids={string.Join(',', episodeIds.Take(50))}"));
        folder.Write("chapters.json", await GetTextAsync(source, $"/v1/chapters?ids={string.Join(',', chapterIds.Take(50))}"));
        // A category's playlists, each saved whole; their tracks come with them.
        var listed = await GetJsonAsync(source, "/v1/browse/categories/jazz/playlists?limit=2");
        var playlistIds = listed.GetProperty("playlists").GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetString()!).ToList();
        var albumIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in playlistIds)
        {
            var playlist = folder.Write($"playlist-{id}.json", await GetTextAsync(source, $"/v1/playlists/{id}"));
            albumIds.UnionWith(JsonDocument.Parse(File.ReadAllText(playlist)).RootElement.GetProperty("items").GetProperty("items").EnumerateArray()
                .Select(i => i.GetProperty("item").GetProperty("album").GetProperty("id").GetString()!));
        }
        // Their albums whole, or the albums would count only the tracks the playlists hold.
        foreach (var (chunk, i) in albumIds.Chunk(20).Select((c, i) => (c, i)))
        {
            folder.Write($"albums-{i}.json", await GetTextAsync(source, $"/v1/albums?ids={string.Join(',', chunk)}"));
        }

        Assert.Equal(0, await servers.Target.ImportAsync(folder.Path));
        await servers.Target.ReloadCatalogAsync();

        using var target = await servers.Target.CreateAppClientAsync();
        var paths = showIds.SelectMany(id => new[] { $"/v1/shows/{id}", $"/v1/shows/{id}/episodes?limit=50" })
            .Concat(bookIds.SelectMany(id => new[] { $"/v1/audiobooks/{id}", $"/v1/audiobooks/{id}/chapters?limit=50" }))
            .Concat(episodeIds.Take(50).Select(id => $"/v1/episodes/{id}"))
            .Concat(chapterIds.Take(50).Select(id => $"/v1/chapters/{id}"))
            .Concat(playlistIds.SelectMany(id => new[] { $"/v1/playlists/{id}", $"/v1/playlists/{id}/tracks?offset=10&limit=30" }))
            .Append($"/v1/shows/{showIds[0]}?market=SE").Append($"/v1/audiobooks/{bookIds[0]}?market=SE").ToList();
        await AssertSameAsync(source, target, paths);

        Assert.Equal(0, await servers.Target.ImportAsync(folder.Path));
        await servers.Target.ReloadCatalogAsync();
        await AssertSameAsync(source, target, paths);
        var imported = await servers.Target.CatalogAsync();
        Assert.Equal(showIds.Count, imported.Shows.Count);
        Assert.Equal(bookIds.Count, imported.Audiobooks.Count);
        Assert.Equal(episodeIds.Count, imported.Episodes.Count);
        Assert.Equal(chapterIds.Count, imported.Chapters.Count);
    }

    private async Task AssertSameAsync(HttpClient source, HttpClient target, List<string> paths)
    {
        foreach (var path in paths)
        {
            var expected = (await GetTextAsync(source, path)).Replace(Base(servers.Source), Base(servers.Target), StringComparison.Ordinal);
            var actual = await GetTextAsync(target, path);
            Assert.True(expected == actual, $"{path}: {Difference(expected, actual)}");
        }
    }

    /// <summary>Where two answers first differ, with some of each around it.</summary>
    private static string Difference(string expected, string actual)
    {
        var at = 0;
        while (at < expected.Length && at < actual.Length && expected[at] == actual[at])
        {
            at++;
        }
        var from = Math.Max(0, at - 80);
        return $"at {at}: expected …{expected[from..Math.Min(expected.Length, at + 80)]}… but got …{actual[from..Math.Min(actual.Length, at + 80)]}…";
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
