using System.Net;
using Jukebox.Api.Playlists;
using Jukebox.Api.Tests.Http;
using Jukebox.Data.Entities;
using Jukebox.Testing;

namespace Jukebox.Api.Tests.Playlists;

/// <summary>Changes made against an older snapshot are merged into the latest state (PlaylistSnapshots).</summary>
[Collection(PlaylistServer.Name)]
public sealed class PlaylistSnapshotTests(JukeboxTestServer server)
{
    [Fact]
    public async Task Removing_by_position_with_an_old_snapshot_removes_the_item_the_client_saw()
    {
        var uris = (await server.CatalogAsync()).TrackUris(5);
        using var user = await PlaylistUser.CreateAsync(server);
        var id = await user.CreatePlaylistAsync();
        var seen = await user.AddAsync(id, uris[..3]);
        await user.AddAsync(id, [uris[3], uris[4]], position: 0);

        using var response = await user.Client.SendJsonAsync(HttpMethod.Delete, $"/v1/playlists/{id}/tracks",
            new { tracks = new[] { new { uri = uris[1], positions = new[] { 1 } } }, snapshot_id = seen });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([uris[3], uris[4], uris[0], uris[2]], await user.UrisAsync(id));
    }

    [Fact]
    public async Task Removing_by_bare_positions_with_an_old_snapshot_follows_the_items_through_a_move()
    {
        var uris = (await server.CatalogAsync()).TrackUris(4);
        using var user = await PlaylistUser.CreateAsync(server);
        var id = await user.CreatePlaylistAsync();
        var seen = await user.AddAsync(id, uris);
        using var move = await user.Client.SendJsonAsync(HttpMethod.Put, $"/v1/playlists/{id}/items", new { range_start = 3, insert_before = 0 });

        using var response = await user.Client.SendJsonAsync(HttpMethod.Delete, $"/v1/playlists/{id}/items", new { positions = new[] { 0, 3 }, snapshot_id = seen });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([uris[1], uris[2]], await user.UrisAsync(id));
    }

    [Fact]
    public async Task A_uri_at_a_position_of_an_old_snapshot_is_checked_against_that_snapshot()
    {
        var uris = (await server.CatalogAsync()).TrackUris(3);
        using var user = await PlaylistUser.CreateAsync(server);
        var id = await user.CreatePlaylistAsync();
        var seen = await user.AddAsync(id, uris[..2]);
        await user.AddAsync(id, [uris[2]], position: 0);

        // At index 0 of the latest state is uris[2], but the snapshot named uris[0] there: that is right.
        using var right = await user.Client.SendJsonAsync(HttpMethod.Delete, $"/v1/playlists/{id}/tracks",
            new { tracks = new[] { new { uri = uris[0], positions = new[] { 0 } } }, snapshot_id = seen });
        using var wrong = await user.Client.SendJsonAsync(HttpMethod.Delete, $"/v1/playlists/{id}/tracks",
            new { tracks = new[] { new { uri = uris[2], positions = new[] { 1 } } }, snapshot_id = seen });

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        await ErrorAssert.IsAsync(wrong, 400, "Could not remove tracks, please check parameters.");
        Assert.Equal([uris[2], uris[1]], await user.UrisAsync(id));
    }

    [Fact]
    public async Task An_item_already_removed_by_a_later_change_is_left_alone()
    {
        var uris = (await server.CatalogAsync()).TrackUris(3);
        using var user = await PlaylistUser.CreateAsync(server);
        var id = await user.CreatePlaylistAsync();
        var seen = await user.AddAsync(id, uris);
        using var first = await user.Client.SendJsonAsync(HttpMethod.Delete, $"/v1/playlists/{id}/tracks",
            new { tracks = new[] { new { uri = uris[1], positions = new[] { 1 } } }, snapshot_id = seen });

        using var second = await user.Client.SendJsonAsync(HttpMethod.Delete, $"/v1/playlists/{id}/tracks",
            new { tracks = new[] { new { uri = uris[1], positions = new[] { 1 } }, new { uri = uris[2], positions = new[] { 2 } } }, snapshot_id = seen });

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal([uris[0]], await user.UrisAsync(id));
    }

    [Fact]
    public async Task Removing_by_uri_with_an_old_snapshot_keeps_occurrences_added_after_it()
    {
        var uris = (await server.CatalogAsync()).TrackUris(2);
        using var user = await PlaylistUser.CreateAsync(server);
        var id = await user.CreatePlaylistAsync();
        var seen = await user.AddAsync(id, [uris[0], uris[1]]);
        await user.AddAsync(id, [uris[0]]);

        using var response = await user.Client.SendJsonAsync(HttpMethod.Delete, $"/v1/playlists/{id}/items",
            new { items = new[] { new { uri = uris[0] } }, snapshot_id = seen });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([uris[1], uris[0]], await user.UrisAsync(id));
    }

    [Fact]
    public async Task Reordering_with_an_old_snapshot_moves_the_items_the_client_saw_to_the_place_it_saw()
    {
        var uris = (await server.CatalogAsync()).TrackUris(6);
        using var user = await PlaylistUser.CreateAsync(server);
        var id = await user.CreatePlaylistAsync();
        var seen = await user.AddAsync(id, uris[..4]);             // a b c d
        await user.AddAsync(id, [uris[4]], position: 0);            // e a b c d
        await user.AddAsync(id, [uris[5]], position: 3);            // e a b f c d

        // The client moves a, b (0..1) to the end of what it saw (a b c d → c d a b); e and f stay where they are.
        using var response = await user.Client.SendJsonAsync(HttpMethod.Put, $"/v1/playlists/{id}/items",
            new { range_start = 0, range_length = 2, insert_before = 4, snapshot_id = seen });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([uris[4], uris[5], uris[2], uris[3], uris[0], uris[1]], await user.UrisAsync(id));
    }

    [Fact]
    public async Task Reordering_with_an_old_snapshot_skips_items_removed_since_and_aims_before_the_item_it_saw()
    {
        var uris = (await server.CatalogAsync()).TrackUris(5);
        using var user = await PlaylistUser.CreateAsync(server);
        var id = await user.CreatePlaylistAsync();
        var seen = await user.AddAsync(id, uris);                  // a b c d e
        using var removal = await user.Client.SendJsonAsync(HttpMethod.Delete, $"/v1/playlists/{id}/items",
            new { items = new[] { new { uri = uris[1] } } });       // a c d e

        // The client moves b, c (1..2) before a (0): b is gone, so c goes before a.
        using var response = await user.Client.SendJsonAsync(HttpMethod.Put, $"/v1/playlists/{id}/items",
            new { range_start = 1, range_length = 2, insert_before = 0, snapshot_id = seen });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([uris[2], uris[0], uris[3], uris[4]], await user.UrisAsync(id));
    }

    [Fact]
    public async Task Positions_of_a_snapshot_from_before_a_replace_name_no_items()
    {
        var uris = (await server.CatalogAsync()).TrackUris(4);
        using var user = await PlaylistUser.CreateAsync(server);
        var id = await user.CreatePlaylistAsync();
        var seen = await user.AddAsync(id, uris[..2]);
        using var replace = await user.Client.SendJsonAsync(HttpMethod.Put, $"/v1/playlists/{id}/items", new { uris = uris[2..] });

        using var response = await user.Client.SendJsonAsync(HttpMethod.Delete, $"/v1/playlists/{id}/items", new { positions = new[] { 0 }, snapshot_id = seen });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(uris[2..], await user.UrisAsync(id));
    }

    [Fact]
    public async Task Every_change_gets_a_new_snapshot_id_and_another_playlists_snapshot_id_is_refused()
    {
        var uris = (await server.CatalogAsync()).TrackUris(2);
        using var user = await PlaylistUser.CreateAsync(server);
        var id = await user.CreatePlaylistAsync();
        var other = await user.CreatePlaylistAsync();
        var snapshots = new List<string> { await user.SnapshotAsync(id), await user.AddAsync(id, uris) };
        using (var details = await user.Client.SendJsonAsync(HttpMethod.Put, $"/v1/playlists/{id}", new { name = "Renamed" }))
        {
            Assert.Equal(HttpStatusCode.OK, details.StatusCode);
        }
        snapshots.Add(await user.SnapshotAsync(id));
        using (var reorder = await user.Client.SendJsonAsync(HttpMethod.Put, $"/v1/playlists/{id}/items", new { range_start = 0, insert_before = 2 }))
        {
            snapshots.Add((await reorder.JsonAsync()).Str("snapshot_id"));
        }
        using (var remove = await user.Client.SendJsonAsync(HttpMethod.Delete, $"/v1/playlists/{id}/items", new { positions = new[] { 0 } }))
        {
            snapshots.Add((await remove.JsonAsync()).Str("snapshot_id"));
        }

        using var foreign = await user.Client.SendJsonAsync(HttpMethod.Delete, $"/v1/playlists/{id}/items",
            new { positions = new[] { 0 }, snapshot_id = await user.SnapshotAsync(other) });

        Assert.Equal(snapshots.Count, snapshots.Distinct().Count());
        await ErrorAssert.IsAsync(foreign, 400, "Invalid snapshot id");
    }

    [Theory]
    [InlineData(0, 1, 2, new[] { 1, 0, 2, 3 })]
    [InlineData(3, 1, 0, new[] { 3, 0, 1, 2 })]
    public void A_translator_with_no_changes_leaves_indices_alone_and_a_move_carries_them(int start, int length, int before, int[] order)
    {
        var moved = Enumerable.Range(start, length).ToArray();
        var change = new PlaylistChange { PlaylistId = "p", Kind = PlaylistChangeKind.Move, Index = before, Indices = IndexRanges.Format(moved), ItemCountAfter = 4 };
        var translator = new PositionTranslator([change]);

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(Array.IndexOf(order, i), translator.Item(i));
            Assert.Equal(i, new PositionTranslator([]).Item(i));
        }
        Assert.Equal(4, translator.Gap(4));
    }

    [Fact]
    public void Index_ranges_round_trip()
    {
        int[] indices = [0, 1, 2, 3, 7, 9, 10];

        Assert.Equal("0-3,7,9-10", IndexRanges.Format(indices));
        Assert.Equal(indices, IndexRanges.Parse("0-3,7,9-10"));
        Assert.Empty(IndexRanges.Parse(""));
    }

    [Fact]
    public void A_playlists_current_snapshot_id_is_accepted_whatever_its_format_and_others_are_checked()
    {
        var current = PlaylistSnapshots.IdOf("p1", 7);

        Assert.Equal(3, PlaylistSnapshots.VersionOf("seeded-snapshot-id", "p1", 3, "seeded-snapshot-id"));
        Assert.Equal(5, PlaylistSnapshots.VersionOf(PlaylistSnapshots.IdOf("p1", 5), "p1", 7, current));
        Assert.Throws<Jukebox.Api.Http.SpotifyException>(() => PlaylistSnapshots.VersionOf(PlaylistSnapshots.IdOf("p2", 5), "p1", 7, current));
        Assert.Throws<Jukebox.Api.Http.SpotifyException>(() => PlaylistSnapshots.VersionOf(PlaylistSnapshots.IdOf("p1", 8), "p1", 7, current));
    }
}
