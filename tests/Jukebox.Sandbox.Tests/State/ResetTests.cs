using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jukebox.Testing;

namespace Jukebox.Sandbox.Tests.State;

/// <summary>POST /sandbox/reset: back to the freshly seeded server, without a restart.</summary>
public sealed class ResetTests(JukeboxTestServer server) : IClassFixture<JukeboxTestServer>
{
    private async Task ResetAsync()
    {
        using var sandbox = server.CreateClient();
        using var response = await sandbox.PostAsync("/sandbox/reset", null);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task A_reset_removes_everything_users_made()
    {
        await ResetAsync();
        using var app = server.CreateClient(await server.NewClientTokenAsync());
        var artistId = await UserScene.ArtistIdAsync(server);
        var freshArtist = await (await app.GetAsync($"/v1/artists/{artistId}")).Content.ReadAsStringAsync();
        var scene = await UserScene.CreateAsync(server);
        var before = await scene.ObserveAsync(server);

        await ResetAsync();
        var after = await scene.ObserveAsync(server);
        using var sandbox = server.CreateClient();
        using var device = await sandbox.PostAsJsonAsync($"/sandbox/users/{UserScene.UserId}/devices", new { name = "x" });
        var (grant, _) = await OAuthClient.Demo(server).TokenAsync(
            [("grant_type", "urn:jukebox:params:oauth:grant-type:sandbox-user"), ("user_id", UserScene.UserId), ("scope", "")]);
        var (_, appError) = await new OAuthClient(server, scene.App.ClientId, scene.App.ClientSecret).TokenAsync([("grant_type", "client_credentials")]);
        var search = $"app /v1/search?type=playlist&q={UserScene.SearchWord}";
        var editorial = $"app /v1/playlists/{scene.EditorialId}?fields=followers";

        Assert.StartsWith("200", before["alice /v1/me"]);
        Assert.Equal("401 {\"error\":{\"status\":401,\"message\":\"Invalid access token\"}}", after["alice /v1/me"]);
        Assert.Equal(HttpStatusCode.NotFound, device.StatusCode);
        Assert.Equal(400, grant);
        Assert.Equal("invalid_client", appError.GetProperty("error").GetString());
        Assert.StartsWith("404", after[$"app /v1/users/{UserScene.UserId}"]);
        Assert.StartsWith("404", after[$"app /v1/playlists/{scene.PlaylistId}"]);
        Assert.Contains(scene.PlaylistId, before[search]);
        Assert.DoesNotContain(scene.PlaylistId, after[search]);
        Assert.NotEqual(before[editorial], after[editorial]);
        Assert.NotEqual($"200 {freshArtist}", before[$"app /v1/artists/{artistId}"]);
        Assert.Equal($"200 {freshArtist}", after[$"app /v1/artists/{artistId}"]);
    }

    [Fact]
    public async Task The_demo_users_library_after_a_reset_is_the_seeded_one()
    {
        await ResetAsync();
        var demoToken = await UserScene.DemoTokenAsync(server);
        var seeded = await DemoLibraryAsync(demoToken);
        await UserScene.CreateAsync(server);
        var changed = await DemoLibraryAsync(demoToken);

        await ResetAsync();
        var after = await DemoLibraryAsync(demoToken);

        Assert.NotEqual(seeded, changed);
        Assert.Equal(seeded, after);
        Assert.Equal(12, JsonDocument.Parse(after[0][4..]).RootElement.GetProperty("total").GetInt32());
    }

    private async Task<List<string>> DemoLibraryAsync(string demoToken)
    {
        using var client = server.CreateClient(demoToken);
        var answers = new List<string>();
        foreach (var url in new[] { "/v1/me/tracks", "/v1/me/albums", "/v1/me/following?type=artist", "/v1/me/player/devices", "/v1/me/player/recently-played?limit=50", "/v1/me/top/tracks?time_range=long_term" })
        {
            using var response = await client.GetAsync(url);
            answers.Add($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        return answers;
    }
}
