using Jukebox.Testing;

namespace Jukebox.Api.Tests.Tracks;

/// <summary>Market handling of tracks as the Track Relinking concept page describes it.</summary>
[Collection(CatalogServer.Name)]
public sealed class TrackRelinkingTests(JukeboxTestServer server)
{
    [Fact]
    public async Task With_a_market_a_track_carries_is_playable_instead_of_available_markets()
    {
        var track = (await server.CatalogAsync()).PlainAlbum().Tracks[0];
        using var client = await server.CreateAppClientAsync();

        var body = await client.GetOkAsync($"/v1/tracks/{track.Id}?market=JP", "/tracks/{id}");

        Assert.Equal(track.Id, body.Str("id"));
        Assert.True(body.GetProperty("is_playable").GetBoolean());
        Assert.False(body.Has("available_markets"));
        Assert.False(body.Has("linked_from"));
        Assert.False(body.Has("restrictions"));
        Assert.True(body.GetProperty("album").GetProperty("is_playable").GetBoolean());
    }

    [Fact]
    public async Task A_relinked_track_names_the_original_in_linked_from()
    {
        var original = (await server.CatalogAsync()).AlbumRelinkedInUs().Tracks[0];
        var instance = original.InstanceIn("US");
        using var client = await server.CreateAppClientAsync();

        var body = await client.GetOkAsync($"/v1/tracks/{original.Id}?market=US", "/tracks/{id}");

        Assert.Equal(instance.Id, body.Str("id"));
        Assert.Equal($"spotify:track:{instance.Id}", body.Str("uri"));
        Assert.Equal($"{server.BaseAddress}v1/tracks/{instance.Id}", body.Str("href"));
        Assert.Equal(instance.Album.Id, body.GetProperty("album").Str("id"));
        Assert.Equal(original.Isrc, body.GetProperty("external_ids").Str("isrc"));
        Assert.True(body.GetProperty("is_playable").GetBoolean());
        Assert.False(body.Has("restrictions"));
        var linkedFrom = body.GetProperty("linked_from");
        Assert.Equal(original.Id, linkedFrom.Str("id"));
        Assert.Equal("track", linkedFrom.Str("type"));
        Assert.Equal($"spotify:track:{original.Id}", linkedFrom.Str("uri"));
        Assert.Equal($"{server.BaseAddress}v1/tracks/{original.Id}", linkedFrom.Str("href"));
    }

    [Fact]
    public async Task A_track_playable_in_the_market_is_not_relinked()
    {
        var original = (await server.CatalogAsync()).AlbumRelinkedInUs().Tracks[0];
        using var client = await server.CreateAppClientAsync();

        var body = await client.GetOkAsync($"/v1/tracks/{original.Id}?market=DE", "/tracks/{id}");

        Assert.Equal(original.Id, body.Str("id"));
        Assert.True(body.GetProperty("is_playable").GetBoolean());
        Assert.False(body.Has("linked_from"));
    }

    [Fact]
    public async Task Without_a_market_a_track_is_never_relinked_and_lists_its_markets()
    {
        var original = (await server.CatalogAsync()).AlbumRelinkedInUs().Tracks[0];
        using var client = await server.CreateAppClientAsync();

        var body = await client.GetOkAsync($"/v1/tracks/{original.Id}", "/tracks/{id}");

        Assert.Equal(original.Id, body.Str("id"));
        Assert.DoesNotContain("US", body.Strings("available_markets"));
        Assert.False(body.Has("is_playable"));
        Assert.False(body.Has("linked_from"));
    }

    [Fact]
    public async Task A_track_with_no_instance_in_the_market_is_not_playable_for_reason_market()
    {
        var track = (await server.CatalogAsync()).TrackWithdrawnInGermany();
        using var client = await server.CreateAppClientAsync();

        var body = await client.GetOkAsync($"/v1/tracks/{track.Id}?market=DE", "/tracks/{id}");

        Assert.Equal(track.Id, body.Str("id"));
        Assert.False(body.GetProperty("is_playable").GetBoolean());
        Assert.Equal("market", body.GetProperty("restrictions").Str("reason"));
        Assert.False(body.Has("linked_from"));
        Assert.False(body.Has("available_markets"));
    }

    [Fact]
    public async Task Several_tracks_are_each_relinked_or_restricted_in_the_market()
    {
        var catalog = await server.CatalogAsync();
        var relinked = catalog.AlbumRelinkedInUs().Tracks[0];
        var unplayable = catalog.AlbumUnavailableInJapan().Tracks[0];
        var plain = catalog.PlainAlbum().Tracks[0];
        using var client = await server.CreateAppClientAsync();

        var usBody = await client.GetOkAsync($"/v1/tracks?ids={relinked.Id},{plain.Id}&market=US", "/tracks", nullableItemsOf: "tracks");
        var jpBody = await client.GetOkAsync($"/v1/tracks?ids={unplayable.Id},{plain.Id}&market=JP", "/tracks", nullableItemsOf: "tracks");

        var us = usBody.Array("tracks");
        Assert.Equal([relinked.InstanceIn("US").Id, plain.Id], us.Select(t => t.Str("id")));
        Assert.Equal(relinked.Id, us[0].GetProperty("linked_from").Str("id"));
        Assert.False(us[1].Has("linked_from"));
        var jp = jpBody.Array("tracks");
        Assert.Equal([false, true], jp.Select(t => t.GetProperty("is_playable").GetBoolean()));
        Assert.Equal("market", jp[0].GetProperty("restrictions").Str("reason"));
        Assert.False(jp[1].Has("restrictions"));
    }
}
