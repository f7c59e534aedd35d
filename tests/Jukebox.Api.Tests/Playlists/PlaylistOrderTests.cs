using Jukebox.Api.Catalog;
using Jukebox.Api.Http;
using Jukebox.Api.Playlists;
using Jukebox.Data;
using Jukebox.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Jukebox.Api.Tests.Playlists;

/// <summary>
/// Each node keeps playlists' item orders by version; a change made elsewhere (another node on the
/// same database) makes a new version, which this node reads afresh.
/// </summary>
[Collection(PlaylistServer.Name)]
public sealed class PlaylistOrderTests(JukeboxTestServer server)
{
    [Fact]
    public async Task Changes_made_by_another_node_are_seen_by_the_next_read_and_the_next_change_here()
    {
        var uris = (await server.CatalogAsync()).TrackUris(8);
        using var owner = await PlaylistUser.CreateAsync(server);
        var id = await owner.CreatePlaylistAsync();
        await owner.AddAsync(id, uris[..5]);
        Assert.Equal(uris[..5], await owner.UrisAsync(id));

        // The other node moves the first item to the end, then adds one in the middle.
        await OnAnotherNodeAsync(owner, editor => editor.ReorderAsync(id, CallerOf(owner), 0, 5, 1, null, CancellationToken.None));
        await OnAnotherNodeAsync(owner, editor => editor.AddAsync(id, CallerOf(owner), [uris[5]], 2, CancellationToken.None));
        string[] expected = [uris[1], uris[2], uris[5], uris[3], uris[4], uris[0]];
        Assert.Equal(expected, await owner.UrisAsync(id));
        Assert.Equal(expected[3..], await PageAsync(owner, id, offset: 3));

        // This node's changes start from the other node's state.
        using (var remove = await owner.Client.SendJsonAsync(HttpMethod.Delete, $"/v1/playlists/{id}/items", new { positions = new[] { 2 } }))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, remove.StatusCode);
        }
        await owner.AddAsync(id, [uris[6]], position: 4);
        using (var move = await owner.Client.SendJsonAsync(HttpMethod.Put, $"/v1/playlists/{id}/items", new { range_start = 4, insert_before = 0 }))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, move.StatusCode);
        }
        expected = [uris[6], uris[1], uris[2], uris[3], uris[4], uris[0]];
        Assert.Equal(expected, await owner.UrisAsync(id));

        // And the other node, whose own order is now old, sees them too when it changes the playlist.
        await OnAnotherNodeAsync(owner, editor => editor.AddAsync(id, CallerOf(owner), [uris[7]], 1, CancellationToken.None));
        Assert.Equal([uris[6], uris[7], uris[1], uris[2], uris[3], uris[4], uris[0]], await owner.UrisAsync(id));
    }

    [Fact]
    public void An_order_follows_inserts_removals_and_moves()
    {
        var order = new PlaylistOrder(1, [10, 11, 12, 13, 14], [100, 200, 300, 400, 500]);

        var inserted = order.Insert(2, [20, 21], [210, 220]);
        Assert.Equal([10, 11, 20, 21, 12, 13, 14], Ids(inserted));
        Assert.Equal(4, inserted.IndexOfKey(300));
        Assert.Equal(2, inserted.IndexOfKey(205));

        Assert.Equal([11, 13], Ids(order.Remove([0, 2, 4])));
        Assert.Equal([11, 12, 13, 10, 14], Ids(order.Move([0], 3, [450])));
        Assert.Equal([1, 2, 3, 4, 5], Enumerable.Range(0, 5).Select(i => order.Renumbered().KeyAt(i) / PlaylistRanks.Spacing));
        Assert.Equal([10, 11, 12, 13, 14], Ids(order));
    }

    private static long[] Ids(PlaylistOrder order) => [.. Enumerable.Range(0, order.Count).Select(order.IdAt)];

    private static Caller CallerOf(PlaylistUser user) =>
        new(JukeboxTestServer.DemoClientId, user.Id, "US", "premium", new HashSet<string>(PlaylistUser.AllScopes));

    /// <summary>A change through an editor with an order cache of its own, as another node on the same database makes it.</summary>
    private async Task OnAnotherNodeAsync(PlaylistUser user, Func<PlaylistEditor, Task<string>> change)
    {
        using var scope = server.Services.CreateScope();
        var ranks = new PlaylistRanks(scope.ServiceProvider.GetRequiredService<JukeboxDbContext>(), OtherNode);
        await change(ActivatorUtilities.CreateInstance<PlaylistEditor>(scope.ServiceProvider, ranks));
    }

    private PlaylistOrders OtherNode { get; } = new();

    private static async Task<List<string>> PageAsync(PlaylistUser user, string id, int offset)
    {
        var page = await user.Client.GetPageWithLocalFilesAsync($"/v1/playlists/{id}/tracks?offset={offset}", "/playlists/{playlist_id}/tracks");
        return [.. page.Array().Select(i => i.GetProperty("track").Str("uri"))];
    }
}
