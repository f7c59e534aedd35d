using Jukebox.Api.Catalog;
using Jukebox.Data;
using Jukebox.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jukebox.Api.Tests.Artists;

[Collection(CatalogServer.Name)]
public sealed class ArtistsTests(JukeboxTestServer server)
{
    /// <summary>How many of the server's users follow the artist (added to the catalog's own figure).</summary>
    private async Task<long> FollowsAsync(string artistId)
    {
        await using var scope = server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<JukeboxDbContext>().ArtistFollows.LongCountAsync(f => f.ArtistId == artistId);
    }

    [Fact]
    public async Task An_artist_is_served_as_the_spec_describes_it()
    {
        var artist = Routes.ArtistWithMostAlbums(await server.CatalogAsync());
        using var client = await server.CreateAppClientAsync();

        var body = await client.GetOkAsync($"/v1/artists/{artist.Id}", "/artists/{id}");

        Assert.Equal(artist.Id, body.Str("id"));
        Assert.Equal(artist.Name, body.Str("name"));
        Assert.Equal("artist", body.Str("type"));
        Assert.Equal($"spotify:artist:{artist.Id}", body.Str("uri"));
        Assert.Equal($"{server.BaseAddress}v1/artists/{artist.Id}", body.Str("href"));
        Assert.Equal(artist.Genres, body.Strings("genres"));
        Assert.Equal(artist.Popularity, body.Int("popularity"));
        Assert.Equal(artist.Followers + await FollowsAsync(artist.Id), body.GetProperty("followers").GetProperty("total").GetInt64());
        Assert.Equal([640, 300, 64], body.Array("images").Select(i => i.Int("width")));
    }

    [Fact]
    public async Task Several_artists_come_back_in_request_order()
    {
        var ids = (await server.CatalogAsync()).Artists.Keys.Order(StringComparer.Ordinal).Take(4).Reverse().ToList();
        using var client = await server.CreateAppClientAsync();

        var body = await client.GetOkAsync($"/v1/artists?ids={string.Join(',', ids)}", "/artists", nullableItemsOf: "artists");

        Assert.Equal(ids, body.Ids("artists"));
    }

    [Fact]
    public async Task Related_artists_share_a_genre_with_the_artist_and_never_include_it()
    {
        var catalog = await server.CatalogAsync();
        var artist = Routes.ArtistWithMostAlbums(catalog);
        using var client = await server.CreateAppClientAsync();

        var body = await client.GetOkAsync($"/v1/artists/{artist.Id}/related-artists", "/artists/{id}/related-artists", nullableItemsOf: "artists");

        var related = body.Ids("artists");
        Assert.InRange(related.Count, 1, 20);
        Assert.DoesNotContain(artist.Id, related);
        Assert.Equal(related.Count, related.Distinct().Count());
        Assert.All(related, id => Assert.True(catalog.Artists[id].Genres.Intersect(artist.Genres).Any()));
    }

    [Fact]
    public async Task An_artist_without_genres_has_no_related_artists()
    {
        var artist = (await server.CatalogAsync()).Artists.Values.OrderBy(a => a.Id, StringComparer.Ordinal).First(a => a.Genres.Count == 0);
        using var client = await server.CreateAppClientAsync();

        var body = await client.GetOkAsync($"/v1/artists/{artist.Id}/related-artists", "/artists/{id}/related-artists", nullableItemsOf: "artists");

        Assert.Empty(body.Array("artists"));
    }

    [Fact]
    public async Task Top_tracks_are_the_artists_most_popular_playable_tracks()
    {
        var artist = Routes.ArtistWithMostAlbums(await server.CatalogAsync());
        using var client = await server.CreateAppClientAsync();

        var body = await client.GetOkAsync($"/v1/artists/{artist.Id}/top-tracks?market=SE", "/artists/{id}/top-tracks");

        var tracks = body.Array("tracks");
        Assert.Equal(10, tracks.Count);
        Assert.All(tracks, t =>
        {
            Assert.Contains(artist.Id, t.Ids("artists"));
            Assert.True(t.GetProperty("is_playable").GetBoolean());
        });
        var popularity = tracks.Select(t => t.Int("popularity")).ToList();
        Assert.Equal(popularity.OrderDescending(), popularity);
        var isrcs = tracks.Select(t => t.GetProperty("external_ids").Str("isrc")).ToHashSet();
        var left = artist.Tracks.Where(t => t.Markets.Contains("SE") && !isrcs.Contains(t.Isrc)).ToList();
        Assert.NotEmpty(left);
        Assert.All(left, t => Assert.True(t.Popularity <= popularity[^1], $"{t.Name} ({t.Popularity}) is more popular than the last top track ({popularity[^1]})."));
    }

    [Fact]
    public async Task Top_tracks_in_a_market_leave_out_tracks_not_playable_there()
    {
        var catalog = await server.CatalogAsync();
        var album = catalog.AlbumUnavailableInJapan();
        var artist = album.Artists[0];
        using var client = await server.CreateAppClientAsync();

        var body = await client.GetOkAsync($"/v1/artists/{artist.Id}/top-tracks?market=JP", "/artists/{id}/top-tracks");

        var ids = body.Ids("tracks");
        Assert.DoesNotContain(ids, id => album.Tracks.Any(t => t.Id == id));
        Assert.Equal(Math.Min(10, artist.Tracks.Count(t => t.Markets.Contains("JP"))), ids.Count);
        Assert.All(body.Array("tracks"), t => Assert.True(t.GetProperty("is_playable").GetBoolean()));
    }

    [Fact]
    public async Task Top_tracks_name_each_recording_once_even_when_it_was_released_twice()
    {
        var catalog = await server.CatalogAsync();
        var artists = catalog.Artists.Values.Where(a => a.Tracks.Take(20).Any(t => t.OtherInstances.Length > 0)).ToList();
        Assert.NotEmpty(artists);
        using var client = await server.CreateAppClientAsync();

        foreach (var artist in artists)
        {
            foreach (var market in new[] { "US", "DE" })
            {
                var tracks = (await client.GetOkAsync($"/v1/artists/{artist.Id}/top-tracks?market={market}", "/artists/{id}/top-tracks")).Array("tracks");
                var isrcs = tracks.Select(t => t.GetProperty("external_ids").Str("isrc")).ToList();
                Assert.True(isrcs.Count == isrcs.Distinct().Count(), $"{artist.Name} in {market}: {string.Join(", ", isrcs)}");
                Assert.Equal(Math.Min(10, artist.Tracks.Select(t => t.Isrc).Distinct().Count()), tracks.Count);
            }
        }
    }
}
