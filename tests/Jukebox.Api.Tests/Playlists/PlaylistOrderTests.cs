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
        var order = new PlaylistOrder(1, [10, 11, 12, 13, 14], [100, 200, 300, 400, 500], RowsOf([10, 11, 12, 13, 14]));

        var inserted = order.Insert(2, [20, 21], [210, 220], RowsOf([20, 21]));
        Assert.Equal([10, 11, 20, 21, 12, 13, 14], Ids(inserted));
        Assert.Equal(["t21", "t12", "t13"], inserted.Rows(3, 3).Select(r => r.TrackId));
        Assert.Equal(["t14"], inserted.Rows(6, 100).Select(r => r.TrackId));
        Assert.Equal(4, inserted.IndexOfKey(300));
        Assert.Equal(2, inserted.IndexOfKey(205));

        Assert.Equal([11, 13], Ids(order.Remove([0, 2, 4])));
        Assert.Equal([11, 12, 13, 10, 14], Ids(order.Move([0], 3, [450])));
        Assert.Equal([1, 2, 3, 4, 5], Enumerable.Range(0, 5).Select(i => order.Renumbered().KeyAt(i) / PlaylistRanks.Spacing));
        Assert.Equal([10, 11, 12, 13, 14], Ids(order));
    }

    [Fact]
    public void A_long_order_stays_right_through_many_changes_across_its_chunks()
    {
        // A list of (id, key) pairs is the model; thousands of items span many chunks of the order.
        var random = new Random(7);
        var model = Enumerable.Range(0, 3 * PlaylistOrder.ChunkSize + 17).Select(i => (Id: (long)i, Key: (i + 1L) * PlaylistRanks.Spacing)).ToList();
        var order = new PlaylistOrder(1, [.. model.Select(m => m.Id)], [.. model.Select(m => m.Key)], RowsOf([.. model.Select(m => m.Id)]));
        long nextId = model.Count;
        for (var step = 0; step < 600; step++)
        {
            switch (random.Next(5))
            {
                case 0 or 1:
                {
                    var at = random.Next(model.Count + 1);
                    var n = random.Next(1, 101);
                    var lower = at > 0 ? model[at - 1].Key : 0;
                    var upper = at < model.Count ? model[at].Key : lower + PlaylistRanks.Spacing * (n + 1L);
                    if (upper - lower <= n)
                    {
                        order = order.Renumbered();
                        model = [.. model.Select((m, i) => (m.Id, (i + 1L) * PlaylistRanks.Spacing))];
                        continue;
                    }
                    var added = Enumerable.Range(1, n).Select(i => (Id: nextId++, Key: lower + (upper - lower) / (n + 1) * i)).ToList();
                    order = order.Insert(at, [.. added.Select(a => a.Id)], [.. added.Select(a => a.Key)], RowsOf([.. added.Select(a => a.Id)]));
                    model.InsertRange(at, added);
                    break;
                }
                case 2:
                {
                    var removed = Enumerable.Range(0, random.Next(1, 150)).Select(_ => random.Next(model.Count)).Distinct().Order().ToArray();
                    order = order.Remove(removed);
                    foreach (var index in removed.Reverse())
                    {
                        model.RemoveAt(index);
                    }
                    break;
                }
                case 3:
                {
                    // Moves a run to the front, keys below the first one's.
                    var start = random.Next(model.Count - 10);
                    var moving = Enumerable.Range(start, random.Next(1, 11)).ToArray();
                    var first = model[0].Key;
                    var keys = moving.Select((_, i) => first - (moving.Length - i) * 1_000L).ToArray();
                    var items = moving.Select((index, i) => (model[index].Id, keys[i])).ToList();
                    order = order.Move(moving, 0, keys);
                    model.RemoveRange(start, moving.Length);
                    model.InsertRange(0, items);
                    break;
                }
                default:
                {
                    // New keys for a window, still between its neighbours.
                    var from = random.Next(1, model.Count - 40);
                    var window = Enumerable.Range(from, random.Next(1, 40)).ToArray();
                    var lower = model[from - 1].Key;
                    var upper = model[window[^1] + 1].Key;
                    var keys = window.Select((_, i) => lower + (upper - lower) / (window.Length + 1) * (i + 1)).ToArray();
                    order = order.WithKeys(window, keys);
                    for (var i = 0; i < window.Length; i++)
                    {
                        model[window[i]] = (model[window[i]].Id, keys[i]);
                    }
                    break;
                }
            }
            Assert.Equal(model.Count, order.Count);
            if (step % 50 == 0 || step == 599)
            {
                Assert.Equal(model.Select(m => m.Id), Ids(order));
                Assert.Equal(model.Select(m => m.Key), Enumerable.Range(0, order.Count).Select(order.KeyAt));
                // Each item keeps its row, also when a page spans chunks.
                var start = random.Next(model.Count);
                Assert.Equal(model.Skip(start).Take(700).Select(m => $"t{m.Id}"), order.Rows(start, 700).Select(r => r.TrackId));
                for (var i = 0; i < model.Count; i += 7)
                {
                    Assert.Equal(i, order.IndexOfKey(model[i].Key));
                    Assert.Equal(i + 1, order.IndexOfKey(model[i].Key + 1));
                }
            }
        }
        Assert.InRange(model.Count, 2 * PlaylistOrder.ChunkSize, int.MaxValue);
    }

    [Fact]
    public async Task A_change_waiting_for_the_lock_gets_the_order_the_committing_change_is_about_to_keep()
    {
        using var orders = new PlaylistOrders();
        var committed = new PlaylistOrder(7, [1, 2], [10, 20], RowsOf([1, 2]));

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
        failed.Complete(new PlaylistOrder(8, [], [], []));
        Assert.Null(await waitingForFailed);
        Assert.Null(orders.Find("p", 8));
    }

    private static PlaylistItemRow[] RowsOf(long[] ids) => [.. ids.Select(id => new PlaylistItemRow($"t{id}", null, null, default, null))];

    private static long[] Ids(PlaylistOrder order) => [.. Enumerable.Range(0, order.Count).Select(order.IdAt)];

    private static Caller CallerOf(PlaylistUser user) =>
        new(JukeboxTestServer.DemoClientId, user.Id, "US", "premium", new HashSet<string>(PlaylistUser.AllScopes));

    /// <summary>A change through an editor with an order cache of its own, as another node on the same database makes it.</summary>
    private async Task OnAnotherNodeAsync(PlaylistUser user, Func<PlaylistEditor, Task<string>> change)
    {
        using var scope = server.Services.CreateScope();
        var ranks = new PlaylistRanks(scope.ServiceProvider.GetRequiredService<JukeboxDbContext>(), OtherNode, scope.ServiceProvider.GetRequiredService<CatalogStore>());
        await change(ActivatorUtilities.CreateInstance<PlaylistEditor>(scope.ServiceProvider, ranks));
    }

    private PlaylistOrders OtherNode { get; } = new();

    private static async Task<List<string>> PageAsync(PlaylistUser user, string id, int offset)
    {
        var page = await user.Client.GetPageWithLocalFilesAsync($"/v1/playlists/{id}/tracks?offset={offset}", "/playlists/{playlist_id}/tracks");
        return [.. page.Array().Select(i => i.GetProperty("track").Str("uri"))];
    }
}
