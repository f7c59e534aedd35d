using System.Text.Json;
using Jukebox.Api.Tracks;
using Jukebox.Data;
using Jukebox.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Jukebox.Api.Tests.Recommendations;

[Collection(CatalogServer.Name)]
public sealed class RecommendationsTests(JukeboxTestServer server)
{
    [Fact]
    public async Task Min_and_max_filter_on_several_attributes_at_once()
    {
        var body = await RecommendAsync("seed_genres=rock,metal&limit=100&min_energy=0.6&max_energy=0.9&min_danceability=0.5&max_tempo=140&min_popularity=30&max_mode=0");

        var tracks = body.Array("tracks");
        Assert.NotEmpty(tracks);
        var features = await FeaturesAsync(tracks);
        Assert.All(tracks.Zip(features), x =>
        {
            Assert.InRange(x.Second.GetProperty("energy").GetDouble(), 0.6, 0.9);
            Assert.True(x.Second.GetProperty("danceability").GetDouble() >= 0.5);
            Assert.True(x.Second.GetProperty("tempo").GetDouble() <= 140);
            Assert.Equal(0, x.Second.Int("mode"));
            Assert.True(x.First.Int("popularity") >= 30);
        });
        var seeds = body.Array("seeds");
        Assert.All(seeds, s => Assert.True(s.Int("initialPoolSize") > s.Int("afterFilteringSize") && s.Int("afterFilteringSize") >= s.Int("afterRelinkingSize")));
    }

    [Fact]
    public async Task Targets_order_the_tracks_from_the_closest()
    {
        var body = await RecommendAsync("seed_genres=jazz,blues&limit=30&target_valence=0.2&target_acousticness=0.8");

        var features = await FeaturesAsync(body.Array("tracks"));
        var distances = features.Select(f => Math.Pow(f.GetProperty("valence").GetDouble() - 0.2, 2) + Math.Pow(f.GetProperty("acousticness").GetDouble() - 0.8, 2)).ToList();
        Assert.Equal(30, distances.Count);
        Assert.Equal(distances.Order(), distances);
        var untargeted = await FeaturesAsync((await RecommendAsync("seed_genres=jazz,blues&limit=30")).Array("tracks"));
        Assert.True(features.Average(f => f.GetProperty("valence").GetDouble()) < untargeted.Average(f => f.GetProperty("valence").GetDouble()));
    }

    [Fact]
    public async Task Seeds_report_their_pools_and_the_tracks_come_from_them()
    {
        var catalog = await server.CatalogAsync();
        var artist = Routes.ArtistWithMostAlbums(catalog);
        var track = catalog.PlainAlbum().Tracks[0];

        var body = await RecommendAsync($"seed_artists={artist.Id}&seed_tracks={track.Id}&seed_genres=jazz&limit=100&market=SE");

        var seeds = body.Array("seeds");
        Assert.Equal(["artist", "track", "genre"], seeds.Select(s => s.Str("type")));
        Assert.Equal([artist.Id, track.Id, "jazz"], seeds.Select(s => s.Str("id")));
        Assert.Equal($"{server.BaseAddress}v1/artists/{artist.Id}", seeds[0].Str("href"));
        Assert.Equal(JsonValueKind.Null, seeds[2].GetProperty("href").ValueKind);
        Assert.All(seeds, s => Assert.True(s.Int("initialPoolSize") > 0));
        var tracks = body.Array("tracks");
        Assert.Equal(Math.Min(100, seeds.Sum(s => s.Int("afterRelinkingSize"))), tracks.Count, (a, b) => a >= b || b <= 100);
        Assert.DoesNotContain(track.Id, tracks.Select(t => t.Str("id")));
        Assert.All(tracks, t => Assert.True(t.GetProperty("is_playable").GetBoolean()));
    }

    [Fact]
    public async Task A_market_leaves_out_what_cannot_be_played_there()
    {
        var catalog = await server.CatalogAsync();
        var album = catalog.AlbumUnavailableInJapan();

        var everywhere = await RecommendAsync($"seed_artists={album.Artists[0].Id}&limit=100");
        var japan = await RecommendAsync($"seed_artists={album.Artists[0].Id}&limit=100&market=JP");

        Assert.Equal(everywhere.Array("seeds")[0].Int("afterFilteringSize"), everywhere.Array("seeds")[0].Int("afterRelinkingSize"));
        Assert.All(japan.Array("tracks"), t => Assert.True(t.GetProperty("is_playable").GetBoolean()));
        Assert.DoesNotContain(japan.Array("tracks"), t => album.Tracks.Any(a => a.Id == t.Str("id")));
        Assert.True(japan.Array("seeds")[0].Int("afterRelinkingSize") < japan.Array("seeds")[0].Int("afterFilteringSize"));
    }

    [Theory]
    [InlineData("limit=10")]
    [InlineData("seed_genres=rock,jazz,pop,blues,metal,soul")]
    [InlineData("seed_genres=rock,jazz,pop&seed_artists={artist},{artist},{artist}")]
    [InlineData("seed_genres=not-a-genre")]
    [InlineData("seed_genres=rock&min_energy=1.5")]
    [InlineData("seed_genres=rock&target_key=12")]
    [InlineData("seed_genres=rock&max_popularity=high")]
    [InlineData("seed_genres=rock&min_mode=0.5")]
    public async Task Seed_counts_and_attribute_values_out_of_bounds_are_refused(string parameters)
    {
        var artist = Routes.ArtistWithMostAlbums(await server.CatalogAsync()).Id;
        using var client = await server.CreateAppClientAsync();

        await client.AssertBadRequestAsync("/v1/recommendations?" + parameters.Replace("{artist}", artist, StringComparison.Ordinal), "invalid request");
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(100, true)]
    [InlineData(101, false)]
    public async Task The_limit_goes_from_1_to_100(int limit, bool accepted)
    {
        using var client = await server.CreateAppClientAsync();
        var url = $"/v1/recommendations?seed_genres=rock,pop,jazz,metal,blues&limit={limit}";

        if (accepted)
        {
            await server.Services.GetRequiredService<AudioFeatureStore>().ForAsync(await server.CatalogAsync());
            Assert.Equal(limit, (await GetRecommendationsAsync(client, url)).Array("tracks").Count);
        }
        else
        {
            await client.AssertBadRequestAsync(url, "Invalid limit");
        }
    }

    [Fact]
    public async Task Every_available_genre_seed_is_accepted_as_a_seed()
    {
        using var client = await server.CreateAppClientAsync();
        var genres = (await client.GetOkAsync("/v1/recommendations/available-genre-seeds", "/recommendations/available-genre-seeds")).Strings("genres");

        Assert.Equal(GenreSeeds.All, genres);
        foreach (var chunk in genres.Chunk(5))
        {
            var seeds = (await RecommendAsync($"seed_genres={string.Join(',', chunk)}&limit=1")).Array("seeds");
            Assert.Equal(chunk, seeds.Select(s => s.Str("id")));
        }
    }

    private async Task<JsonElement> RecommendAsync(string parameters)
    {
        await server.Services.GetRequiredService<AudioFeatureStore>().ForAsync(await server.CatalogAsync());
        using var client = await server.CreateAppClientAsync();
        return await GetRecommendationsAsync(client, "/v1/recommendations?" + parameters);
    }

    /// <summary>
    /// GETs recommendations and validates them against the spec. A genre seed's href is null, as the
    /// spec's own description says and Spotify sends, although its schema types href as a string;
    /// those nulls are left out of the validation and asserted by the tests.
    /// </summary>
    private static async Task<JsonElement> GetRecommendationsAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}: {body}");
        var node = System.Text.Json.Nodes.JsonNode.Parse(body)!;
        foreach (var seed in node["seeds"]!.AsArray())
        {
            if (seed!["href"] is null)
            {
                seed.AsObject().Remove("href");
            }
        }
        using var checkable = new HttpResponseMessage(response.StatusCode) { Content = new StringContent(node.ToJsonString()) };
        await SpotifySpec.AssertMatchesAsync(checkable, "GET", "/recommendations");
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    private async Task<List<JsonElement>> FeaturesAsync(List<JsonElement> tracks)
    {
        using var client = await server.CreateAppClientAsync();
        var body = await client.GetOkAsync($"/v1/audio-features?ids={string.Join(',', tracks.Select(t => t.Str("id")))}", "/audio-features");
        return body.Array("audio_features");
    }
}
