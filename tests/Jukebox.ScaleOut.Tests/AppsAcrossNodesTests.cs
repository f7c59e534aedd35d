using System.Net;
using System.Text.RegularExpressions;
using Jukebox.ScaleOut.Tests.Cluster;
using Jukebox.Testing;

namespace Jukebox.ScaleOut.Tests;

/// <summary>What every node remembers about an app (its validated tokens) is forgotten everywhere when the app goes.</summary>
[Collection(ScaleOutCollection.Name)]
[Trait("Category", "ScaleOut")]
public sealed partial class AppsAcrossNodesTests(ScaleOutCluster cluster)
{
    private const string Search = "/v1/search?q=a&type=artist&limit=1";

    [Fact]
    public async Task Deleting_an_app_on_node_1_makes_its_tokens_401_on_nodes_2_and_3()
    {
        const string password = "scale-out-password";
        var ownerId = await cluster.CreateUserAsync(cluster.Balancer, "developer", password);
        using var dashboard = new AccountsBrowser(cluster.Nodes[0].BaseAddress);
        await dashboard.LogInAsync($"{ownerId}@example.test", password);
        var (clientId, secret) = await CreateAppAsync(dashboard);
        var token = await ClientCredentialsAsync(cluster.Nodes[1].BaseAddress, clientId, secret);
        foreach (var where in cluster.Everywhere)
        {
            using var client = ClusterRequests.Client(where, token);
            using var response = await client.GetAsync(Search);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{where}: {(int)response.StatusCode}");
        }

        var confirm = await dashboard.Client.GetStringAsync($"/dashboard/apps/{clientId}/delete");
        using (var deleted = await dashboard.Client.PostAsync($"/dashboard/apps/{clientId}/delete", new FormUrlEncodedContent(HiddenFields(confirm))))
        {
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        }

        foreach (var node in cluster.Nodes)
        {
            using var client = ClusterRequests.Client(node.BaseAddress, token);
            await ClusterRequests.EventuallyAsync($"{node.Name} refuses the deleted app's token", async () =>
            {
                using var response = await client.GetAsync(Search);
                var body = await response.JsonAsync();
                return (response.StatusCode == HttpStatusCode.Unauthorized
                    && body.GetProperty("error").GetProperty("status").GetInt32() == 401, $"{(int)response.StatusCode} {body}");
            });
        }
        // Node 2 issued a token to the app before and knows its client; the others did not.
        foreach (var node in cluster.Nodes)
        {
            using var again = new HttpClient { BaseAddress = node.BaseAddress };
            await ClusterRequests.EventuallyAsync($"{node.Name} refuses the deleted app a token", async () =>
            {
                using var refused = await again.PostAsync("/api/token", Form(clientId, secret));
                var body = await refused.JsonAsync();
                // Spotify answers an unknown client with 400 invalid_client.
                return (refused.StatusCode == HttpStatusCode.BadRequest
                    && body.GetProperty("error").GetString() == "invalid_client", $"{(int)refused.StatusCode} {body}");
            });
        }
    }

    /// <summary>Fills the dashboard's Create app form; the app's page then shows the secret once.</summary>
    private static async Task<(string ClientId, string Secret)> CreateAppAsync(AccountsBrowser dashboard)
    {
        var form = await dashboard.Client.GetStringAsync("/dashboard/create");
        using var created = await dashboard.Client.PostAsync("/dashboard/create", new FormUrlEncodedContent(
            HiddenFields(form).Concat(
            [
                new("Form.Name", "Scale-out app"),
                new("Form.Description", "Made on node 1"),
                new("Form.RedirectUris", "http://127.0.0.1:8888/callback"),
            ])));
        Assert.True(created.StatusCode == HttpStatusCode.Redirect, await created.Content.ReadAsStringAsync());
        var page = created.Headers.Location!.ToString();
        var clientId = page.Split('/').Last();
        var html = await dashboard.Client.GetStringAsync(page);
        var secret = Secret().Match(html);
        Assert.True(secret.Success, html);
        return (clientId, WebUtility.HtmlDecode(secret.Groups[1].Value));
    }

    /// <summary>The page's hidden fields, each once: the header's Log out form carries the same anti-forgery token as the page's form.</summary>
    private static IEnumerable<KeyValuePair<string, string>> HiddenFields(string html) =>
        AccountsBrowser.Fields(html).DistinctBy(f => f.Key);

    private static FormUrlEncodedContent Form(string clientId, string secret) => new(
    [
        new("grant_type", "client_credentials"),
        new("client_id", clientId),
        new("client_secret", secret),
    ]);

    private static async Task<string> ClientCredentialsAsync(Uri node, string clientId, string secret)
    {
        using var client = new HttpClient { BaseAddress = node };
        using var response = await client.PostAsync("/api/token", Form(clientId, secret));
        var body = await response.JsonAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {body}");
        return body.GetProperty("access_token").GetString()!;
    }

    [GeneratedRegex("id=\"client-secret\">([^<]+)<")]
    private static partial Regex Secret();
}
