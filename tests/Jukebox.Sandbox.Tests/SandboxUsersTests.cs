using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jukebox.Accounts.Apps;
using Jukebox.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Jukebox.Sandbox.Tests;

/// <summary>Listing, reading and removing users through the sandbox.</summary>
public sealed class SandboxUsersTests(JukeboxTestServer server) : IClassFixture<JukeboxTestServer>
{
    private static readonly string[] Scopes =
    [
        "user-read-private", "playlist-modify-public", "playlist-read-private", "user-follow-modify", "user-follow-read",
        "user-library-modify", "user-library-read",
    ];

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    private async Task<HttpClient> NewUserAsync(string id)
    {
        await server.CreateUserAsync(id, $"{id}-pass");
        return server.CreateClient(await OAuthClient.Demo(server).SandboxUserTokenAsync(id, Scopes));
    }

    private static async Task<JsonElement> GetAsync(HttpClient api, string url)
    {
        using var response = await api.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await JsonAsync(response);
    }

    private static async Task SendAsync(HttpClient api, HttpMethod method, string url, object? body = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await api.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{method} {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task<List<string?>> IdsAsync(HttpClient api, string url, string? container = null)
    {
        var page = await GetAsync(api, url);
        var items = container is null ? page.GetProperty("items") : page.GetProperty(container).GetProperty("items");
        return [.. items.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object).Select(i => i.GetProperty("id").GetString())];
    }

    [Fact]
    public async Task A_created_user_is_listed_and_read_as_it_was_created()
    {
        using var sandbox = server.CreateClient();
        using var created = await sandbox.PostAsJsonAsync("/sandbox/users",
            new { id = "listed-user", display_name = "Listed", email = "listed@example.test", country = "NO", product = "free" });
        var made = await JsonAsync(created);

        var listed = await GetAsync(sandbox, "/sandbox/users");
        var read = await GetAsync(sandbox, "/sandbox/users/listed-user");

        var entry = Assert.Single(listed.GetProperty("items").EnumerateArray(), u => u.GetProperty("id").GetString() == "listed-user");
        Assert.Equal(made.GetRawText(), entry.GetRawText());
        Assert.Equal(made.GetRawText(), read.GetRawText());
        Assert.Equal("NO", read.GetProperty("country").GetString());
        Assert.Equal("Listed", read.GetProperty("display_name").GetString());
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), u => u.GetProperty("id").GetString() == JukeboxTestServer.DemoUserId);
    }

    [Fact]
    public async Task Removing_a_user_removes_everything_theirs_and_leaves_the_others_data()
    {
        using var gone = await NewUserAsync("removed-user");
        using var other = await NewUserAsync("remaining-user");
        var artistId = (await server.CatalogAsync()).Artists.Keys.Order(StringComparer.Ordinal).Skip(5).First();
        var trackId = (await server.CatalogAsync()).Tracks.Keys.Order(StringComparer.Ordinal).First();
        var artistFollowers = (await GetAsync(other, $"/v1/artists/{artistId}")).GetProperty("followers").GetProperty("total").GetInt64();
        var playlist = (await SendForJsonAsync(gone, HttpMethod.Post, "/v1/me/playlists", new { name = "Pangolin Parade", @public = true })).GetProperty("id").GetString()!;
        var othersPlaylist = (await SendForJsonAsync(other, HttpMethod.Post, "/v1/me/playlists", new { name = "Okapi Evenings", @public = true })).GetProperty("id").GetString()!;
        await SendAsync(other, HttpMethod.Put, $"/v1/playlists/{playlist}/followers");
        await SendAsync(gone, HttpMethod.Put, $"/v1/playlists/{othersPlaylist}/followers");
        await SendAsync(gone, HttpMethod.Put, $"/v1/me/following?type=artist&ids={artistId}");
        await SendAsync(gone, HttpMethod.Put, "/v1/me/following?type=user&ids=remaining-user");
        await SendAsync(gone, HttpMethod.Put, $"/v1/me/tracks?ids={trackId}");
        Assert.Contains(playlist, await IdsAsync(other, "/v1/me/playlists"));
        Assert.Contains(playlist, await IdsAsync(other, "/v1/search?type=playlist&q=pangolin", "playlists"));
        Assert.Equal(artistFollowers + 1, (await GetAsync(other, $"/v1/artists/{artistId}")).GetProperty("followers").GetProperty("total").GetInt64());
        Assert.Equal(1, (await GetAsync(other, $"/v1/playlists/{othersPlaylist}")).GetProperty("followers").GetProperty("total").GetInt64());
        Assert.Equal(1, (await GetAsync(other, "/v1/users/remaining-user")).GetProperty("followers").GetProperty("total").GetInt64());

        using var sandbox = server.CreateClient();
        using var removed = await sandbox.DeleteAsync("/sandbox/users/removed-user");
        using var again = await sandbox.DeleteAsync("/sandbox/users/removed-user");
        using var read = await sandbox.GetAsync("/sandbox/users/removed-user");
        using var me = await gone.GetAsync("/v1/me");
        using var removedPlaylist = await other.GetAsync($"/v1/playlists/{playlist}");

        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Contains(me.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.NotFound });
        Assert.Equal(HttpStatusCode.NotFound, removedPlaylist.StatusCode);
        Assert.DoesNotContain("removed-user", (await GetAsync(sandbox, "/sandbox/users")).GetProperty("items").EnumerateArray().Select(u => u.GetProperty("id").GetString()));
        Assert.DoesNotContain(playlist, await IdsAsync(other, "/v1/me/playlists"));
        Assert.Contains(othersPlaylist, await IdsAsync(other, "/v1/me/playlists"));
        Assert.DoesNotContain(playlist, await IdsAsync(other, "/v1/search?type=playlist&q=pangolin", "playlists"));
        Assert.Equal(artistFollowers, (await GetAsync(other, $"/v1/artists/{artistId}")).GetProperty("followers").GetProperty("total").GetInt64());
        Assert.Equal(0, (await GetAsync(other, $"/v1/playlists/{othersPlaylist}")).GetProperty("followers").GetProperty("total").GetInt64());
        Assert.Equal(0, (await GetAsync(other, "/v1/users/remaining-user")).GetProperty("followers").GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task A_removed_users_apps_and_grants_are_gone()
    {
        await server.CreateUserAsync("app-owner-user", "app-owner-pass");
        DeveloperApps.Created app;
        await using (var scope = server.Services.CreateAsyncScope())
        {
            app = await scope.ServiceProvider.GetRequiredService<DeveloperApps>()
                .CreateAsync("app-owner-user", "Owner's app", "", null, ["http://127.0.0.1:9999/cb"], CancellationToken.None);
        }
        var oauth = new OAuthClient(server, app.ClientId, app.ClientSecret);
        var (before, issued) = await oauth.TokenAsync([("grant_type", "client_credentials")]);
        var (_, userGrant) = await OAuthClient.Demo(server).TokenAsync(
            [("grant_type", "urn:jukebox:params:oauth:grant-type:sandbox-user"), ("user_id", "app-owner-user"), ("scope", "user-read-private")]);

        using var sandbox = server.CreateClient();
        using var removed = await sandbox.DeleteAsync("/sandbox/users/app-owner-user");
        var (after, refused) = await oauth.TokenAsync([("grant_type", "client_credentials")]);
        using var api = server.CreateClient(issued.GetProperty("access_token").GetString());
        using var catalog = await api.GetAsync("/v1/markets");
        var (refresh, refreshRefused) = await OAuthClient.Demo(server).TokenAsync(
            [("grant_type", "refresh_token"), ("refresh_token", userGrant.GetProperty("refresh_token").GetString()!)]);

        Assert.Equal(200, before);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal("invalid_client", refused.GetProperty("error").GetString());
        Assert.Equal(400, after);
        Assert.Equal(HttpStatusCode.Unauthorized, catalog.StatusCode);
        Assert.Equal(400, refresh);
        Assert.Equal("invalid_grant", refreshRefused.GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("nobody-at-all")]
    [InlineData("no%20such%20user")]
    [InlineData("%C3%A9t%C3%A9")]
    public async Task Unknown_users_are_404_and_nothing_is_removed(string id)
    {
        using var sandbox = server.CreateClient();
        var count = (await GetAsync(sandbox, "/sandbox/users")).GetProperty("items").GetArrayLength();

        using var read = await sandbox.GetAsync($"/sandbox/users/{id}");
        using var removed = await sandbox.DeleteAsync($"/sandbox/users/{id}");

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, removed.StatusCode);
        Assert.Equal("No such user", (await JsonAsync(removed)).GetProperty("error").GetProperty("message").GetString());
        Assert.Equal(count, (await GetAsync(sandbox, "/sandbox/users")).GetProperty("items").GetArrayLength());
    }

    private static async Task<JsonElement> SendForJsonAsync(HttpClient api, HttpMethod method, string url, object body)
    {
        using var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) };
        using var response = await api.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{method} {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await JsonAsync(response);
    }
}
