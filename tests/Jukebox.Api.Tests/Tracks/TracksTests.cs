using System.Net;
using System.Text.Json;
using Jukebox.Testing;

namespace Jukebox.Api.Tests.Tracks;

[Collection(CatalogServer.Name)]
public sealed class TracksTests(JukeboxTestServer server)
{
    [Fact]
    public async Task A_track_is_served_as_the_spec_describes_it()
    {
        var catalog = await server.CatalogAsync();
        var track = catalog.Tracks.Values.First(t => t.OtherInstances.Length == 0);
        using var client = await server.CreateAppClientAsync();

        using var response = await client.GetAsync($"/v1/tracks/{track.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await SpotifySpec.AssertMatchesAsync(response, "GET", "/tracks/{id}");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(track.Name, body.RootElement.GetProperty("name").GetString());
        Assert.Equal($"spotify:track:{track.Id}", body.RootElement.GetProperty("uri").GetString());
        Assert.Equal($"{server.BaseAddress}v1/tracks/{track.Id}", body.RootElement.GetProperty("href").GetString());
        Assert.True(body.RootElement.TryGetProperty("available_markets", out _));
        Assert.False(body.RootElement.TryGetProperty("is_playable", out _));
    }

    [Fact]
    public async Task Several_tracks_come_back_in_request_order_with_null_for_unknown_ids()
    {
        var ids = (await server.CatalogAsync()).Tracks.Keys.Take(2).ToList();
        using var client = await server.CreateAppClientAsync();

        using var response = await client.GetAsync($"/v1/tracks?ids={ids[0]},0000000000000000000000,{ids[1]}");

        await SpotifySpec.AssertMatchesAsync(response, "GET", "/tracks", nullableItemsOf: "tracks");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var tracks = body.RootElement.GetProperty("tracks");
        Assert.Equal(3, tracks.GetArrayLength());
        Assert.Equal(ids[0], tracks[0].GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, tracks[1].ValueKind);
        Assert.Equal(ids[1], tracks[2].GetProperty("id").GetString());
    }
}
