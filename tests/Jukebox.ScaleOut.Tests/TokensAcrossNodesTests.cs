using System.Net;
using Jukebox.ScaleOut.Tests.Cluster;
using Jukebox.Testing;

namespace Jukebox.ScaleOut.Tests;

/// <summary>A token issued by one node is good on every node: an app does not know which node it reaches.</summary>
[Collection(ScaleOutCollection.Name)]
[Trait("Category", "ScaleOut")]
public sealed class TokensAcrossNodesTests(ScaleOutCluster cluster)
{
    private const string Search = "/v1/search?q=a&type=artist&limit=1";

    [Fact]
    public async Task A_client_credentials_token_from_node_1_works_on_nodes_2_and_3_and_through_nginx()
    {
        var token = await ClusterRequests.ClientTokenAsync(cluster.Nodes[0].BaseAddress);

        foreach (var where in cluster.Everywhere)
        {
            using var client = ClusterRequests.Client(where, token);
            using var response = await client.GetAsync(Search);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{where}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    [Fact]
    public async Task Authorizing_on_node_1_exchanging_the_code_on_node_2_and_refreshing_on_node_3_signs_the_user_in_everywhere()
    {
        const string password = "scale-out-password";
        var userId = await cluster.CreateUserAsync(cluster.Balancer, "oauth", password);
        using var browser = new AccountsBrowser(cluster.Nodes[0].BaseAddress);
        var query = OAuthClient.Query(("client_id", JukeboxTestServer.DemoClientId), ("response_type", "code"),
            ("redirect_uri", JukeboxTestServer.DemoRedirectUri), ("scope", "user-read-private user-read-email"), ("state", "across-nodes"));

        var back = await browser.AuthorizeAsync(query, ($"{userId}@example.test", password));

        Assert.True(back is not null, $"{browser.LastPage?.StatusCode}: {browser.LastHtml}");
        Assert.Equal("across-nodes", OAuthClient.Parameter(back!, "state"));
        var code = OAuthClient.Parameter(back!, "code")!;
        var (status, tokens) = await ClusterRequests.TokenAsync(cluster.Nodes[1].BaseAddress,
            ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", JukeboxTestServer.DemoRedirectUri));
        Assert.True(status == 200, $"code exchange on node 2: {status} {tokens}");
        await AssertSignedInEverywhereAsync(tokens.GetProperty("access_token").GetString()!, userId);

        var (refreshed, renewed) = await ClusterRequests.TokenAsync(cluster.Nodes[2].BaseAddress,
            ("grant_type", "refresh_token"), ("refresh_token", tokens.GetProperty("refresh_token").GetString()!));
        Assert.True(refreshed == 200, $"refresh on node 3: {refreshed} {renewed}");
        await AssertSignedInEverywhereAsync(renewed.GetProperty("access_token").GetString()!, userId);

        // The code was spent on node 2: no other node accepts it again.
        var (again, error) = await ClusterRequests.TokenAsync(cluster.Nodes[2].BaseAddress,
            ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", JukeboxTestServer.DemoRedirectUri));
        Assert.Equal(400, again);
        Assert.Equal("invalid_grant", error.GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_code_replayed_on_node_3_revokes_the_access_token_it_bought_on_every_node_that_cached_it()
    {
        const string password = "scale-out-password";
        var userId = await cluster.CreateUserAsync(cluster.Balancer, "replay", password);
        using var browser = new AccountsBrowser(cluster.Nodes[0].BaseAddress);
        var back = await browser.AuthorizeAsync(OAuthClient.Query(("client_id", JukeboxTestServer.DemoClientId), ("response_type", "code"),
            ("redirect_uri", JukeboxTestServer.DemoRedirectUri), ("scope", "user-read-private")), ($"{userId}@example.test", password));
        var code = OAuthClient.Parameter(back!, "code")!;
        var (_, tokens) = await ClusterRequests.TokenAsync(cluster.Nodes[1].BaseAddress,
            ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", JukeboxTestServer.DemoRedirectUri));
        var accessToken = tokens.GetProperty("access_token").GetString()!;
        await AssertSignedInEverywhereAsync(accessToken, userId);

        var (replayed, _) = await ClusterRequests.TokenAsync(cluster.Nodes[2].BaseAddress,
            ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", JukeboxTestServer.DemoRedirectUri));

        Assert.Equal(400, replayed);
        foreach (var node in cluster.Nodes)
        {
            await ClusterRequests.EventuallyAsync($"the replayed code's access token refused on {node.BaseAddress}", async () =>
            {
                using var client = ClusterRequests.Client(node.BaseAddress, accessToken);
                using var response = await client.GetAsync("/v1/me");
                return (response.StatusCode == HttpStatusCode.Unauthorized, $"{(int)response.StatusCode}");
            }, TimeSpan.FromSeconds(2));
        }
    }

    private async Task AssertSignedInEverywhereAsync(string accessToken, string userId)
    {
        foreach (var where in cluster.Everywhere)
        {
            using var client = ClusterRequests.Client(where, accessToken);
            var me = await client.GetOkAsync("/v1/me");
            Assert.Equal(userId, me.GetProperty("id").GetString());
        }
    }
}
