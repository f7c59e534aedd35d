using Jukebox.Api.Catalog;
using Jukebox.Api.Http;
using Jukebox.Api.Playlists;
using Jukebox.Api.Playlists.Order;
using Jukebox.Data;
using Jukebox.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Jukebox.Api.Tests.Playlists.Order;

/// <summary>
/// Each node keeps playlists' item orders by version; a change made elsewhere (another node on the
/// same database) makes a new version, which this node reads afresh.
/// </summary>
[Collection(PlaylistServer.Name)]
public sealed class OrderCacheTests(JukeboxTestServer server)
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
        await OnAnotherNodeAsync(owner, editor => editor.ReorderAsync(id, CallerOf(owner), new ReorderRequest(0, 5, 1), null, CancellationToken.None));
        await OnAnotherNodeAsync(owner, editor => editor.AddAsync(id, CallerOf(owner), [Track(uris[5])], 2, CancellationToken.None));
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
        await OnAnotherNodeAsync(owner, editor => editor.AddAsync(id, CallerOf(owner), [Track(uris[7])], 1, CancellationToken.None));
        Assert.Equal([uris[6], uris[7], uris[1], uris[2], uris[3], uris[4], uris[0]], await owner.UrisAsync(id));
    }

    [Fact]
    public async Task A_change_waiting_for_the_lock_gets_the_order_the_committing_change_is_about_to_keep()
    {
        using var orders = new OrderCache();
        var committed = new ChunkedOrder(7, [1, 2], [10, 20], RowsOf([1, 2]));

        var handoff = orders.Expect("p", 7);
        var waiting = orders.HandedOverAsync("p", 7);
        Assert.False(waiting.IsCompleted);
        Assert.Null(await orders.HandedOverAsync("p", 6));
        handoff.Complete(committed);

        Assert.Same(committed, await waiting);
        Assert.Same(committed, orders.Find("p", 7));

        // A change that did not commit hands over nothing, and its waiters read the playlist themselves.
        var failed = orders.Expect("p", 8);
        var waitingForFailed = orders.HandedOverAsync("p", 8);
        failed.Complete(null);
        failed.Complete(new ChunkedOrder(8, [], [], []));
        Assert.Null(await waitingForFailed);
        Assert.Null(orders.Find("p", 8));
    }

    private static PlaylistItemRow[] RowsOf(long[] ids) => [.. ids.Select(id => new PlaylistItemRow($"t{id}", null, null, default, null))];

    private static PlaylistEntry Track(string uri) => new(uri["spotify:track:".Length..], null, null);

    private static Caller CallerOf(PlaylistUser user) =>
        new(JukeboxTestServer.DemoClientId, user.Id, "US", "premium", new HashSet<string>(PlaylistUser.AllScopes));

    /// <summary>A change through an editor with an order cache of its own, as another node on the same database makes it.</summary>
    private async Task OnAnotherNodeAsync(PlaylistUser user, Func<PlaylistEditor, Task<string>> change)
    {
        using var scope = server.Services.CreateScope();
        var orders = new OrderStore(scope.ServiceProvider.GetRequiredService<JukeboxDbContext>(), OtherNode, scope.ServiceProvider.GetRequiredService<CatalogStore>());
        var transaction = ActivatorUtilities.CreateInstance<ChangeTransaction>(scope.ServiceProvider, orders);
        await change(ActivatorUtilities.CreateInstance<PlaylistEditor>(scope.ServiceProvider, transaction, orders));
    }

    private OrderCache OtherNode { get; } = new();

    private static async Task<List<string>> PageAsync(PlaylistUser user, string id, int offset)
    {
        var page = await user.Client.GetPageWithLocalFilesAsync($"/v1/playlists/{id}/tracks?offset={offset}", "/playlists/{playlist_id}/tracks");
        return [.. page.Array().Select(i => i.GetProperty("track").Str("uri"))];
    }
}
