using Jukebox.Api.Playlists.Order;

namespace Jukebox.Api.Tests.Playlists.Order;

/// <summary>A playlist's items in order, held in chunks that a change copies only where it touches them.</summary>
public sealed class ChunkedOrderTests
{
    [Fact]
    public void An_order_follows_inserts_removals_and_moves()
    {
        var order = new ChunkedOrder(1, [10, 11, 12, 13, 14], [100, 200, 300, 400, 500], RowsOf([10, 11, 12, 13, 14]));

        var inserted = order.Insert(2, [20, 21], [210, 220], RowsOf([20, 21]));
        Assert.Equal([10, 11, 20, 21, 12, 13, 14], Ids(inserted));
        Assert.Equal(["t21", "t12", "t13"], inserted.Rows(3, 3).Select(r => r.TrackId));
        Assert.Equal(["t14"], inserted.Rows(6, 100).Select(r => r.TrackId));
        Assert.Equal(4, inserted.IndexOfKey(300));
        Assert.Equal(2, inserted.IndexOfKey(205));

        Assert.Equal([11, 13], Ids(order.Remove([0, 2, 4])));
        Assert.Equal([11, 12, 13, 10, 14], Ids(order.Move([0], 3, [450])));
        Assert.Equal([1, 2, 3, 4, 5], Enumerable.Range(0, 5).Select(i => order.Renumbered().KeyAt(i) / SortKeys.Spacing));
        Assert.Equal([10, 11, 12, 13, 14], Ids(order));
    }

    [Fact]
    public void A_long_order_stays_right_through_many_changes_across_its_chunks()
    {
        // A list of (id, key) pairs is the model; thousands of items span many chunks of the order.
        var random = new Random(7);
        var model = Enumerable.Range(0, 3 * ChunkedOrder.ChunkSize + 17).Select(i => (Id: (long)i, Key: (i + 1L) * SortKeys.Spacing)).ToList();
        var order = new ChunkedOrder(1, [.. model.Select(m => m.Id)], [.. model.Select(m => m.Key)], RowsOf([.. model.Select(m => m.Id)]));
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
                    var upper = at < model.Count ? model[at].Key : lower + SortKeys.Spacing * (n + 1L);
                    if (upper - lower <= n)
                    {
                        order = order.Renumbered();
                        model = [.. model.Select((m, i) => (m.Id, (i + 1L) * SortKeys.Spacing))];
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
        Assert.InRange(model.Count, 2 * ChunkedOrder.ChunkSize, int.MaxValue);
    }

    private static PlaylistItemRow[] RowsOf(long[] ids) => [.. ids.Select(id => new PlaylistItemRow($"t{id}", null, null, default, null))];

    private static long[] Ids(ChunkedOrder order) => [.. Enumerable.Range(0, order.Count).Select(order.IdAt)];
}
