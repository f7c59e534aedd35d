using System.Net.Http.Json;
using System.Text.Json;
using Jukebox.Testing;

namespace Jukebox.Cluster.Tests;

/// <summary>A fault rule added on one node applies on the others, and its count is shared by all of them.</summary>
[Trait("Category", "Redis")]
public sealed class FaultsAcrossNodesTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    private static async Task<int> StatusAsync(JukeboxTestServer node, string token)
    {
        using var api = node.CreateClient(token);
        using var response = await api.GetAsync("/v1/markets");
        return (int)response.StatusCode;
    }

    [Fact]
    public async Task Both_nodes_apply_a_rule_added_on_one_and_share_its_count()
    {
        var token = await nodes.A.NewClientTokenAsync();
        using var sandbox = nodes.A.CreateClient();
        using var added = await sandbox.PostAsJsonAsync("/sandbox/faults",
            new { client_id = JukeboxTestServer.DemoClientId, path = "/v1/markets", status = 503, count = 3 });
        Assert.Equal(System.Net.HttpStatusCode.Created, added.StatusCode);

        // Node B learns of the rule through the cluster bus; until then its requests pass and use none of the count.
        await Eventually.HoldsAsync(async () => await StatusAsync(nodes.B, token) == 503, "node B applies the rule");
        var onA = await StatusAsync(nodes.A, token);
        var onB = await StatusAsync(nodes.B, token);
        var afterA = await StatusAsync(nodes.A, token);
        var afterB = await StatusAsync(nodes.B, token);

        Assert.Equal((503, 503), (onA, onB));
        Assert.Equal((200, 200), (afterA, afterB));
        using var listed = nodes.B.CreateClient();
        Assert.Empty((await listed.GetFromJsonAsync<JsonElement>("/sandbox/faults")).GetProperty("items").EnumerateArray());
    }
}
