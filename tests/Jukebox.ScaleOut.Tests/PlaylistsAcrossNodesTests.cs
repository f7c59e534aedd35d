using System.Net;
using Jukebox.Api.Playlists;
using Jukebox.Data.Entities;
using Jukebox.ScaleOut.Tests.Cluster;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace Jukebox.ScaleOut.Tests;

/// <summary>A playlist is one playlist for the whole deployment: what one node changed, every node reads next.</summary>
[Collection(ScaleOutCollection.Name)]
[Trait("Category", "ScaleOut")]
public sealed class PlaylistsAcrossNodesTests(ScaleOutCluster cluster)
{
    private static readonly string[] Scopes =
        ["playlist-read-private", "playlist-read-collaborative", "playlist-modify-public", "playlist-modify-private", "ugc-image-upload"];

    private async Task<HttpClient> UserClientAsync(Uri where, string userId) =>
        ClusterRequests.Client(where, await cluster.UserTokenAsync(where, userId, Scopes));

    [Fact]
    public async Task A_change_on_node_1_is_what_nodes_2_and_3_read_next_details_items_snapshot_and_cover()
    {
        var userId = await cluster.CreateUserAsync(cluster.Balancer, "lists");
        var uris = await cluster.TrackUrisAsync(5);
        using var node1 = await UserClientAsync(cluster.Nodes[0].BaseAddress, userId);
        var others = new[] { await UserClientAsync(cluster.Nodes[1].BaseAddress, userId), await UserClientAsync(cluster.Nodes[2].BaseAddress, userId) };
        var id = (await node1.SendOkAsync(HttpMethod.Post, "/v1/me/playlists", new { name = "Before", @public = false })).GetProperty("id").GetString()!;
        await node1.SendOkAsync(HttpMethod.Post, $"/v1/playlists/{id}/items", new { uris = uris[..3] });
        // The other nodes read it once, so whatever they keep of it is now in their memory.
        foreach (var other in others)
        {
            Assert.Equal("Before", (await other.GetOkAsync($"/v1/playlists/{id}")).GetProperty("name").GetString());
        }

        await node1.SendOkAsync(HttpMethod.Put, $"/v1/playlists/{id}", new { name = "After", description = "Changed on node 1" });
        await node1.SendOkAsync(HttpMethod.Post, $"/v1/playlists/{id}/items", new { uris = uris[3..], position = 0 });
        await node1.SendOkAsync(HttpMethod.Put, $"/v1/playlists/{id}/items", new { range_start = 4, insert_before = 0 });
        using (var upload = new StringContent(ClusterCatalog.Jpeg(320, 320, SKColors.OrangeRed)))
        {
            upload.Headers.ContentType = new("image/jpeg");
            using var uploaded = await node1.PutAsync($"/v1/playlists/{id}/images", upload);
            Assert.Equal(HttpStatusCode.Accepted, uploaded.StatusCode);
        }
        var expected = await node1.GetOkAsync($"/v1/playlists/{id}");
        var expectedUris = await UrisAsync(node1, id);
        var expectedImages = (await node1.GetOkAsync($"/v1/playlists/{id}/images")).ToString();
        Assert.Equal([uris[2], uris[3], uris[4], uris[0], uris[1]], expectedUris);

        foreach (var other in others)
        {
            var seen = await other.GetOkAsync($"/v1/playlists/{id}");
            Assert.Equal("After", seen.GetProperty("name").GetString());
            Assert.Equal("Changed on node 1", seen.GetProperty("description").GetString());
            Assert.Equal(expected.GetProperty("snapshot_id").GetString(), seen.GetProperty("snapshot_id").GetString());
            Assert.Equal(expected.GetProperty("images").ToString(), seen.GetProperty("images").ToString());
            Assert.Equal(expectedUris, await UrisAsync(other, id));
            Assert.Equal(expectedImages, (await other.GetOkAsync($"/v1/playlists/{id}/images")).ToString());
        }
        // The cover's URL is the balancer's, and whichever node answers serves the uploaded image.
        var cover = expected.GetProperty("images")[0].GetProperty("url").GetString()!;
        Assert.StartsWith(cluster.Balancer.ToString(), cover);
        using var anonymous = ClusterRequests.Client(cluster.Balancer);
        for (var i = 0; i < cluster.Nodes.Count; i++)
        {
            using var image = await anonymous.GetAsync(cover);
            Assert.Equal(HttpStatusCode.OK, image.StatusCode);
            Assert.Equal("image/jpeg", image.Content.Headers.ContentType?.MediaType);
        }
        foreach (var other in others)
        {
            other.Dispose();
        }
    }

    [Fact]
    public async Task Thirty_clients_on_three_nodes_adding_at_once_lose_nothing_and_every_snapshot_is_new()
    {
        const int clients = 30;
        const int perClient = 3;
        var uris = await cluster.TrackUrisAsync(clients * perClient);
        Assert.Equal(clients * perClient, uris.Count);
        var ownerId = await cluster.CreateUserAsync(cluster.Balancer, "owner");
        using var owner = await UserClientAsync(cluster.Balancer, ownerId);
        var id = (await owner.SendOkAsync(HttpMethod.Post, "/v1/me/playlists", new { name = "Party", @public = false, collaborative = true }))
            .GetProperty("id").GetString()!;
        var initial = (await owner.GetOkAsync($"/v1/playlists/{id}")).GetProperty("snapshot_id").GetString()!;

        // Ten clients per node; each sends its middle add through nginx instead.
        var guests = new List<(HttpClient Node, HttpClient Balanced)>();
        for (var g = 0; g < clients; g++)
        {
            var guestId = await cluster.CreateUserAsync(cluster.Balancer, "guest");
            var node = await UserClientAsync(cluster.Nodes[g % cluster.Nodes.Count].BaseAddress, guestId);
            await node.SendOkAsync(HttpMethod.Put, $"/v1/playlists/{id}/followers", new { @public = false });
            guests.Add((node, await UserClientAsync(cluster.Balancer, guestId)));
        }

        using var start = new SemaphoreSlim(0);
        var work = guests.Select((guest, g) => Task.Run(async () =>
        {
            await start.WaitAsync();
            var produced = new List<string>();
            for (var k = 0; k < perClient; k++)
            {
                var client = k == 1 ? guest.Balanced : guest.Node;
                var added = await client.SendOkAsync(HttpMethod.Post, $"/v1/playlists/{id}/items",
                    new { uris = new[] { uris[g * perClient + k] }, position = k == 1 ? 0 : (int?)null });
                produced.Add(added.GetProperty("snapshot_id").GetString()!);
            }
            return produced;
        })).ToList();
        start.Release(clients);
        var snapshots = (await Task.WhenAll(work)).SelectMany(s => s).ToList();

        var final = await UrisAsync(owner, id);
        Assert.Equal(uris.Order(StringComparer.Ordinal), final.Order(StringComparer.Ordinal));
        Assert.Equal(clients * perClient, snapshots.Distinct().Count());
        Assert.DoesNotContain(initial, snapshots);
        var finalSnapshot = (await owner.GetOkAsync($"/v1/playlists/{id}")).GetProperty("snapshot_id").GetString();
        Assert.Contains(finalSnapshot, snapshots);
        foreach (var node in cluster.Nodes)
        {
            using var reader = await UserClientAsync(node.BaseAddress, ownerId);
            Assert.Equal(final, await UrisAsync(reader, id));
            Assert.Equal(finalSnapshot, (await reader.GetOkAsync($"/v1/playlists/{id}")).GetProperty("snapshot_id").GetString());
        }

        // Replaying the accepted changes in version order (each snapshot names its version) gives the
        // final order: every add, whichever node took it, was applied on top of the one before it.
        await using var db = cluster.Database();
        var changes = await db.PlaylistChanges.AsNoTracking().Where(c => c.PlaylistId == id).OrderBy(c => c.Version).ToListAsync();
        var byVersion = (await db.PlaylistItems.AsNoTracking().Where(i => i.PlaylistId == id).ToListAsync())
            .ToDictionary(i => i.AddedInVersion, i => $"spotify:track:{i.TrackId}");
        Assert.Equal(
            snapshots.Order(StringComparer.Ordinal),
            changes.Select(c => PlaylistSnapshots.IdOf(id, c.Version)).Order(StringComparer.Ordinal));
        var replayed = new List<string>();
        foreach (var change in changes)
        {
            Assert.Equal(PlaylistChangeKind.Insert, change.Kind);
            replayed.Insert(change.Index, byVersion[change.Version]);
        }
        Assert.Equal(final, replayed);
        foreach (var (node, balanced) in guests)
        {
            node.Dispose();
            balanced.Dispose();
        }
    }

    private static async Task<List<string>> UrisAsync(HttpClient client, string playlistId)
    {
        var uris = new List<string>();
        while (true)
        {
            var page = await client.GetOkAsync($"/v1/playlists/{playlistId}/tracks?limit=100&offset={uris.Count}");
            var items = page.GetProperty("items").EnumerateArray().ToList();
            uris.AddRange(items.Select(i => i.GetProperty("track").GetProperty("uri").GetString()!));
            if (items.Count < 100)
            {
                return uris;
            }
        }
    }
}
