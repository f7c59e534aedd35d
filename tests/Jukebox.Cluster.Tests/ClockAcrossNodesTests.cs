using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Jukebox.Cluster.Tests;

/// <summary>The sandbox's server clock is one for the deployment: moved on one node, it moves on every node.</summary>
[Trait("Category", "Redis")]
public sealed class ClockAcrossNodesTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    private static async Task<double> OffsetAsync(TwoNodes.Node node)
    {
        using var sandbox = node.CreateClient();
        var clock = await sandbox.GetFromJsonAsync<JsonElement>("/sandbox/clock");
        return clock.GetProperty("offset_seconds").GetDouble();
    }

    private static async Task<double> AdvanceAsync(TwoNodes.Node node, double seconds)
    {
        using var sandbox = node.CreateClient();
        using var response = await sandbox.PostAsync("/sandbox/clock/advance", JsonContent.Create(new { seconds }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("offset_seconds").GetDouble();
    }

    [Fact]
    public async Task Moving_the_clock_on_one_node_expires_tokens_on_the_other()
    {
        var (_, token) = await TwoNodes.NewUserAsync(A, "user-read-private");
        using var onB = B.CreateClient(token);
        using var before = await onB.GetAsync("/v1/me");

        var offset = await AdvanceAsync(A, 3601);

        await Eventually.HoldsAsync(async () => await OffsetAsync(B) >= offset, "B's clock moved with A's");
        using var after = await onB.GetAsync("/v1/me");
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal("The access token expired", (await after.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task Advances_made_on_both_nodes_add_up_and_one_made_while_redis_was_down_reaches_the_other_once_it_is_back()
    {
        var start = await OffsetAsync(A);
        await Task.WhenAll(AdvanceAsync(A, 10), AdvanceAsync(B, 20));
        await Eventually.HoldsAsync(async () => await OffsetAsync(A) == start + 30 && await OffsetAsync(B) == start + 30, "both nodes at the sum");

        await nodes.Redis.StopAsync();
        await Eventually.HoldsAsync(async () => (await B.ReadinessAsync()).Body.GetProperty("checks").GetProperty("redis").GetProperty("status").GetString() == "Degraded",
            "B reports Redis as degraded");
        await AdvanceAsync(A, 100);
        Assert.Equal(start + 30, await OffsetAsync(B));
        await nodes.Redis.StartAsync();

        await Eventually.HoldsAsync(async () => await OffsetAsync(B) == start + 130, "B read the clock again after the resync");
    }

    private TwoNodes.Node A => nodes.A;
    private TwoNodes.Node B => nodes.B;
}
