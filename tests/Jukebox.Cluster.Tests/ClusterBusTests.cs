using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jukebox.Accounts.Apps;
using Jukebox.Cluster;
using Jukebox.Api.Player;
using Jukebox.Api.Search;
using Microsoft.Extensions.Logging.Abstractions;
using Jukebox.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Jukebox.Cluster.Tests;

/// <summary>What one node changes, the other sees: the cluster bus over Redis between two nodes.</summary>
[Trait("Category", "Redis")]
public sealed class ClusterBusTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    private TwoNodes.Node A => nodes.A;
    private TwoNodes.Node B => nodes.B;

    private async Task<string> SomeArtistAsync(int skip) =>
        (await A.CatalogAsync()).Artists.Keys.Order(StringComparer.Ordinal).Skip(skip).First();

    [Fact]
    public async Task A_follow_on_one_node_changes_the_artists_follower_total_on_the_other()
    {
        var (_, token) = await TwoNodes.NewUserAsync(A, "user-follow-modify", "user-follow-read");
        var artistId = await SomeArtistAsync(11);
        var before = await B.ArtistFollowersAsync(token, artistId);

        await A.FollowArtistAsync(token, artistId);

        await Eventually.HoldsAsync(async () => await B.ArtistFollowersAsync(token, artistId) == before + 1, "B counts the follow made on A");
    }

    [Fact]
    public async Task A_public_playlist_created_on_one_node_is_found_by_search_on_the_other()
    {
        var (_, token) = await TwoNodes.NewUserAsync(A, "playlist-modify-public", "playlist-modify-private");
        var id = await A.CreatePlaylistAsync(token, "Quokka Mornings");

        await Eventually.HoldsAsync(async () => (await B.PlaylistsFoundAsync(token, "quokka")).Contains(id), "B finds the playlist made on A");
    }

    [Fact]
    public async Task A_player_command_on_one_node_wakes_the_player_pages_of_the_other()
    {
        var (userId, token) = await TwoNodes.NewUserAsync(A, "user-modify-playback-state", "user-read-playback-state");
        using var sandbox = A.CreateClient();
        using var device = await sandbox.PostAsync($"/sandbox/users/{userId}/devices", JsonContent.Create(new { name = "Hall", type = "Speaker" }));
        var deviceId = JsonDocument.Parse(await device.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
        var track = (await A.CatalogAsync()).Tracks.Keys.Order(StringComparer.Ordinal).First();
        using var listener = B.Services.GetRequiredService<IPlayerNotifier>().Listen(userId);

        using var api = A.CreateClient(token);
        using var play = await api.PutAsync($"/v1/me/player/play?device_id={deviceId}", JsonContent.Create(new { uris = new[] { $"spotify:track:{track}" } }));
        Assert.True(play.IsSuccessStatusCode, await play.Content.ReadAsStringAsync());

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        Assert.True(await listener.WaitAsync(timeout.Token));
        var state = await B.GetJsonAsync(token, "/v1/me/player");
        Assert.Equal(track, state.GetProperty("item").GetProperty("id").GetString());
        Assert.True(state.GetProperty("is_playing").GetBoolean());
    }

    [Fact]
    public async Task Deleting_an_app_on_one_node_makes_its_tokens_invalid_on_the_other()
    {
        DeveloperApps.Created app;
        await using (var scope = A.Services.CreateAsyncScope())
        {
            app = await scope.ServiceProvider.GetRequiredService<DeveloperApps>().CreateAsync(
                JukeboxTestServer.DemoUserId, "Short-lived app", "", null, ["https://short.example/callback"], CancellationToken.None);
        }
        var (_, body) = await new OAuthClient(A, app.ClientId, app.ClientSecret).TokenAsync([("grant_type", "client_credentials")]);
        using var onB = B.CreateClient(body.GetProperty("access_token").GetString());
        using (var before = await onB.GetAsync("/v1/markets"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode); // B has now validated and cached the token
        }

        await using (var scope = A.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DeveloperApps>().DeleteAsync(JukeboxTestServer.DemoUserId, app.ClientId, CancellationToken.None);
        }

        string? answer = null;
        await Eventually.HoldsAsync(async () =>
        {
            using var response = await onB.GetAsync("/v1/markets");
            answer = await response.Content.ReadAsStringAsync();
            return response.StatusCode == HttpStatusCode.Unauthorized;
        }, "B refuses the deleted app's token");
        Assert.Equal(401, JsonDocument.Parse(answer!).RootElement.GetProperty("error").GetProperty("status").GetInt32());
        Assert.Equal("Invalid access token", JsonDocument.Parse(answer!).RootElement.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task Changes_made_while_redis_was_down_reach_the_other_node_once_it_is_back()
    {
        var (_, token) = await TwoNodes.NewUserAsync(A, "user-follow-modify", "user-follow-read", "playlist-modify-public");
        var artistId = await SomeArtistAsync(23);
        var before = await B.ArtistFollowersAsync(token, artistId);

        await nodes.Redis.StopAsync();
        await Eventually.HoldsAsync(async () => (await B.ReadinessAsync()).Body.GetProperty("checks").GetProperty("redis").GetProperty("status").GetString() == "Degraded",
            "B reports Redis as degraded");
        var (status, readiness) = await B.ReadinessAsync();
        Assert.Equal(200, status);
        Assert.Contains("per-node", readiness.GetProperty("checks").GetProperty("redis").GetProperty("description").GetString());
        await Eventually.HoldsAsync(async () => (await A.ReadinessAsync()).Body.GetProperty("status").GetString() == "Degraded", "A sees Redis gone");

        // Served as usual on A; B cannot hear of it.
        await A.FollowArtistAsync(token, artistId);
        var playlist = await A.CreatePlaylistAsync(token, "Wombat Nights");
        Assert.Equal(before + 1, await A.ArtistFollowersAsync(token, artistId));
        Assert.Equal(before, await B.ArtistFollowersAsync(token, artistId));

        await nodes.Redis.StartAsync();

        await Eventually.HoldsAsync(async () => await B.ArtistFollowersAsync(token, artistId) == before + 1, "B reloaded the follower counts");
        await Eventually.HoldsAsync(async () => (await B.PlaylistsFoundAsync(token, "wombat")).Contains(playlist), "B rebuilt the playlist index");
        await Eventually.HoldsAsync(async () => (await A.ReadinessAsync()).Status == 200 && (await B.ReadinessAsync()).Body.GetProperty("status").GetString() == "Healthy",
            "both nodes ready and healthy again");
        await Eventually.HoldsAsync(async () => (await A.ReadinessAsync()).Body.GetProperty("checks").GetProperty("redis").GetProperty("status").GetString() == "Healthy",
            "A connected again");
    }

    [Fact]
    public async Task Changes_made_on_a_node_that_reconnects_after_the_others_reach_them()
    {
        var (_, token) = await TwoNodes.NewUserAsync(A, "user-follow-modify", "user-follow-read", "playlist-modify-public");
        var artistId = await SomeArtistAsync(31);
        var before = await B.ArtistFollowersAsync(token, artistId);

        // Redis restarts; B is back at once, while A's network to it stays down a while longer.
        nodes.RouteOfA.Cut();
        await nodes.Redis.StopAsync();
        await Eventually.HoldsAsync(async () => await RedisStatusAsync(A) == "Degraded", "A sees Redis gone");
        await A.FollowArtistAsync(token, artistId);
        await nodes.Redis.StartAsync();
        await Eventually.HoldsAsync(async () => await B.ArtistFollowersAsync(token, artistId) == before + 1, "B resynced on its reconnection");
        Assert.Equal("Degraded", await RedisStatusAsync(A));

        // What A does now, B has no other way to hear of than A's reconnection.
        await A.UnfollowArtistAsync(token, artistId);
        var playlist = await A.CreatePlaylistAsync(token, "Numbat Evenings");
        Assert.Equal(before + 1, await B.ArtistFollowersAsync(token, artistId));
        nodes.RouteOfA.Mend();

        await Eventually.HoldsAsync(async () => await B.ArtistFollowersAsync(token, artistId) == before, "B counts the unfollow made on A while A was cut off");
        await Eventually.HoldsAsync(async () => (await B.PlaylistsFoundAsync(token, "numbat")).Contains(playlist), "B finds the playlist made on A while A was cut off");
        await Eventually.HoldsAsync(async () => await RedisStatusAsync(A) == "Healthy", "A connected again");
    }

    private static async Task<string?> RedisStatusAsync(TwoNodes.Node node) =>
        (await node.ReadinessAsync()).Body.GetProperty("checks").GetProperty("redis").GetProperty("status").GetString();

    [Fact]
    public async Task A_node_that_seeds_the_catalog_makes_the_others_load_it_again()
    {
        var before = await B.CatalogAsync();

        // What InitializeAsync publishes after seeding an empty database (e.g. `jukebox seed` beside running nodes).
        A.Services.GetRequiredService<IClusterBus>().Publish(ClusterTopics.Catalog, "");

        await Eventually.HoldsAsync(async () => !ReferenceEquals(before, await B.CatalogAsync()), "B loaded the catalog again");
        var (_, token) = await TwoNodes.NewUserAsync(B);
        var artistId = await SomeArtistAsync(5);
        Assert.Equal(artistId, (await B.GetJsonAsync(token, $"/v1/artists/{artistId}")).GetProperty("id").GetString());
    }

    [Fact]
    public async Task Nodes_sharing_a_data_directory_that_build_the_search_index_at_once_both_serve_it()
    {
        var directory = Path.Combine(Path.GetTempPath(), "jukebox-tests", $"shared-index-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        try
        {
            var catalog = await A.CatalogAsync();
            using var onA = new CatalogSearchIndex(new SearchOptions { IndexDirectory = directory }, NullLogger<CatalogSearchIndex>.Instance);
            using var onB = new CatalogSearchIndex(new SearchOptions { IndexDirectory = directory }, NullLogger<CatalogSearchIndex>.Instance);

            var built = await Task.WhenAll(Task.Run(() => onA.ForAsync(catalog)), Task.Run(() => onB.ForAsync(catalog)));

            Assert.All(built, index => Assert.Equal(built[0].Reader.NumDocs, index.Reader.NumDocs));
            Assert.Single(Directory.GetDirectories(directory)); // one index, no build left behind
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
