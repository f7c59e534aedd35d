using Jukebox.Testing;

namespace Jukebox.Api.Tests.Albums;

[Collection(CatalogServer.Name)]
public sealed class AlbumsTests(JukeboxTestServer server)
{
    [Fact]
    public async Task An_album_is_served_as_the_spec_describes_it()
    {
        var album = (await server.CatalogAsync()).PlainAlbum();
        using var client = await server.CreateAppClientAsync();

        var body = await client.GetOkAsync($"/v1/albums/{album.Id}", "/albums/{id}");

        Assert.Equal(album.Id, body.Str("id"));
        Assert.Equal(album.Name, body.Str("name"));
        Assert.Equal("album", body.Str("type"));
        Assert.Equal(album.AlbumType, body.Str("album_type"));
        Assert.Equal($"spotify:album:{album.Id}", body.Str("uri"));
        Assert.Equal($"{server.BaseAddress}v1/albums/{album.Id}", body.Str("href"));
        Assert.Equal(album.ReleaseDate, body.Str("release_date"));
        Assert.Equal(album.Upc, body.GetProperty("external_ids").Str("upc"));
        Assert.Equal(album.Artists.Select(a => a.Id), body.Ids("artists"));
        Assert.Equal(album.Markets.Codes, body.Strings("available_markets"));
        Assert.False(body.Has("is_playable"));
        Assert.Equal(album.Tracks.Length, body.Int("total_tracks"));
        var tracks = body.GetProperty("tracks");
        Assert.Equal(album.Tracks.Select(t => t.Id), tracks.Ids());
        Assert.Equal(album.Tracks.Length, tracks.Int("total"));
        Assert.Equal($"{server.BaseAddress}v1/albums/{album.Id}/tracks?offset=0&limit=50", tracks.Str("href"));
        Assert.All(tracks.Array(), t => Assert.True(t.Has("available_markets")));
    }

    [Fact]
    public async Task Several_albums_come_back_in_request_order()
    {
        var ids = (await server.CatalogAsync()).Albums.Keys.Order(StringComparer.Ordinal).Take(3).Reverse().ToList();
        using var client = await server.CreateAppClientAsync();

        var body = await client.GetOkAsync($"/v1/albums?ids={string.Join(',', ids)}", "/albums", nullableItemsOf: "albums");

        Assert.Equal(ids, body.Ids("albums"));
    }

    [Fact]
    public async Task An_album_embeds_its_first_fifty_tracks_and_links_to_the_rest()
    {
        var album = (await server.CatalogAsync()).LongestAlbum();
        Assert.True(album.Tracks.Length > 50, "The demo catalog has an album of more than fifty tracks.");
        using var client = await server.CreateAppClientAsync();

        var tracks = (await client.GetOkAsync($"/v1/albums/{album.Id}", "/albums/{id}")).GetProperty("tracks");
        Assert.Equal(album.Tracks.Take(50).Select(t => t.Id), tracks.Ids());
        var next = tracks.Str("next");
        Assert.Equal($"{server.BaseAddress}v1/albums/{album.Id}/tracks?offset=50&limit=50", next);

        var rest = await client.GetOkAsync(next, "/albums/{id}/tracks");
        Assert.Equal(album.Tracks.Skip(50).Select(t => t.Id), rest.Ids());
        Assert.Null(rest.GetProperty("next").GetString());
    }

    [Fact]
    public async Task Walking_an_albums_tracks_page_by_page_gives_every_track_once_in_album_order()
    {
        var album = (await server.CatalogAsync()).LongestAlbum();
        using var client = await server.CreateAppClientAsync();

        var items = await client.WalkPagesAsync(server.BaseAddress, $"/v1/albums/{album.Id}/tracks?offset=0&limit=7", "/albums/{id}/tracks");

        Assert.Equal(album.Tracks.Select(t => t.Id), items.Select(t => t.Str("id")));
        Assert.Equal(album.Tracks.Select(t => (t.DiscNumber, t.TrackNumber)), items.Select(t => (t.Int("disc_number"), t.Int("track_number"))));
    }

    [Fact]
    public async Task Paging_links_keep_the_market_the_request_named()
    {
        var album = (await server.CatalogAsync()).LongestAlbum();
        using var client = await server.CreateAppClientAsync();

        var items = await client.WalkPagesAsync(server.BaseAddress, $"/v1/albums/{album.Id}/tracks?offset=0&limit=20&market=SE", "/albums/{id}/tracks");

        Assert.Equal(album.Tracks.Length, items.Count);
        Assert.All(items, t => Assert.True(t.GetProperty("is_playable").GetBoolean()));
    }

    [Fact]
    public async Task With_a_market_an_albums_tracks_carry_is_playable_instead_of_available_markets()
    {
        var album = (await server.CatalogAsync()).PlainAlbum();
        using var client = await server.CreateAppClientAsync();

        var body = await client.GetOkAsync($"/v1/albums/{album.Id}?market=JP", "/albums/{id}");

        Assert.True(body.GetProperty("is_playable").GetBoolean());
        Assert.False(body.Has("restrictions"));
        Assert.Equal($"{server.BaseAddress}v1/albums/{album.Id}/tracks?offset=0&limit=50&market=JP", body.GetProperty("tracks").Str("href"));
        Assert.All(body.GetProperty("tracks").Array(), t =>
        {
            Assert.True(t.GetProperty("is_playable").GetBoolean());
            Assert.False(t.Has("available_markets"));
            Assert.False(t.Has("linked_from"));
        });
    }

    [Fact]
    public async Task An_album_unavailable_in_the_market_and_its_tracks_are_not_playable_there()
    {
        var album = (await server.CatalogAsync()).AlbumUnavailableInJapan();
        using var client = await server.CreateAppClientAsync();

        var body = await client.GetOkAsync($"/v1/albums/{album.Id}?market=JP", "/albums/{id}");

        Assert.False(body.GetProperty("is_playable").GetBoolean());
        Assert.Equal("market", body.GetProperty("restrictions").Str("reason"));
        Assert.All(body.GetProperty("tracks").Array(), t =>
        {
            Assert.False(t.GetProperty("is_playable").GetBoolean());
            Assert.Equal("market", t.GetProperty("restrictions").Str("reason"));
            Assert.False(t.Has("linked_from"));
        });
        Assert.Equal(album.Tracks.Select(t => t.Id), body.GetProperty("tracks").Ids());
    }

    [Fact]
    public async Task An_albums_tracks_are_relinked_to_the_instances_available_in_the_market()
    {
        var album = (await server.CatalogAsync()).AlbumRelinkedInUs();
        using var client = await server.CreateAppClientAsync();

        var page = await client.GetOkAsync($"/v1/albums/{album.Id}/tracks?market=US&limit=50", "/albums/{id}/tracks");

        var items = page.Array();
        Assert.Equal(album.Tracks.Length, items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var original = album.Tracks[i];
            Assert.Equal(original.InstanceIn("US").Id, items[i].Str("id"));
            Assert.Equal(original.Id, items[i].GetProperty("linked_from").Str("id"));
            Assert.True(items[i].GetProperty("is_playable").GetBoolean());
            Assert.False(items[i].Has("restrictions"));
        }
    }

    [Fact]
    public async Task The_same_album_in_a_market_where_it_is_available_is_not_relinked()
    {
        var album = (await server.CatalogAsync()).AlbumRelinkedInUs();
        using var client = await server.CreateAppClientAsync();

        var body = await client.GetOkAsync($"/v1/albums?ids={album.Id}&market=DE", "/albums", nullableItemsOf: "albums");

        var tracks = body.Array("albums").Single().GetProperty("tracks");
        Assert.Equal(album.Tracks.Select(t => t.Id), tracks.Ids());
        Assert.All(tracks.Array(), t => Assert.False(t.Has("linked_from")));
    }
}
