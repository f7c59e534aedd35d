using Jukebox.ScaleOut.Tests.Cluster;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jukebox.ScaleOut.Tests;

/// <summary>A player command on one node is what every other node, and every open web player, shows next.</summary>
[Collection(ScaleOutCollection.Name)]
[Trait("Category", "ScaleOut")]
public sealed class PlayerAcrossNodesTests(ScaleOutCluster cluster)
{
    private static readonly string[] Scopes = ["user-read-playback-state", "user-modify-playback-state"];

    /// <summary>How long a page may take to show a command sent to another node (a signal through Redis).</summary>
    private static readonly LocatorAssertionsToHaveTextOptions Soon = new() { Timeout = 5_000 };

    private async Task<HttpClient> PlayerClientAsync(Uri node, string userId) =>
        ClusterRequests.Client(node, await cluster.UserTokenAsync(node, userId, Scopes));

    [Fact]
    public async Task Play_on_node_1_is_the_state_on_node_2_and_pause_on_node_3_is_the_state_on_node_1()
    {
        var userId = await cluster.CreateUserAsync(cluster.Balancer, "player");
        var device = await cluster.CreateDeviceAsync(cluster.Balancer, userId, "Scale-out speaker");
        var album = (await cluster.PlayableAlbumsAsync()).First(a => a.Tracks.Count > 1);
        using var node1 = await PlayerClientAsync(cluster.Nodes[0].BaseAddress, userId);
        using var node2 = await PlayerClientAsync(cluster.Nodes[1].BaseAddress, userId);
        using var node3 = await PlayerClientAsync(cluster.Nodes[2].BaseAddress, userId);

        await node1.SendOkAsync(HttpMethod.Put, $"/v1/me/player/play?device_id={device}", new { context_uri = $"spotify:album:{album.Id}" });

        var state = await node2.GetOkAsync("/v1/me/player");
        Assert.Equal(album.Tracks[0].Id, state.GetProperty("item").GetProperty("id").GetString());
        Assert.True(state.GetProperty("is_playing").GetBoolean());
        Assert.Equal(device, state.GetProperty("device").GetProperty("id").GetString());

        await node3.SendOkAsync(HttpMethod.Post, "/v1/me/player/next");
        await node3.SendOkAsync(HttpMethod.Put, "/v1/me/player/pause");

        var paused = await node1.GetOkAsync("/v1/me/player");
        Assert.False(paused.GetProperty("is_playing").GetBoolean());
        Assert.Equal(album.Tracks[1].Id, paused.GetProperty("item").GetProperty("id").GetString());
        using var balanced = await PlayerClientAsync(cluster.Balancer, userId);
        Assert.Equal(album.Tracks[1].Id, (await balanced.GetOkAsync("/v1/me/player/currently-playing")).GetProperty("item").GetProperty("id").GetString());
    }

    [Fact]
    [Trait("Category", "Browser")]
    public async Task A_web_player_open_on_node_3_and_one_behind_nginx_follow_commands_sent_to_nodes_1_and_2()
    {
        const string password = "scale-out-password";
        var userId = await cluster.CreateUserAsync(cluster.Balancer, "webplayer", password);
        var album = (await cluster.PlayableAlbumsAsync()).First(a => a.Tracks.Count > 2);
        await using var browser = await HeadlessChromium.LaunchAsync();
        var onNode3 = await browser.OpenPlayerAsync(cluster.Nodes[2].BaseAddress, $"{userId}@example.test", password);
        var behindNginx = await browser.OpenPlayerAsync(cluster.Balancer, $"{userId}@example.test", password);
        var deviceId = await onNode3.Locator("body").GetAttributeAsync("data-device-id");
        using var node1 = await PlayerClientAsync(cluster.Nodes[0].BaseAddress, userId);
        using var node2 = await PlayerClientAsync(cluster.Nodes[1].BaseAddress, userId);

        await node1.SendOkAsync(HttpMethod.Put, $"/v1/me/player/play?device_id={deviceId}", new { context_uri = $"spotify:album:{album.Id}" });

        await Expect(onNode3.Locator("#title")).ToHaveTextAsync(album.Tracks[0].Name, Soon);
        await Expect(onNode3.Locator("#play-pause")).ToHaveTextAsync("Pause", Soon);
        await Expect(onNode3.Locator("#device-status")).ToHaveTextAsync("Playing on this web player.", Soon);
        await Expect(behindNginx.Locator("#title")).ToHaveTextAsync(album.Tracks[0].Name, Soon);
        await Expect(behindNginx.Locator("#device-status")).ToHaveTextAsync("Playing on Jukebox Web Player.", Soon);

        await node2.SendOkAsync(HttpMethod.Post, "/v1/me/player/next");
        await node2.SendOkAsync(HttpMethod.Put, "/v1/me/player/pause");

        await Expect(onNode3.Locator("#title")).ToHaveTextAsync(album.Tracks[1].Name, Soon);
        await Expect(onNode3.Locator("#play-pause")).ToHaveTextAsync("Play", Soon);
        await Expect(behindNginx.Locator("#title")).ToHaveTextAsync(album.Tracks[1].Name, Soon);
        await Expect(behindNginx.Locator("#play-pause")).ToHaveTextAsync("Play", Soon);

        // The page's own button, on node 3, is what node 1 reports.
        await onNode3.GetByRole(AriaRole.Button, new() { Name = "Play", Exact = true }).ClickAsync();
        await Expect(onNode3.Locator("#play-pause")).ToHaveTextAsync("Pause", Soon);
        var state = await node1.GetOkAsync("/v1/me/player");
        Assert.True(state.GetProperty("is_playing").GetBoolean());
        Assert.Equal(deviceId, state.GetProperty("device").GetProperty("id").GetString());
        Assert.Equal(album.Tracks[1].Id, state.GetProperty("item").GetProperty("id").GetString());
    }
}
