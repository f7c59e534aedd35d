using System.Net;
using System.Text.Json;
using Jukebox.ScaleOut.Tests.Cluster;

namespace Jukebox.ScaleOut.Tests;

/// <summary>The health endpoints a balancer or an orchestrator polls, on every node and through nginx.</summary>
[Collection(ScaleOutCollection.Name)]
[Trait("Category", "ScaleOut")]
public sealed class HealthTests(ScaleOutCluster cluster)
{
    [Fact]
    public async Task Every_node_is_live_and_ready_with_its_database_catalog_search_and_redis_healthy()
    {
        foreach (var node in cluster.Everywhere)
        {
            using var client = ClusterRequests.Client(node);
            using var live = await client.GetAsync("/healthz");
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);

            using var ready = await client.GetAsync("/readyz");
            var body = await ready.Content.ReadAsStringAsync();
            Assert.True(ready.StatusCode == HttpStatusCode.OK, $"{node}readyz: {(int)ready.StatusCode} {body}");
            Assert.Equal("application/json", ready.Content.Headers.ContentType?.MediaType);
            var readiness = JsonDocument.Parse(body).RootElement;
            Assert.Equal("Healthy", readiness.GetProperty("status").GetString());
            var checks = readiness.GetProperty("checks");
            foreach (var check in new[] { "database", "catalog", "search", "redis" })
            {
                Assert.True(checks.TryGetProperty(check, out var result), $"{node}readyz has no {check} check: {body}");
                Assert.Equal("Healthy", result.GetProperty("status").GetString());
                if (check == "catalog")
                {
                    // Where the node took its catalog from: the tables, or the file an earlier start stored.
                    Assert.Contains(result.GetProperty("description").GetString(), (string[])["Built from the database.", "Read from the stored catalog file."]);
                }
                else
                {
                    Assert.Equal(JsonValueKind.Null, result.GetProperty("description").ValueKind);
                }
            }
        }
    }
}
