using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Jukebox.Api.Catalog;
using Jukebox.Testing;

namespace Jukebox.Api.Tests.Player;

/// <summary>
/// A fresh sandbox user with a token for the player's scopes, its own devices and its own playback
/// clock (moved with the sandbox API, so tests sharing a server do not disturb each other).
/// </summary>
internal sealed class PlayerUser : IDisposable
{
    public static readonly string[] AllScopes =
    [
        "user-read-playback-state", "user-modify-playback-state", "user-read-currently-playing",
        "user-read-recently-played", "user-top-read", "user-read-playback-position",
    ];

    private static int _count;

    private PlayerUser(JukeboxTestServer server, string id, HttpClient http)
    {
        Server = server;
        Id = id;
        Http = http;
    }

    public JukeboxTestServer Server { get; }
    public string Id { get; }
    public HttpClient Http { get; }

    public static async Task<PlayerUser> CreateAsync(JukeboxTestServer server, string product = "premium", string country = "US", string[]? scopes = null)
    {
        var id = $"listener-{Interlocked.Increment(ref _count)}-{Guid.NewGuid():N}"[..40];
        await server.CreateUserAsync(id, "listener-pass", country, product);
        var token = await OAuthClient.Demo(server).SandboxUserTokenAsync(id, scopes ?? AllScopes);
        return new PlayerUser(server, id, server.CreateClient(token));
    }

    /// <summary>A token of this user with only <paramref name="scopes"/>.</summary>
    public async Task<HttpClient> ClientWithScopesAsync(params string[] scopes) =>
        Server.CreateClient(await OAuthClient.Demo(Server).SandboxUserTokenAsync(Id, scopes));

    public async Task<string> AddDeviceAsync(string name = "Kitchen", string type = "Speaker", bool supportsVolume = true,
        bool restricted = false, bool privateSession = false)
    {
        using var client = Server.CreateClient();
        using var response = await client.PostAsync($"/sandbox/users/{Id}/devices", JsonContent.Create(new
        {
            name, type, supports_volume = supportsVolume, is_restricted = restricted, is_private_session = privateSession,
        }));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.Str("id");
    }

    /// <summary>Moves this user's playback clock forward through the sandbox API.</summary>
    public async Task AdvanceAsync(double seconds)
    {
        using var client = Server.CreateClient();
        using var response = await client.PostAsync($"/sandbox/users/{Id}/player/advance", JsonContent.Create(new { seconds }));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, string? json = null)
    {
        var request = new HttpRequestMessage(method, url);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }
        return Http.SendAsync(request);
    }

    /// <summary>Sends a command and fails unless it answers 204 with no body.</summary>
    public async Task CommandAsync(HttpMethod method, string url, string? json = null)
    {
        using var response = await SendAsync(method, url, json);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.NoContent, $"{method} {url} answered {(int)response.StatusCode}: {body}");
        Assert.Equal("", body);
    }

    public Task PlayAsync(string json, string? deviceId = null) =>
        CommandAsync(HttpMethod.Put, "/v1/me/player/play" + (deviceId is null ? "" : $"?device_id={deviceId}"), json);

    public Task PlayAlbumAsync(CatalogAlbum album, string deviceId, int position = 0) =>
        PlayAsync($$$"""{"context_uri":"spotify:album:{{{album.Id}}}","offset":{"position":{{{position}}}}}""", deviceId);

    /// <summary>GET /me/player checked against the spec; null when it answers 204.</summary>
    public async Task<JsonElement?> StateAsync(string query = "")
    {
        using var response = await Http.GetAsync("/v1/me/player" + query);
        if (response.StatusCode == HttpStatusCode.NoContent)
        {
            Assert.Equal("", await response.Content.ReadAsStringAsync());
            return null;
        }
        return await OkAsync(response, "/me/player");
    }

    public async Task<JsonElement> RequireStateAsync(string query = "") =>
        await StateAsync(query) ?? throw new Xunit.Sdk.XunitException("GET /me/player answered 204");

    /// <summary>The id of the item playing now.</summary>
    public async Task<string?> CurrentIdAsync()
    {
        var state = await RequireStateAsync("?additional_types=episode");
        return state.GetProperty("item").ValueKind == JsonValueKind.Null ? null : state.GetProperty("item").Str("id");
    }

    public async Task<JsonElement> GetAsync(string url, string specPath)
    {
        using var response = await Http.GetAsync(url);
        return await OkAsync(response, specPath);
    }

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response, string specPath)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {specPath} answered {(int)response.StatusCode}: {body}");
        await SpotifySpec.AssertMatchesAsync(response, "GET", specPath);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Asserts the player's error object: status, message and reason.</summary>
    public static async Task AssertPlayerErrorAsync(HttpResponseMessage response, int status, string message, string? reason)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"Expected {status}, got {(int)response.StatusCode}: {body}");
        var error = JsonDocument.Parse(body).RootElement.GetProperty("error");
        Assert.Equal(status, error.Int("status"));
        Assert.Equal(message, error.Str("message"));
        if (reason is null)
        {
            Assert.False(error.Has("reason"), body);
        }
        else
        {
            Assert.Equal(reason, error.Str("reason"));
        }
    }

    public async Task AssertFailsAsync(HttpMethod method, string url, int status, string message, string? reason = null, string? json = null)
    {
        using var response = await SendAsync(method, url, json);
        await AssertPlayerErrorAsync(response, status, message, reason);
    }

    public void Dispose() => Http.Dispose();
}
