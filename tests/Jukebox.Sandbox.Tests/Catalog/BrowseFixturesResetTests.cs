using System.Net;
using Jukebox.Sandbox.Tests.State;
using Jukebox.Testing;

namespace Jukebox.Sandbox.Tests.Catalog;

/// <summary>
/// Categories and editorial playlists are catalog: a reset keeps them with their items and the
/// category's playlists, as it keeps the demo catalog's, and deletes only what users made of them.
/// </summary>
public sealed class BrowseFixturesResetTests(JukeboxTestServer server) : IClassFixture<JukeboxTestServer>
{
    private readonly FixtureCalls _calls = new(server);

    [Fact]
    public async Task A_reset_keeps_categories_and_editorial_playlists_and_drops_users_follows_of_them()
    {
        var artist = await _calls.ArtistAsync();
        var track = FixtureCalls.NewId();
        await _calls.AlbumAsync(artist, [FixtureCalls.Track(artist, "Kept", track)]);
        var playlist = await _calls.PlaylistAsync([$"spotify:track:{track}"]);
        var category = await _calls.CreateAsync("categories", new { name = "Survivors", playlists = new { items = new[] { new { id = playlist } } } });
        using (var demo = server.CreateClient(await UserScene.DemoTokenAsync(server)))
        {
            using var follow = await demo.PutAsync($"/v1/playlists/{playlist}/followers", FixtureCalls.JsonContent(new { @public = true }));
            Assert.True(follow.IsSuccessStatusCode);
        }
        var paths = new[] { $"/v1/browse/categories/{category}", $"/v1/browse/categories/{category}/playlists", $"/v1/playlists/{playlist}" };
        var before = await Task.WhenAll(paths.Select(_calls.GetAsync));
        Assert.Equal(1, before[2].Json.GetProperty("followers").GetProperty("total").GetInt32());

        var reset = await _calls.SendAsync(HttpMethod.Post, "/sandbox/reset", null);
        var after = await Task.WhenAll(paths.Select(_calls.GetAsync));

        Assert.Equal(HttpStatusCode.NoContent, reset.Status);
        Assert.Equal(before[0].Text, after[0].Text);
        Assert.Equal(before[1].Text, after[1].Text);
        Assert.Equal(before[2].Text.Replace("\"followers\":{\"href\":null,\"total\":1}", "\"followers\":{\"href\":null,\"total\":0}", StringComparison.Ordinal), after[2].Text);
        Assert.Equal(HttpStatusCode.NoContent, (await _calls.DeleteAsync("categories", category)).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await _calls.DeleteAsync("playlists", playlist)).Status);
    }
}
