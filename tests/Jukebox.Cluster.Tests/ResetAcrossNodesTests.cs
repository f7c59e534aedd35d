using System.Net;
using Jukebox.Testing;

namespace Jukebox.Cluster.Tests;

/// <summary>A sandbox reset on one node is seen at once on the other: their caches of user data are reloaded too.</summary>
[Trait("Category", "Redis")]
public sealed class ResetAcrossNodesTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    [Fact]
    public async Task A_reset_on_one_node_empties_what_the_other_node_keeps_of_user_data()
    {
        var (_, token) = await TwoNodes.NewUserAsync(nodes.A, "user-follow-modify", "playlist-modify-public");
        var appToken = await nodes.B.NewClientTokenAsync();
        var artistId = (await nodes.A.CatalogAsync()).Artists.Keys.Order(StringComparer.Ordinal).Skip(5).First();
        var followers = await nodes.B.ArtistFollowersAsync(appToken, artistId);
        await nodes.A.FollowArtistAsync(token, artistId);
        var playlistId = await nodes.A.CreatePlaylistAsync(token, "Quokkareset songs");
        await Eventually.HoldsAsync(async () => await nodes.B.ArtistFollowersAsync(appToken, artistId) == followers + 1, "B counts the follow");
        await Eventually.HoldsAsync(async () => (await nodes.B.PlaylistsFoundAsync(appToken, "Quokkareset")).Contains(playlistId), "B finds the playlist");

        using var sandbox = nodes.A.CreateClient();
        using var reset = await sandbox.PostAsync("/sandbox/reset", null);

        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        await Eventually.HoldsAsync(async () => await nodes.B.ArtistFollowersAsync(appToken, artistId) == followers, "B's count is back", seconds: 10);
        await Eventually.HoldsAsync(async () => (await nodes.B.PlaylistsFoundAsync(appToken, "Quokkareset")).Count == 0, "B no longer finds the playlist", seconds: 10);
        using var me = nodes.B.CreateClient(token);
        Assert.Equal(HttpStatusCode.NotFound, (await me.GetAsync($"/v1/playlists/{playlistId}")).StatusCode);
    }
}
