using System.Text.Json;
using Jukebox.Data;
using Jukebox.Sandbox.Import;
using Microsoft.Extensions.DependencyInjection;

namespace Jukebox.Sandbox.Tests.Import;

/// <summary>
/// `jukebox import --images keep|generate`: the images Web API objects give, kept as the URLs they are
/// (as a developer who saved Spotify's responses expects them back), or the server's own covers.
/// </summary>
public sealed class ImageImportTests(EmptyCatalogServer server) : IClassFixture<EmptyCatalogServer>
{
    /// <summary>Spotify's three album sizes, as its CDN names them.</summary>
    private const string AlbumImages =
        """[{"url":"https://i.scdn.co/image/ab67616d0000b2731a2b3c4d5e6f708192a3b4c5","height":640,"width":640},""" +
        """{"url":"https://i.scdn.co/image/ab67616d00001e021a2b3c4d5e6f708192a3b4c5","height":300,"width":300},""" +
        """{"url":"https://i.scdn.co/image/ab67616d000048511a2b3c4d5e6f708192a3b4c5","height":64,"width":64}]""";

    /// <summary>An image whose size Spotify does not know (as it sends for some playlists and shows).</summary>
    private const string UnsizedImages = """[{"url":"https://i.scdn.co/image/ab6765630000ba8a9f8e7d6c5b4a39281706f5e4","height":null,"width":null}]""";

    private const string ArtistImages = """[{"url":"https://i.scdn.co/image/ab6761610000e5eb0a1b2c3d4e5f60718293a4b5","height":640,"width":640}]""";

    [Fact]
    public async Task With_keep_the_given_URLs_are_answered_on_GET_in_search_and_in_nested_objects()
    {
        using var folder = new ImportFolder();
        var ids = Write(folder);

        Assert.Equal(0, await server.ImportAsync(folder.Path, "--images", "keep"));
        await server.ReloadCatalogAsync();

        using var api = await server.CreateAppClientAsync();
        Assert.Equal(AlbumImages, Images(await GetAsync(api, $"/v1/albums/{ids.Album}")));
        Assert.Equal(ArtistImages, Images(await GetAsync(api, $"/v1/artists/{ids.Artist}")));
        var track = await GetAsync(api, $"/v1/tracks/{ids.Track}");
        Assert.Equal(AlbumImages, Images(track.GetProperty("album")));
        // A simplified artist has no images, as the spec has it.
        Assert.False(track.GetProperty("artists")[0].TryGetProperty("images", out _));
        var search = await GetAsync(api, $"/v1/search?q={ids.Name}&type=album,artist");
        Assert.Equal(AlbumImages, Images(search.GetProperty("albums").GetProperty("items")[0]));
        Assert.Equal(ArtistImages, Images(search.GetProperty("artists").GetProperty("items")[0]));

        Assert.Equal(UnsizedImages, Images(await GetAsync(api, $"/v1/shows/{ids.Show}")));
        Assert.Equal(ArtistImages, Images(await GetAsync(api, $"/v1/episodes/{ids.OwnEpisode}")));
        var plain = await GetAsync(api, $"/v1/episodes/{ids.PlainEpisode}");
        Assert.Equal(UnsizedImages, Images(plain));
        Assert.Equal(UnsizedImages, Images(plain.GetProperty("show")));
        Assert.Equal(AlbumImages, Images(await GetAsync(api, $"/v1/audiobooks/{ids.Audiobook}")));
        Assert.Equal(AlbumImages, Images(await GetAsync(api, $"/v1/chapters/{ids.Chapter}")));
    }

    [Fact]
    public async Task By_default_the_servers_own_covers_are_answered_and_generate_after_keep_brings_them_back()
    {
        using var folder = new ImportFolder();
        var ids = Write(folder);
        using var api = await server.CreateAppClientAsync();
        var generated = $"{server.BaseAddress.ToString().TrimEnd('/')}/images/album/{ids.Album}/640";

        Assert.Equal(0, await server.ImportAsync(folder.Path));
        await server.ReloadCatalogAsync();
        Assert.Equal(generated, FirstUrl(await GetAsync(api, $"/v1/albums/{ids.Album}")));
        Assert.StartsWith($"{server.BaseAddress}images/show/{ids.Show}/", FirstUrl(await GetAsync(api, $"/v1/episodes/{ids.OwnEpisode}")), StringComparison.Ordinal);

        Assert.Equal(0, await server.ImportAsync(folder.Path, "--images", "keep"));
        await server.ReloadCatalogAsync();
        Assert.Equal(AlbumImages, Images(await GetAsync(api, $"/v1/albums/{ids.Album}")));

        Assert.Equal(0, await server.ImportAsync(folder.Path, "--images", "generate"));
        await server.ReloadCatalogAsync();
        Assert.Equal(generated, FirstUrl(await GetAsync(api, $"/v1/albums/{ids.Album}")));
        Assert.Equal(2, await server.ImportAsync(folder.Path, "--images", "copy"));
    }

    [Fact]
    public async Task With_keep_an_object_read_without_images_keeps_those_it_has()
    {
        using var folder = new ImportFolder();
        var ids = Write(folder);
        Assert.Equal(0, await server.ImportAsync(folder.Path, "--images", "keep"));
        // The artist again, as a track's simplified artist names it: no images.
        var again = folder.Write("again.json", $$$"""
            {"type":"track","id":"{{{Base62.RandomId()}}}","name":"Later","duration_ms":1000,"artists":[{"type":"artist","id":"{{{ids.Artist}}}","name":"Imaged {{{ids.Name}}}"}],
             "album":{"type":"album","id":"{{{ids.Album}}}","name":"Imaged {{{ids.Name}}}","artists":[{"type":"artist","id":"{{{ids.Artist}}}","name":"Imaged {{{ids.Name}}}"}]}}
            """);

        Assert.Equal(0, await server.ImportAsync(again, "--images", "keep"));
        await server.ReloadCatalogAsync();

        using var api = await server.CreateAppClientAsync();
        Assert.Equal(ArtistImages, Images(await GetAsync(api, $"/v1/artists/{ids.Artist}")));
        Assert.Equal(AlbumImages, Images(await GetAsync(api, $"/v1/albums/{ids.Album}")));
    }

    [Theory]
    [InlineData("""[{"height":640,"width":640}]""", "images[0].url is required")]
    [InlineData("""[{"url":"ftp://i.scdn.co/image/ab67","height":640,"width":640}]""", "images[0].url must be an absolute http or https URL")]
    [InlineData("""[{"url":"https://i.scdn.co/image/ab67","height":64,"width":64},{"url":"https://i.scdn.co/image/cd89","height":-1,"width":64}]""", "images[1].height must be 0 or more")]
    [InlineData("""[null]""", "images[0] must be an image object")]
    public async Task A_bad_image_is_a_failure_named_by_file_and_path_and_strict_writes_nothing(string images, string message)
    {
        using var folder = new ImportFolder();
        var (artist, album) = (Base62.RandomId(), Base62.RandomId());
        folder.Write("albums.json", $$$"""
            {"albums":[{"type":"album","id":"{{{album}}}","name":"Bad art","release_date":"2021","images":{{{images}}},
              "artists":[{"type":"artist","id":"{{{artist}}}","name":"Painter"}]}]}
            """);

        var lenient = await ImportAsync(folder.Path, strict: false, ImportImages.Keep);
        var generated = await ImportAsync(folder.Path, strict: true, ImportImages.Generate);

        Assert.Equal($"albums.json: $.albums[0]: {message}", Assert.Single(lenient.Failures).ToString());
        Assert.Equal(1, lenient.Artists.Imported);
        Assert.Equal(0, lenient.Albums.Imported);
        // Images an import does not keep are not read, nor checked.
        Assert.True(generated.Complete);
        Assert.Equal(1, generated.Albums.Imported);
        Assert.Equal(1, await server.ImportAsync(Path.Combine(folder.Path, "albums.json"), "--images", "keep", "--strict"));
    }

    [Fact]
    public async Task With_strict_a_bad_image_refuses_the_whole_import()
    {
        using var folder = new ImportFolder();
        var ids = Write(folder);
        folder.Write("z-bad.json", $$$"""
            {"type":"artist","id":"{{{Base62.RandomId()}}}","name":"Bad","images":[{"url":"not a url"}]}
            """);

        var outcome = await ImportAsync(folder.Path, strict: true, ImportImages.Keep);

        Assert.False(outcome.Written);
        Assert.Equal("z-bad.json: $: images[0].url must be an absolute http or https URL", Assert.Single(outcome.Failures).ToString());
        Assert.False((await server.ReloadCatalogAsync()).Albums.ContainsKey(ids.Album));
    }

    private sealed record Ids(string Name, string Artist, string Album, string Track, string Show, string OwnEpisode, string PlainEpisode, string Audiobook, string Chapter);

    /// <summary>An album with its artist and a track, a show with two episodes (one with images of its own) and an audiobook with a chapter, as Spotify answers them.</summary>
    private static Ids Write(ImportFolder folder)
    {
        var name = "Z" + Base62.RandomId()[..10];
        var ids = new Ids(name, Base62.RandomId(), Base62.RandomId(), Base62.RandomId(), Base62.RandomId(), Base62.RandomId(), Base62.RandomId(),
            Base62.RandomId(), Base62.RandomId());
        folder.Write("artist.json", $$$"""
            {"type":"artist","id":"{{{ids.Artist}}}","name":"Imaged {{{name}}}","images":{{{ArtistImages}}},"genres":[],"popularity":5}
            """);
        folder.Write("album.json", $$$"""
            {"type":"album","id":"{{{ids.Album}}}","name":"Imaged {{{name}}}","album_type":"album","release_date":"2019-03-01","images":{{{AlbumImages}}},
             "artists":[{"type":"artist","id":"{{{ids.Artist}}}","name":"Imaged {{{name}}}"}],
             "tracks":{"items":[{"type":"track","id":"{{{ids.Track}}}","name":"First","duration_ms":200000,"track_number":1,
               "artists":[{"type":"artist","id":"{{{ids.Artist}}}","name":"Imaged {{{name}}}"}]}]}}
            """);
        folder.Write("show.json", $$$"""
            {"type":"show","id":"{{{ids.Show}}}","name":"Imaged show","publisher":"P","description":"D","images":{{{UnsizedImages}}},
             "episodes":{"total":2,"items":[
               {"type":"episode","id":"{{{ids.OwnEpisode}}}","name":"Own art","description":"D","duration_ms":1000,"release_date":"2024-01-02","images":{{{ArtistImages}}}},
               {"type":"episode","id":"{{{ids.PlainEpisode}}}","name":"The show's art","description":"D","duration_ms":1000,"release_date":"2024-01-01"}]}}
            """);
        folder.Write("audiobook.json", $$$"""
            {"type":"audiobook","id":"{{{ids.Audiobook}}}","name":"Imaged book","authors":[{"name":"A"}],"publisher":"P","description":"D","images":{{{AlbumImages}}},
             "chapters":{"items":[{"type":"episode","id":"{{{ids.Chapter}}}","name":"One","chapter_number":0,"description":"D","duration_ms":1000,"release_date":"2024"}]}}
            """);
        return ids;
    }

    private async Task<ImportOutcome> ImportAsync(string folder, bool strict, ImportImages images)
    {
        var objects = new ImportedObjects();
        foreach (var path in Directory.GetFiles(folder).Order(StringComparer.Ordinal))
        {
            await using var stream = File.OpenRead(path);
            SpotifyJsonReader.Read(Path.GetFileName(path), stream, objects);
        }
        await using var scope = server.Services.CreateAsyncScope();
        return await new CatalogImporter(scope.ServiceProvider.GetRequiredService<JukeboxDbContext>(), TimeProvider.System) { Images = images }
            .ImportAsync(objects, strict, null, CancellationToken.None);
    }

    private static string Images(JsonElement item) => item.GetProperty("images").GetRawText();

    private static string FirstUrl(JsonElement item) => item.GetProperty("images")[0].GetProperty("url").GetString()!;

    private static async Task<JsonElement> GetAsync(HttpClient api, string path)
    {
        using var response = await api.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
