using Jukebox.ScaleOut.Tests.Cluster;
using Microsoft.EntityFrameworkCore;

namespace Jukebox.ScaleOut.Tests;

/// <summary>What one node stores that others keep in memory (the search index, the catalog's follower counts) reaches them.</summary>
[Collection(ScaleOutCollection.Name)]
[Trait("Category", "ScaleOut")]
public sealed class SearchAndFollowsAcrossNodesTests(ScaleOutCluster cluster)
{
    [Fact]
    public async Task A_public_playlist_created_on_node_2_is_found_by_search_on_nodes_1_and_3()
    {
        var userId = await cluster.CreateUserAsync(cluster.Balancer, "searcher");
        using var node2 = ClusterRequests.Client(cluster.Nodes[1].BaseAddress,
            await cluster.UserTokenAsync(cluster.Nodes[1].BaseAddress, userId, "playlist-modify-public"));
        var word = $"zq{Guid.NewGuid():N}"[..14];

        var id = (await node2.SendOkAsync(HttpMethod.Post, "/v1/me/playlists", new { name = $"Scale {word}", @public = true }))
            .GetProperty("id").GetString()!;

        foreach (var node in new[] { cluster.Nodes[0], cluster.Nodes[2] })
        {
            using var client = ClusterRequests.Client(node.BaseAddress, await ClusterRequests.ClientTokenAsync(node.BaseAddress));
            await ClusterRequests.EventuallyAsync($"search on {node.Name} finds the playlist made on node 2", async () =>
            {
                var found = await client.GetOkAsync($"/v1/search?q={word}&type=playlist");
                var ids = found.GetProperty("playlists").GetProperty("items").EnumerateArray()
                    .Where(p => p.ValueKind == System.Text.Json.JsonValueKind.Object)
                    .Select(p => p.GetProperty("id").GetString()).ToList();
                return (ids.Contains(id), found.GetProperty("playlists").ToString());
            });
        }
    }

    [Fact]
    public async Task Following_an_artist_on_node_1_adds_one_follower_on_nodes_2_and_3()
    {
        var artist = await FirstArtistAsync();
        var userId = await cluster.CreateUserAsync(cluster.Balancer, "fan");
        using var node1 = ClusterRequests.Client(cluster.Nodes[0].BaseAddress,
            await cluster.UserTokenAsync(cluster.Nodes[0].BaseAddress, userId, "user-follow-modify", "user-follow-read"));
        var readers = new List<(string Name, HttpClient Client, int Before)>();
        foreach (var node in cluster.Nodes.Skip(1))
        {
            var client = ClusterRequests.Client(node.BaseAddress, await ClusterRequests.ClientTokenAsync(node.BaseAddress));
            readers.Add((node.Name, client, await FollowersAsync(client, artist)));
        }

        await node1.SendOkAsync(HttpMethod.Put, $"/v1/me/following?type=artist&ids={artist}");

        foreach (var (name, client, before) in readers)
        {
            await ClusterRequests.EventuallyAsync($"{name} counts the new follower of {artist}", async () =>
            {
                var now = await FollowersAsync(client, artist);
                return (now == before + 1, $"{now} followers, {before} before");
            });
            client.Dispose();
        }
    }

    private async Task<string> FirstArtistAsync()
    {
        await using var db = cluster.Database();
        return await db.Artists.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
    }

    private static async Task<int> FollowersAsync(HttpClient client, string artistId) =>
        (await client.GetOkAsync($"/v1/artists/{artistId}")).GetProperty("followers").GetProperty("total").GetInt32();
}
