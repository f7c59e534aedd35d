using System.Net;
using System.Text.Json.Nodes;
using Jukebox.Api.Catalog;
using Jukebox.Api.Search;
using Jukebox.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Jukebox.Sandbox.Tests.Catalog;

/// <summary>
/// A fixture write patches the snapshot and the search index with the changed objects rather than
/// loading everything again: reads and searches see the change at once, and answer exactly as they
/// do after loading the whole catalog again.
/// </summary>
public sealed class CatalogPatchTests(JukeboxTestServer server) : IClassFixture<JukeboxTestServer>
{
    private readonly FixtureCalls _calls = new(server);

    private async Task<List<string>> FoundAsync(string query, string type, string extra = "")
    {
        var answer = await _calls.GetAsync($"/v1/search?q={Uri.EscapeDataString(query)}&type={type}{extra}");
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        return [.. answer.Json.GetProperty(type + "s").GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!)];
    }

    private async Task<int> TotalAsync(string query, string type) =>
        (await _calls.GetAsync($"/v1/search?q={Uri.EscapeDataString(query)}&type={type}")).Json.GetProperty(type + "s").GetProperty("total").GetInt32();

    private async Task<CatalogIndexState> IndexAsync() =>
        await server.Services.GetRequiredService<CatalogSearchIndex>().ForAsync(await server.CatalogAsync());

    [Fact]
    public async Task A_write_patches_the_index_it_does_not_build_it_again()
    {
        var built = (await IndexAsync()).Reader;

        var artist = await _calls.ArtistAsync("Obsidian Kettledrum");

        Assert.Same(built, (await IndexAsync()).Reader);
        Assert.Equal([artist], await FoundAsync("obsidian kettledrum", "artist"));
    }

    [Fact]
    public async Task A_change_naming_more_objects_than_a_patch_takes_loads_the_whole_catalog_again()
    {
        // An artist the database holds but no change names: only a whole load finds it.
        var unnamed = Jukebox.Data.Base62.RandomId();
        using (var scope = server.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Jukebox.Data.JukeboxDbContext>();
            db.Artists.Add(new Jukebox.Data.Entities.Artist { Id = unnamed, Name = "Unnamed Glockenspiel" });
            await db.SaveChangesAsync();
        }
        var sync = server.Services.GetRequiredService<CatalogSync>();

        var patched = await sync.ChangedHereAsync(new CatalogChange { Artists = [Jukebox.Data.Base62.RandomId()] });
        var reloaded = await sync.ChangedHereAsync(new CatalogChange
        {
            Artists = [.. Enumerable.Range(0, CatalogChange.MaxPatched + 1).Select(_ => Jukebox.Data.Base62.RandomId())],
        });

        Assert.False(patched.Artists.ContainsKey(unnamed));
        Assert.True(reloaded.Artists.ContainsKey(unnamed));
        Assert.Equal([unnamed], await FoundAsync("unnamed glockenspiel", "artist"));
    }

    [Fact]
    public async Task A_track_added_to_an_album_after_its_artist_was_renamed_is_found()
    {
        var artist = await _calls.ArtistAsync("Benchfixture Artist");
        var album = await _calls.CreateAsync("albums", new
        {
            name = "Benchfixture Album", artists = new[] { new { id = artist } }, release_date = "2024-05-17", available_markets = new[] { "US" },
        });
        for (var i = 1; i <= 12; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await _calls.PutAsync("artists", artist, new { name = $"Benchrename{i}" })).Status);
            var track = await _calls.CreateAsync("tracks", new
            {
                name = $"Benchtrack{i}", album = new { id = album }, artists = new[] { new { id = artist } }, duration_ms = 1000,
            });

            Assert.Equal([artist], await FoundAsync($"Benchrename{i}", "artist"));
            Assert.True((await FoundAsync($"Benchtrack{i}", "track")).Contains(track), $"track {i}");
        }
    }

    [Fact]
    public async Task A_renamed_artist_is_found_under_the_new_name_only_with_their_albums_and_tracks()
    {
        var artist = await _calls.ArtistAsync("Zorblax Quintet");
        var album = await _calls.AlbumAsync(artist, [FixtureCalls.Track(artist, "Plain Song")]);
        var track = (await _calls.GetAsync($"/v1/albums/{album}")).Json.GetProperty("tracks").GetProperty("items")[0].GetProperty("id").GetString()!;

        Assert.Equal(HttpStatusCode.OK, (await _calls.PutAsync("artists", artist, new { name = "Vellichor Ensemble" })).Status);

        Assert.Empty(await FoundAsync("zorblax", "artist"));
        Assert.Empty(await FoundAsync("zorblax", "track"));
        Assert.Equal([artist], await FoundAsync("vellichor ensemble", "artist"));
        Assert.Equal([album], await FoundAsync("artist:vellichor", "album"));
        Assert.Equal([track], await FoundAsync("artist:vellichor", "track"));
        var read = (await _calls.GetAsync($"/v1/tracks/{track}")).Json;
        Assert.Equal("Vellichor Ensemble", read.GetProperty("artists")[0].GetProperty("name").GetString());
        Assert.Equal("Vellichor Ensemble", read.GetProperty("album").GetProperty("artists")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_deleted_track_leaves_search_and_the_total_follows()
    {
        var artist = await _calls.ArtistAsync();
        var album = await _calls.AlbumAsync(artist, [FixtureCalls.Track(artist, "Quillwort Aria One"), FixtureCalls.Track(artist, "Quillwort Aria Two")]);
        var tracks = (await _calls.GetAsync($"/v1/albums/{album}")).Json.GetProperty("tracks").GetProperty("items")
            .EnumerateArray().Select(t => t.GetProperty("id").GetString()!).ToList();
        Assert.Equal(2, await TotalAsync("quillwort", "track"));

        Assert.Equal(HttpStatusCode.NoContent, (await _calls.DeleteAsync("tracks", tracks[0])).Status);

        Assert.Equal([tracks[1]], await FoundAsync("quillwort", "track"));
        Assert.Equal(1, await TotalAsync("quillwort", "track"));
        Assert.Empty(await FoundAsync("quillwort", "album"));
        Assert.Equal(HttpStatusCode.NotFound, (await _calls.GetAsync($"/v1/tracks/{tracks[0]}")).Status);
    }

    [Fact]
    public async Task Pages_of_changed_and_unchanged_items_follow_each_other()
    {
        // A word the demo catalog uses, so that the pages mix built documents and patched ones.
        var catalog = await server.CatalogAsync();
        var word = catalog.Tracks.Values.OrderBy(t => t.Id, StringComparer.Ordinal)
            .SelectMany(t => t.Name.Split(' ')).First(w => w.Length >= 4 && w.All(char.IsAsciiLetter));
        var before = await TotalAsync(word, "track");
        var artist = await _calls.ArtistAsync();
        await _calls.AlbumAsync(artist, [FixtureCalls.Track(artist, $"{word} Patched One"), FixtureCalls.Track(artist, $"{word} Patched Two")]);

        var total = await TotalAsync(word, "track");
        var all = await FoundAsync(word, "track", "&limit=10");
        var paged = new List<string>();
        for (var offset = 0; offset < Math.Min(total, 10); offset += 3)
        {
            paged.AddRange(await FoundAsync(word, "track", $"&limit=3&offset={offset}"));
        }

        Assert.Equal(before + 2, total);
        Assert.Equal(Math.Min(total, 10), all.Count);
        Assert.Equal(all, paged.Take(all.Count));
        Assert.Equal(all.Count, all.Distinct().Count());
    }

    [Fact]
    public async Task Reads_and_searches_after_patches_answer_as_after_loading_everything_again()
    {
        var catalog = await server.CatalogAsync();
        var demoTrack = catalog.Tracks.Values.OrderBy(t => t.Id, StringComparer.Ordinal).First();
        var demoArtist = demoTrack.Artists[0];
        var artist = await _calls.ArtistAsync("Meridian Patchwork");
        var album = await _calls.AlbumAsync(artist, [FixtureCalls.Track(artist, "Meridian Glow"), FixtureCalls.Track(artist, "Meridian Dusk")], ["US"]);
        var extra = await _calls.CreateAsync("tracks", new
        {
            name = "Meridian Extra", artists = new[] { new { id = demoArtist.Id } }, album = new { id = album }, duration_ms = 1000,
            external_ids = new { isrc = demoTrack.Isrc }, popularity = 99,
        });
        var renamed = JsonNode.Parse((await _calls.GetAsync($"/v1/tracks/{demoTrack.Id}")).Text)!;
        renamed["name"] = "Meridian Renamed Demo";
        Assert.Equal(HttpStatusCode.OK, (await _calls.PutAsync("tracks", demoTrack.Id, renamed.ToJsonString())).Status);
        Assert.Equal(HttpStatusCode.OK, (await _calls.PutAsync("artists", artist, new { name = "Meridian Patchwork Renamed", genres = new[] { "pop" } })).Status);
        var show = await _calls.ShowAsync([FixtureCalls.Episode("Meridian Episode")]);
        Assert.Equal(HttpStatusCode.NoContent, (await _calls.DeleteAsync("tracks", extra)).Status);
        string[] paths =
        [
            $"/v1/artists/{artist}", $"/v1/artists/{artist}/albums", $"/v1/artists/{artist}/top-tracks?market=US",
            $"/v1/artists/{demoArtist.Id}/albums?limit=10", $"/v1/artists/{demoArtist.Id}/top-tracks?market=US",
            $"/v1/albums/{album}", $"/v1/tracks/{demoTrack.Id}", $"/v1/tracks/{demoTrack.Id}?market=US",
            $"/v1/albums/{demoTrack.Album.Id}", $"/v1/shows/{show}", "/v1/browse/new-releases?limit=10",
            "/v1/search?q=meridian&type=track,album,artist,show,episode", "/v1/search?q=meridian&type=track&market=US&limit=2&offset=1",
            $"/v1/search?q={Uri.EscapeDataString(demoArtist.Name)}&type=track,album,artist&limit=10",
            "/v1/search?q=genre:pop&type=artist&limit=10", "/v1/search?q=year:2024&type=album,track&limit=10&offset=3",
        ];
        var patched = new List<string>();
        foreach (var path in paths)
        {
            var answer = await _calls.GetAsync(path);
            Assert.True(answer.Status == HttpStatusCode.OK, $"{path}: {answer}");
            patched.Add(answer.Text);
        }

        await server.Services.GetRequiredService<CatalogSync>().ChangedHereAsync();

        for (var i = 0; i < paths.Length; i++)
        {
            Assert.True(patched[i] == (await _calls.GetAsync(paths[i])).Text, paths[i]);
        }
    }
}
