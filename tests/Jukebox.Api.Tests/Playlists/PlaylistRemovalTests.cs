using System.Net;
using Jukebox.Api.Tests.Http;
using Jukebox.Testing;

namespace Jukebox.Api.Tests.Playlists;

/// <summary>Removing items by uri and by position, on both the /tracks and the /items paths.</summary>
[Collection(PlaylistServer.Name)]
public sealed class PlaylistRemovalTests(JukeboxTestServer server)
{
    [Theory]
    [MemberData(nameof(PlaylistItemsTests.Paths), MemberType = typeof(PlaylistItemsTests))]
    public async Task Removing_by_uri_takes_every_occurrence(string path)
    {
        var uris = (await server.CatalogAsync()).TrackUris(3);
        using var user = await PlaylistUser.CreateAsync(server);
        var id = await user.CreatePlaylistAsync();
        await user.AddAsync(id, [uris[0], uris[1], uris[0], uris[2]]);

        using var response = await user.Client.SendJsonAsync(HttpMethod.Delete, $"/v1/playlists/{id}/{path}",
            new Dictionary<string, object> { [path] = new[] { new { uri = uris[0] } } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await SpotifySpec.AssertMatchesAsync(response, "DELETE", $"/playlists/{{playlist_id}}/{path}");
        Assert.Equal([uris[1], uris[2]], await user.UrisAsync(id));
    }

    [Fact]
    public async Task Removing_by_uri_and_position_takes_only_that_occurrence()
    {
        var uris = (await server.CatalogAsync()).TrackUris(2);
        using var user = await PlaylistUser.CreateAsync(server);
        var id = await user.CreatePlaylistAsync();
        var snapshot = await user.AddAsync(id, [uris[0], uris[1], uris[0]]);

        using var response = await user.Client.SendJsonAsync(HttpMethod.Delete, $"/v1/playlists/{id}/tracks",
            new { tracks = new[] { new { uri = uris[0], positions = new[] { 2 } } }, snapshot_id = snapshot });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(snapshot, (await response.JsonAsync()).Str("snapshot_id"));
        Assert.Equal([uris[0], uris[1]], await user.UrisAsync(id));
    }

    [Theory]
    [InlineData("{\"tracks\":[{\"uri\":\"{1}\",\"positions\":[0]}]}")]
    [InlineData("{\"tracks\":[{\"uri\":\"{0}\",\"positions\":[3]}]}")]
    [InlineData("{\"tracks\":[{\"uri\":\"{0}\",\"positions\":[-1]}]}")]
    [InlineData("{\"tracks\":[{\"uri\":\"{0}\",\"positions\":[0]},{\"uri\":\"{0}\",\"positions\":[1]}]}")]
    public async Task A_uri_that_is_not_at_the_position_given_is_400_and_nothing_is_removed(string template)
    {
        var uris = (await server.CatalogAsync()).TrackUris(2);
        using var user = await PlaylistUser.CreateAsync(server);
        var id = await user.CreatePlaylistAsync();
        await user.AddAsync(id, [uris[0], uris[1], uris[0]]);

        using var response = await user.Client.SendRawAsync(HttpMethod.Delete, $"/v1/playlists/{id}/tracks",
            template.Replace("{0}", uris[0], StringComparison.Ordinal).Replace("{1}", uris[1], StringComparison.Ordinal));

        await ErrorAssert.IsAsync(response, 400, "Could not remove tracks, please check parameters.");
        Assert.Equal([uris[0], uris[1], uris[0]], await user.UrisAsync(id));
    }

    [Theory]
    [InlineData("", "Missing tracks")]
    [InlineData("{}", "Missing tracks")]
    [InlineData("{\"tracks\":[{}]}", "Invalid track uri: ")]
    [InlineData("{\"tracks\":[{\"uri\":\"spotify:local:A:B:C:1\"}]}", "Local files can only be removed by position")]
    [InlineData("{\"tracks\":", "Malformed json")]
    public async Task Bad_removals_are_400(string body, string message)
    {
        using var user = await PlaylistUser.CreateAsync(server);
        var id = await user.CreatePlaylistAsync();

        using var response = await user.Client.SendRawAsync(HttpMethod.Delete, $"/v1/playlists/{id}/tracks", body);

        await ErrorAssert.IsAsync(response, 400, message);
    }

    [Fact]
    public async Task At_most_100_items_are_removed_per_request()
    {
        var uris = (await server.CatalogAsync()).TrackUris(101);
        using var user = await PlaylistUser.CreateAsync(server);
        var id = await user.CreatePlaylistAsync();
        await user.AddAsync(id, uris[..100]);

        using var tooMany = await user.Client.SendJsonAsync(HttpMethod.Delete, $"/v1/playlists/{id}/items", new { items = uris.Select(u => new { uri = u }) });
        using var hundred = await user.Client.SendJsonAsync(HttpMethod.Delete, $"/v1/playlists/{id}/items", new { items = uris[..100].Select(u => new { uri = u }) });

        await ErrorAssert.IsAsync(tooMany, 400, "You can remove a maximum of 100 tracks per request.");
        Assert.Equal(HttpStatusCode.OK, hundred.StatusCode);
        Assert.Empty(await user.UrisAsync(id));
    }
}
