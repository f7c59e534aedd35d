using System.Net;
using System.Text.Json;
using Jukebox.ScaleOut.Tests.Cluster;
using Microsoft.EntityFrameworkCore;

namespace Jukebox.ScaleOut.Tests;

/// <summary>
/// Redis and PostgreSQL going away under a running deployment, and coming back, with no node restarted.
/// Each test brings back what it took away, even when it fails.
/// </summary>
[Collection(OutageCollection.Name)]
[Trait("Category", "ScaleOut")]
[TestCaseOrderer(ByStep.Name, "Jukebox.ScaleOut.Tests")]
public sealed class OutageTests(ScaleOutCluster cluster)
{
    private const string Unreachable = "Redis is unreachable";
    private const string ReachableAgain = "Redis is reachable again";
    private const string Search = "/v1/search?q=a&type=artist&limit=1";
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(30);

    [Fact]
    [RunsAs(1)]
    public async Task Without_Redis_every_node_serves_counts_per_node_and_says_so_then_recovers_by_itself()
    {
        var appToken = await ClusterRequests.ClientTokenAsync(cluster.Balancer);
        var fanId = await cluster.CreateUserAsync(cluster.Balancer, "outage-fan");
        var fanToken = await cluster.UserTokenAsync(cluster.Balancer, fanId, "user-follow-modify", "playlist-modify-public");
        var artist = await FirstArtistAsync();
        var followersBefore = new List<int>();
        foreach (var node in cluster.Nodes)
        {
            using var reader = ClusterRequests.Client(node.BaseAddress, appToken);
            followersBefore.Add(await FollowersAsync(reader, artist));
        }
        var marks = cluster.Nodes.Select(n => n.LogMark).ToList();

        await cluster.Redis.StopAsync();
        try
        {
            // Requests keep being served, through the balancer and on every node.
            using (var balanced = ClusterRequests.Client(cluster.Balancer, appToken))
            {
                for (var i = 0; i < 6; i++)
                {
                    using var response = await balanced.GetAsync(Search);
                    Assert.True(response.StatusCode == HttpStatusCode.OK, $"request {i + 1} through nginx without Redis: {(int)response.StatusCode}");
                }
            }
            foreach (var node in cluster.Nodes)
            {
                await ClusterRequests.EventuallyAsync($"{node.Name} reports Redis degraded on /readyz", async () =>
                {
                    var (status, body) = await ReadinessAsync(node.BaseAddress);
                    var degraded = status == HttpStatusCode.OK && body is { } json && json.GetProperty("status").GetString() == "Degraded"
                        && json.GetProperty("checks").GetProperty("redis").GetProperty("status").GetString() == "Degraded"
                        && json.GetProperty("checks").GetProperty("redis").GetProperty("description").GetString() is { Length: > 0 };
                    return (degraded, $"{(int)status} {body}");
                }, Recovery);
            }

            // Rate limits fall back to counting on each node: the limit passes on every node.
            var limit = ScaleOutCluster.EndpointLimits["GET /browse/categories"];
            foreach (var node in cluster.Nodes)
            {
                using var client = ClusterRequests.Client(node.BaseAddress, appToken);
                for (var i = 0; i < limit; i++)
                {
                    using var response = await client.GetAsync("/v1/browse/categories");
                    Assert.True(response.StatusCode == HttpStatusCode.OK, $"request {i + 1} of {limit} on {node.Name} without Redis: {(int)response.StatusCode}");
                }
                using var beyond = await client.GetAsync("/v1/browse/categories");
                await ClusterRequests.AssertRateLimitedAsync(beyond, node.BaseAddress);
            }

            // Changes made meanwhile: a follow on node 1 and a public playlist on node 2.
            using (var node1 = ClusterRequests.Client(cluster.Nodes[0].BaseAddress, fanToken))
            {
                await node1.SendOkAsync(HttpMethod.Put, $"/v1/me/following?type=artist&ids={artist}");
            }
            var word = $"zq{Guid.NewGuid():N}"[..14];
            string playlistId;
            using (var node2 = ClusterRequests.Client(cluster.Nodes[1].BaseAddress, fanToken))
            {
                playlistId = (await node2.SendOkAsync(HttpMethod.Post, "/v1/me/playlists", new { name = $"Outage {word}", @public = true }))
                    .GetProperty("id").GetString()!;
            }

            foreach (var (node, mark) in cluster.Nodes.Zip(marks))
            {
                Assert.True(node.CountLines(Unreachable, mark) == 1,
                    $"{node.Name} should log '{Unreachable}' once for the outage, logged it {node.CountLines(Unreachable, mark)} times.\n{node.Tail()}");
            }

            await cluster.Redis.StartAsync();

            foreach (var (node, mark) in cluster.Nodes.Zip(marks))
            {
                await ClusterRequests.EventuallyAsync($"{node.Name} logs '{ReachableAgain}'",
                    () => Task.FromResult((node.CountLines(ReachableAgain, mark) == 1, node.Tail(10))), Recovery);
                await ClusterRequests.EventuallyAsync($"{node.Name} is Healthy again on /readyz", async () =>
                {
                    var (status, body) = await ReadinessAsync(node.BaseAddress);
                    return (status == HttpStatusCode.OK && body?.GetProperty("status").GetString() == "Healthy", $"{(int)status} {body}");
                }, Recovery);
            }
            foreach (var (node, before) in cluster.Nodes.Zip(followersBefore))
            {
                using var reader = ClusterRequests.Client(node.BaseAddress, appToken);
                await ClusterRequests.EventuallyAsync($"{node.Name} counts the follow made on node 1 during the outage", async () =>
                {
                    var now = await FollowersAsync(reader, artist);
                    return (now == before + 1, $"{now} followers, {before} before");
                });
                await ClusterRequests.EventuallyAsync($"{node.Name} finds the playlist made on node 2 during the outage", async () =>
                {
                    var found = (await reader.GetOkAsync($"/v1/search?q={word}&type=playlist")).GetProperty("playlists");
                    return (found.GetProperty("items").EnumerateArray().Any(p => p.ValueKind == JsonValueKind.Object && p.GetProperty("id").GetString() == playlistId),
                        found.ToString());
                });
            }

            // Counting is shared again (an endpoint nothing has called yet: a window of its own).
            var shared = ScaleOutCluster.EndpointLimits["GET /browse/new-releases"];
            for (var i = 0; i < shared; i++)
            {
                var node = cluster.Nodes[i % cluster.Nodes.Count];
                using var client = ClusterRequests.Client(node.BaseAddress, appToken);
                using var response = await client.GetAsync("/v1/browse/new-releases");
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"request {i + 1} of {shared} on {node.Name}: {(int)response.StatusCode}");
            }
            foreach (var where in cluster.Everywhere)
            {
                using var client = ClusterRequests.Client(where, appToken);
                using var response = await client.GetAsync("/v1/browse/new-releases");
                await ClusterRequests.AssertRateLimitedAsync(response, where);
            }
        }
        finally
        {
            await cluster.Redis.StartAsync();
        }
    }

    [Fact]
    [RunsAs(2)]
    public async Task Without_PostgreSQL_every_node_answers_503_stays_up_and_serves_again_when_it_returns_with_nothing_lost()
    {
        var userId = await cluster.CreateUserAsync(cluster.Balancer, "outage-lists");
        var token = await cluster.UserTokenAsync(cluster.Balancer, userId, "playlist-read-private", "playlist-modify-private");
        var uris = await cluster.TrackUrisAsync(3);
        string playlistId;
        using (var balanced = ClusterRequests.Client(cluster.Balancer, token))
        {
            playlistId = (await balanced.SendOkAsync(HttpMethod.Post, "/v1/me/playlists", new { name = "Kept", @public = false }))
                .GetProperty("id").GetString()!;
            await balanced.SendOkAsync(HttpMethod.Post, $"/v1/playlists/{playlistId}/items", new { uris });
        }

        // An app no node has read for a token request yet: its token request needs the database. (An app
        // a node read in the last seconds would still get its client-credentials token from that node.)
        var app = await cluster.SandboxPostAsync(cluster.Balancer, "/sandbox/apps", new { name = "Outage" });
        var (appId, appSecret) = (app.GetProperty("client_id").GetString()!, app.GetProperty("client_secret").GetString()!);

        await cluster.Postgres.StopAsync(immediate: true);
        try
        {
            foreach (var where in cluster.Everywhere)
            {
                using var client = ClusterRequests.Client(where, token);
                using var response = await client.GetAsync("/v1/me/playlists");
                var body = await response.JsonAsync();
                Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{where}v1/me/playlists without PostgreSQL: {(int)response.StatusCode} {body}");
                Assert.Equal(503, body.GetProperty("error").GetProperty("status").GetInt32());
                Assert.Equal("Service unavailable", body.GetProperty("error").GetProperty("message").GetString());

                using var tokenClient = ClusterRequests.Client(where);
                using var tokenResponse = await tokenClient.PostAsync("/api/token", new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["grant_type"] = "client_credentials", ["client_id"] = appId, ["client_secret"] = appSecret,
                }));
                var (tokenStatus, tokenBody) = ((int)tokenResponse.StatusCode, await tokenResponse.JsonAsync());
                Assert.True(tokenStatus == 503, $"{where}api/token without PostgreSQL: {tokenStatus} {tokenBody}");
                Assert.Equal("temporarily_unavailable", tokenBody.GetProperty("error").GetString());
                Assert.Equal("The service is temporarily unavailable", tokenBody.GetProperty("error_description").GetString());
            }
            foreach (var node in cluster.Nodes)
            {
                var (status, body) = await ReadinessAsync(node.BaseAddress);
                Assert.True(status == HttpStatusCode.ServiceUnavailable && body?.GetProperty("status").GetString() == "Unhealthy"
                    && body?.GetProperty("checks").GetProperty("database").GetProperty("status").GetString() == "Unhealthy",
                    $"{node.Name} /readyz without PostgreSQL: {(int)status} {body}");
                using var probe = ClusterRequests.Client(node.BaseAddress);
                using var live = await probe.GetAsync("/healthz");
                Assert.Equal(HttpStatusCode.OK, live.StatusCode);
                Assert.True(node.IsRunning, $"{node.Name} stopped.\n{node.Tail()}");
            }

            await cluster.Postgres.StartAsync();

            // The first requests after PostgreSQL is back succeed on every node, none of them restarted.
            foreach (var node in cluster.Nodes)
            {
                using var client = ClusterRequests.Client(node.BaseAddress, token);
                using var response = await client.GetAsync("/v1/me/playlists");
                var body = await response.JsonAsync();
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{node.Name} once PostgreSQL is back: {(int)response.StatusCode} {body}\n{node.Tail()}");
                Assert.Contains(body.GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetString() == playlistId);
                var items = (await client.GetOkAsync($"/v1/playlists/{playlistId}/tracks")).GetProperty("items").EnumerateArray()
                    .Select(i => i.GetProperty("track").GetProperty("uri").GetString()!).ToList();
                Assert.Equal(uris, items);
                Assert.True(node.IsRunning, $"{node.Name} stopped.\n{node.Tail()}");
                await ClusterRequests.ClientTokenAsync(node.BaseAddress);
                await ClusterRequests.EventuallyAsync($"{node.Name} is Healthy again on /readyz", async () =>
                {
                    var (status, ready) = await ReadinessAsync(node.BaseAddress);
                    return (status == HttpStatusCode.OK && ready?.GetProperty("status").GetString() == "Healthy", $"{(int)status} {ready}");
                }, Recovery);
            }
            using var balanced = ClusterRequests.Client(cluster.Balancer, token);
            await balanced.SendOkAsync(HttpMethod.Post, "/v1/me/playlists", new { name = "After the outage", @public = false });
        }
        finally
        {
            await EnsurePostgresRunningAsync();
        }
    }

    private async Task EnsurePostgresRunningAsync()
    {
        try
        {
            await cluster.Postgres.StartAsync();
        }
        catch (InvalidOperationException)
        {
            // pg_ctl refuses to start a server that is already running.
        }
    }

    /// <summary>/readyz's status code and JSON body (null when the body is not JSON).</summary>
    private static async Task<(HttpStatusCode Status, JsonElement? Body)> ReadinessAsync(Uri node)
    {
        using var client = ClusterRequests.Client(node);
        using var response = await client.GetAsync("/readyz");
        var text = await response.Content.ReadAsStringAsync();
        try
        {
            return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
        }
        catch (JsonException)
        {
            return (response.StatusCode, null);
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
