using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jukebox.Testing;

namespace Jukebox.Api.Tests.Playlists;

/// <summary>
/// The playlist rules of the restricted profiles, which depend on the playlist: Spotify-owned ones are
/// gone for apps made from 2024, and development mode since 2026 shows items only to the playlist's members.
/// </summary>
public sealed class PlaylistProfileTests(JukeboxTestServer server) : IClassFixture<JukeboxTestServer>
{
    private static readonly string[] Scopes = ["playlist-read-private", "playlist-modify-public", "playlist-modify-private", "user-read-private"];

    private async Task<OAuthClient> NewAppAsync(string profile)
    {
        using var sandbox = server.CreateClient();
        using var created = await sandbox.PostAsJsonAsync("/sandbox/apps", new { name = profile, quota_mode = "extended", api_profile = profile });
        var app = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        return new OAuthClient(server, app.GetProperty("client_id").GetString()!, app.GetProperty("client_secret").GetString()!);
    }

    private async Task<HttpClient> UserAsync(OAuthClient app, string userId) =>
        server.CreateClient(await app.SandboxUserTokenAsync(userId, Scopes));

    private static async Task<string> AnswerAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        return $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
    }

    private async Task<string> EditorialIdAsync()
    {
        using var app = server.CreateClient(await server.NewClientTokenAsync());
        var featured = await app.GetFromJsonAsync<JsonElement>("/v1/browse/featured-playlists?limit=1");
        return featured.GetProperty("playlists").GetProperty("items")[0].GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task Spotify_owned_playlists_are_gone_for_a_restricted_app_and_null_in_a_users_list()
    {
        var editorial = await EditorialIdAsync();
        var full = await NewAppAsync("full");
        var restricted = await NewAppAsync("restricted-2024");
        await server.CreateUserAsync("profile-follower", "follower-pass");
        using var fullUser = await UserAsync(full, "profile-follower");
        using var restrictedUser = await UserAsync(restricted, "profile-follower");
        using var follow = await fullUser.PutAsJsonAsync($"/v1/playlists/{editorial}/followers", new { @public = true });
        Assert.Equal(HttpStatusCode.OK, follow.StatusCode);

        var fullList = JsonDocument.Parse((await AnswerAsync(fullUser, "/v1/me/playlists"))[4..]).RootElement.GetProperty("items");
        var restrictedList = JsonDocument.Parse((await AnswerAsync(restrictedUser, "/v1/me/playlists"))[4..]).RootElement.GetProperty("items");

        Assert.StartsWith("200", await AnswerAsync(fullUser, $"/v1/playlists/{editorial}"));
        Assert.Equal("404 {\"error\":{\"status\":404,\"message\":\"Resource not found\"}}", await AnswerAsync(restrictedUser, $"/v1/playlists/{editorial}"));
        Assert.Equal("404 {\"error\":{\"status\":404,\"message\":\"Resource not found\"}}", await AnswerAsync(restrictedUser, $"/v1/playlists/{editorial}/items"));
        Assert.Equal(editorial, fullList[0].GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, restrictedList[0].ValueKind);
        Assert.Equal(fullList.GetArrayLength(), restrictedList.GetArrayLength());
    }

    [Fact]
    public async Task Spotify_owned_playlists_found_by_a_search_are_null_for_a_restricted_app()
    {
        var editorial = await EditorialIdAsync();
        using var reader = server.CreateClient(await server.NewClientTokenAsync());
        var name = (await reader.GetFromJsonAsync<JsonElement>($"/v1/playlists/{editorial}")).GetProperty("name").GetString()!;
        var search = $"/v1/search?q={Uri.EscapeDataString(name)}&type=playlist&limit=10";
        using var full = await UserAsync(await NewAppAsync("full"), JukeboxTestServer.DemoUserId);
        using var restricted = await UserAsync(await NewAppAsync("restricted-2024"), JukeboxTestServer.DemoUserId);

        var forFull = (await full.GetFromJsonAsync<JsonElement>(search)).GetProperty("playlists");
        var forRestricted = (await restricted.GetFromJsonAsync<JsonElement>(search)).GetProperty("playlists");

        var position = forFull.GetProperty("items").EnumerateArray().ToList().FindIndex(p => p.GetProperty("id").GetString() == editorial);
        Assert.True(position >= 0, $"A search for {name} did not find the playlist.");
        Assert.Equal(JsonValueKind.Null, forRestricted.GetProperty("items")[position].ValueKind);
        Assert.Equal(forFull.GetProperty("total").GetInt32(), forRestricted.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_development_app_shows_a_playlists_items_only_to_its_members()
    {
        var app = await NewAppAsync("development-2026");
        await server.CreateUserAsync("profile-owner", "owner-pass");
        await server.CreateUserAsync("profile-reader", "reader-pass");
        using var owner = await UserAsync(app, "profile-owner");
        using var reader = await UserAsync(app, "profile-reader");
        using var created = await owner.PostAsJsonAsync("/v1/me/playlists", new { name = "Members only", @public = true });
        var playlist = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();

        var ownerView = JsonDocument.Parse((await AnswerAsync(owner, $"/v1/playlists/{playlist}"))[4..]).RootElement;
        var readerView = await AnswerAsync(reader, $"/v1/playlists/{playlist}");
        var readerObject = JsonDocument.Parse(readerView[4..]).RootElement;

        Assert.True(ownerView.TryGetProperty("items", out _));
        Assert.StartsWith("200", readerView);
        Assert.Equal("Members only", readerObject.GetProperty("name").GetString());
        Assert.False(readerObject.TryGetProperty("items", out _));
        Assert.False(readerObject.TryGetProperty("tracks", out _));
        Assert.StartsWith("200", await AnswerAsync(owner, $"/v1/playlists/{playlist}/items"));
        Assert.Equal("403 {\"error\":{\"status\":403,\"message\":\"Forbidden\"}}", await AnswerAsync(reader, $"/v1/playlists/{playlist}/items"));
    }
}
