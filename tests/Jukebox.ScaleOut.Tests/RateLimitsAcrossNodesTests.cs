using System.Net;
using Jukebox.ScaleOut.Tests.Cluster;

namespace Jukebox.ScaleOut.Tests;

/// <summary>An app's rate-limit window is counted once for the whole deployment, not once per node.</summary>
[Collection(ScaleOutCollection.Name)]
[Trait("Category", "ScaleOut")]
public sealed class RateLimitsAcrossNodesTests(ScaleOutCluster cluster)
{
    [Fact]
    public async Task An_endpoint_limit_of_n_lets_n_requests_spread_over_the_nodes_through_and_the_next_one_anywhere_is_429()
    {
        var limit = ScaleOutCluster.EndpointLimits["GET /markets"];
        var token = await ClusterRequests.ClientTokenAsync(cluster.Balancer);

        for (var i = 0; i < limit; i++)
        {
            var node = cluster.Nodes[i % cluster.Nodes.Count].BaseAddress;
            using var client = ClusterRequests.Client(node, token);
            using var response = await client.GetAsync("/v1/markets");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"request {i + 1} of {limit} on {node}: {(int)response.StatusCode}");
        }

        foreach (var where in cluster.Everywhere)
        {
            using var client = ClusterRequests.Client(where, token);
            using var response = await client.GetAsync("/v1/markets");
            await ClusterRequests.AssertRateLimitedAsync(response, where);
        }
    }
}
