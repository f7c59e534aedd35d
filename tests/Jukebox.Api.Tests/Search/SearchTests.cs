using System.Net;
using Jukebox.Api.Catalog;
using Jukebox.Api.Search;
using Jukebox.Testing;

namespace Jukebox.Api.Tests.Search;

[Collection(CatalogServer.Name)]
public sealed class SearchTests(JukeboxTestServer server)
{
    [Fact]
    public async Task Every_type_has_its_own_paging_object_and_only_the_requested_ones_come_back()
    {
        var body = await server.SearchAsync("a OR the OR music OR rock", "album,artist,playlist,track,show,episode,audiobook", "&limit=10");

        foreach (var key in new[] { "albums", "artists", "playlists", "tracks", "shows", "episodes", "audiobooks" })
        {
            var paging = body.GetProperty(key);
            Assert.Equal(10, paging.Int("limit"));
            Assert.True(paging.Int("total") > 0, $"{key} found nothing");
            Assert.NotEmpty(paging.Array());
            Assert.Contains("type=" + key[..^1], paging.Str("href"));
        }
        var tracksOnly = await server.SearchAsync("a", "track");
        Assert.False(tracksOnly.Has("albums"));
        Assert.Equal(5, tracksOnly.GetProperty("tracks").Int("limit"));
    }

    [Fact]
    public async Task Case_and_accents_do_not_matter()
    {
        var catalog = await server.CatalogAsync();
        var artist = catalog.Artists.Values.First(a => a.Name == "Antônio Carlos Jobim");

        foreach (var q in new[] { "antonio carlos jobim", "ANTÔNIO JOBIM", "Antonio" })
        {
            Assert.Contains(artist.Id, (await server.SearchAsync(q, "artist", "&limit=10")).GetProperty("artists").Ids());
        }
    }

    [Fact]
    public async Task Exact_names_come_first_then_name_matches_by_popularity_then_other_matches()
    {
        var catalog = await server.CatalogAsync();
        var all = await AllTrackHitsAsync("black");

        var exact = all.TakeWhile(t => SearchAnalyzer.Exact(t.Name) == "black").ToList();
        Assert.NotEmpty(exact);
        var named = all.Skip(exact.Count).TakeWhile(t => SearchAnalyzer.Words(t.Name).Contains("black")).ToList();
        var rest = all.Skip(exact.Count + named.Count).ToList();
        Assert.NotEmpty(named);
        Assert.NotEmpty(rest);
        Assert.All(rest, t => Assert.DoesNotContain("black", SearchAnalyzer.Words(t.Name)));
        Assert.Equal(named.Select(t => t.Popularity).OrderDescending(), named.Select(t => t.Popularity));
        Assert.Equal(rest.Select(t => t.Popularity).OrderDescending(), rest.Select(t => t.Popularity));
        var expected = catalog.Tracks.Values.Count(t => AllWords(t).Contains("black"));
        Assert.Equal(expected, all.Count);
    }

    [Fact]
    public async Task Words_match_in_any_order_and_quotes_require_the_phrase()
    {
        var any = await AllTrackHitsAsync("roll rock");
        var phrase = await AllTrackHitsAsync("\"rock and roll\"");

        Assert.Contains(any, t => t.Name.Contains("Rock And Roll", StringComparison.OrdinalIgnoreCase));
        Assert.NotEmpty(phrase);
        Assert.All(phrase, t => Assert.Contains("rock and roll", SearchAnalyzer.Exact($"{t.Name} | {t.Album.Name} | {string.Join(" | ", t.Artists.Select(a => a.Name))}")));
        Assert.True(any.Count > phrase.Count);
    }

    [Fact]
    public async Task Not_excludes_and_or_broadens()
    {
        var rock = await AllTrackHitsAsync("rock");
        var rockNotRoll = await AllTrackHitsAsync("rock NOT roll");
        var rockOrJazz = await AllTrackHitsAsync("rock OR jazz");
        var jazz = await AllTrackHitsAsync("jazz");

        Assert.NotEmpty(rockNotRoll);
        Assert.True(rockNotRoll.Count < rock.Count);
        Assert.All(rockNotRoll, t => Assert.DoesNotContain("roll", AllWords(t)));
        Assert.Equal(rock.Concat(jazz).Select(t => t.Id).ToHashSet(), rockOrJazz.Select(t => t.Id).ToHashSet());
    }

    [Fact]
    public async Task Artist_album_and_track_filters_look_only_at_their_field()
    {
        var catalog = await server.CatalogAsync();
        var album = catalog.Albums.Values.First(a => a.Name == "Led Zeppelin II");

        var byArtist = await AllHitsAsync("artist:\"led zeppelin\"", "track", catalog.Tracks);
        Assert.Equal(catalog.Tracks.Values.Count(t => t.Artists.Any(a => a.Name == "Led Zeppelin")), byArtist.Count);
        var byAlbum = await AllHitsAsync("album:\"Led Zeppelin II\"", "track", catalog.Tracks);
        Assert.Equal(album.Tracks.Select(t => t.Id).Order(), byAlbum.Select(t => t.Id).Order());
        var byTrack = await AllHitsAsync($"track:\"{album.Tracks[0].Name}\"", "track", catalog.Tracks);
        Assert.Contains(album.Tracks[0], byTrack);
        Assert.All(byTrack, t => Assert.Contains(SearchAnalyzer.Exact(album.Tracks[0].Name), SearchAnalyzer.Exact(t.Name)));
        var albums = await server.SearchAsync("artist:\"led zeppelin\"", "album", "&limit=10");
        Assert.NotEmpty(albums.GetProperty("albums").Array());
        Assert.All(albums.GetProperty("albums").Array(), a => Assert.Equal("Led Zeppelin", a.Array("artists")[0].Str("name")));
        var artists = await server.SearchAsync("artist:zeppelin", "artist");
        Assert.Equal(["Led Zeppelin", "Dread Zeppelin"], artists.GetProperty("artists").Names().Order().Reverse());
    }

    [Fact]
    public async Task Year_takes_a_single_year_or_a_range()
    {
        var catalog = await server.CatalogAsync();

        var single = await AllHitsAsync("year:1984", "album", catalog.Albums);
        var range = await AllHitsAsync("year:1980-1984", "album", catalog.Albums);

        Assert.Equal(catalog.Albums.Values.Count(a => a.ReleaseDate.StartsWith("1984", StringComparison.Ordinal)), single.Count);
        Assert.All(single, a => Assert.StartsWith("1984", a.ReleaseDate, StringComparison.Ordinal));
        Assert.Equal(catalog.Albums.Values.Count(a => SearchItems.Year(a.ReleaseDate) is >= 1980 and <= 1984), range.Count);
        var tracks = await AllHitsAsync("year:1980-1984", "track", catalog.Tracks);
        Assert.All(tracks, t => Assert.InRange(SearchItems.Year(t.Album.ReleaseDate), 1980, 1984));
        var artists = await AllHitsAsync("year:1984", "artist", catalog.Artists);
        Assert.All(artists, a => Assert.Contains(a.OwnAlbums, x => x.ReleaseDate.StartsWith("1984", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Isrc_upc_and_genre_find_exactly_what_carries_them()
    {
        var catalog = await server.CatalogAsync();
        var track = catalog.PlainAlbum().Tracks[0];
        var album = catalog.PlainAlbum();

        Assert.Equal([track.Id], (await server.SearchAsync($"isrc:{track.Isrc.ToLowerInvariant()}", "track")).GetProperty("tracks").Ids());
        Assert.Equal([album.Id], (await server.SearchAsync($"upc:{album.Upc}", "album")).GetProperty("albums").Ids());
        var jazzArtists = await AllHitsAsync("genre:jazz", "artist", catalog.Artists);
        Assert.Equal(catalog.Artists.Values.Where(a => a.Genres.Contains("jazz")).Select(a => a.Id).Order(), jazzArtists.Select(a => a.Id).Order());
        var hipHop = await AllHitsAsync("genre:\"hip hop\"", "track", catalog.Tracks);
        Assert.NotEmpty(hipHop);
        Assert.All(hipHop, t => Assert.Contains(t.Artists, a => a.Genres.Contains("hip-hop")));
    }

    [Fact]
    public async Task Tag_new_finds_albums_of_the_past_two_weeks_and_tag_hipster_the_least_popular_tenth()
    {
        var catalog = await server.CatalogAsync();
        var today = DateOnly.FromDateTime(server.Clock.GetUtcNow().UtcDateTime);

        var fresh = await AllHitsAsync("tag:new", "album", catalog.Albums);
        Assert.NotEmpty(fresh);
        Assert.Equal(catalog.Albums.Values.Count(a => a.ReleaseDatePrecision == "day" && DateOnly.Parse(a.ReleaseDate) >= today.AddDays(-14)), fresh.Count);
        var hipster = await AllHitsAsync("tag:hipster", "album", catalog.Albums);
        Assert.NotEmpty(hipster);
        Assert.InRange(hipster.Count, 1, catalog.Albums.Count / 10 + catalog.Albums.Values.Count(a => a.Popularity == hipster.Max(h => h.Popularity)));
        Assert.True(hipster.Max(a => a.Popularity) <= catalog.Albums.Values.Where(a => !hipster.Contains(a)).Min(a => a.Popularity));
    }

    [Theory]
    [InlineData("tag:new", "track")]
    [InlineData("upc:123", "track")]
    [InlineData("isrc:x", "album")]
    [InlineData("genre:rock", "album")]
    [InlineData("track:love", "artist")]
    [InlineData("album:love", "playlist")]
    public async Task A_filter_does_not_apply_to_types_spotify_does_not_apply_it_to(string q, string type)
    {
        var body = await server.SearchAsync(q, type);

        var paging = body.GetProperty(type + "s");
        Assert.Equal(0, paging.Int("total"));
        Assert.Empty(paging.Array());
    }

    [Fact]
    public async Task A_market_drops_what_is_not_playable_there_and_relinks_tracks()
    {
        var catalog = await server.CatalogAsync();
        var japanless = catalog.AlbumUnavailableInJapan();
        var relinked = catalog.AlbumRelinkedInUs();
        var q = $"album:\"{japanless.Name}\"";

        Assert.Contains(japanless.Id, (await server.SearchAsync(q, "album", "&limit=10")).GetProperty("albums").Ids());
        var inJapan = (await server.SearchAsync(q, "album,track", "&limit=10&market=JP"));
        Assert.DoesNotContain(japanless.Id, inJapan.GetProperty("albums").Ids());
        Assert.DoesNotContain(inJapan.GetProperty("tracks").Ids(), id => japanless.Tracks.Any(t => t.Id == id));

        var track = relinked.Tracks[0];
        var inUs = (await server.SearchAsync($"isrc:{track.Isrc}", "track", "&market=US")).GetProperty("tracks").Array();
        var hit = Assert.Single(inUs, t => t.TryGetProperty("linked_from", out var from) && from.Str("id") == track.Id);
        Assert.Equal(track.InstanceIn("US").Id, hit.Str("id"));
        Assert.True(hit.GetProperty("is_playable").GetBoolean());
    }

    [Theory]
    [InlineData("limit=0", "Invalid limit")]
    [InlineData("limit=11", "Invalid limit")]
    [InlineData("offset=1001", "Invalid offset")]
    [InlineData("offset=-1", "Invalid offset")]
    [InlineData("market=XX", "Invalid market code")]
    [InlineData("include_external=video", "Bad include_external value")]
    public async Task Parameters_out_of_bounds_are_refused(string parameter, string message)
    {
        await server.SearchReadyAsync();
        using var client = await server.CreateAppClientAsync();

        await client.AssertBadRequestAsync($"/v1/search?q=love&type=track&{parameter}", message);
    }

    [Fact]
    public async Task The_bounds_themselves_are_accepted()
    {
        var last = await server.SearchAsync("a", "track", "&limit=10&offset=1000");
        var first = await server.SearchAsync("a", "track", "&limit=1&offset=0");

        Assert.Equal(1000, last.GetProperty("tracks").Int("offset"));
        Assert.Single(first.GetProperty("tracks").Array());
    }

    [Theory]
    [InlineData("/v1/search?type=track", "No search query")]
    [InlineData("/v1/search?q=&type=track", "No search query")]
    [InlineData("/v1/search?q=love", "Missing parameter type")]
    [InlineData("/v1/search?q=love&type=tracks", "Bad search type field")]
    [InlineData("/v1/search?q=love&type=track,podcast", "Bad search type field")]
    public async Task A_missing_query_or_type_is_refused(string url, string message)
    {
        using var client = await server.CreateAppClientAsync();

        await client.AssertBadRequestAsync(url, message);
    }

    [Fact]
    public async Task Next_links_page_through_one_type()
    {
        await server.SearchReadyAsync();
        using var client = await server.CreateAppClientAsync();

        var items = await client.WalkPagesAsync(server.BaseAddress, "/v1/search?offset=0&limit=10&q=love&type=album", "/search", b => b.GetProperty("albums"));

        Assert.Equal(items.Count, items.Select(i => i.Str("id")).Distinct().Count());
    }

    [Fact]
    public async Task Shows_episodes_and_audiobooks_are_found_by_name_and_by_their_publisher_show_or_author()
    {
        var catalog = await server.CatalogAsync();
        var show = catalog.Shows.Values.OrderBy(s => s.Id, StringComparer.Ordinal).First();
        var book = catalog.Audiobooks.Values.OrderBy(b => b.Id, StringComparer.Ordinal).First();

        Assert.Contains(show.Id, (await server.SearchAsync($"\"{show.Name}\"", "show")).GetProperty("shows").Ids());
        Assert.Contains(show.Id, (await server.SearchAsync($"\"{show.Publisher}\"", "show", "&limit=10")).GetProperty("shows").Ids());
        var episodes = (await server.SearchAsync($"\"{show.Name}\"", "episode", "&limit=10")).GetProperty("episodes");
        Assert.Equal(show.Episodes.Length, episodes.Int("total"));
        Assert.Contains(book.Id, (await server.SearchAsync($"\"{book.Authors[0]}\"", "audiobook", "&limit=10")).GetProperty("audiobooks").Ids());
    }

    private async Task<List<CatalogTrack>> AllTrackHitsAsync(string q) => await AllHitsAsync(q, "track", (await server.CatalogAsync()).Tracks);

    /// <summary>Every hit of a query for one type, in order, following the pages up to Spotify's offset limit.</summary>
    private async Task<List<T>> AllHitsAsync<T>(string q, string type, IReadOnlyDictionary<string, T> items)
    {
        var hits = new List<T>();
        for (var offset = 0; offset <= 1000; offset += 10)
        {
            var paging = (await server.SearchAsync(q, type, $"&limit=10&offset={offset}")).GetProperty(type + "s");
            hits.AddRange(paging.Ids().Select(id => items[id]));
            if (paging.GetProperty("next").ValueKind == System.Text.Json.JsonValueKind.Null)
            {
                Assert.Equal(paging.Int("total"), hits.Count);
                break;
            }
        }
        return hits;
    }

    private static List<string> AllWords(CatalogTrack t) =>
        SearchAnalyzer.Words($"{t.Name} {t.Album.Name} {string.Join(' ', t.Artists.Select(a => a.Name))}");
}
