using System.Net.Http.Json;
using System.Text.Json;
using Jukebox.Accounts.Apps;
using Jukebox.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Jukebox.Sandbox.Tests.State;

/// <summary>
/// What a test suite leaves on a server: a user with an app of their own, a public playlist with
/// tracks, saves, follows (an artist, the demo user, an editorial playlist), a device, something
/// played, a profile picture; and the demo user's library changed too. <see cref="ObserveAsync"/>
/// reads it back through the Web API, as clients see it.
/// </summary>
public sealed class UserScene
{
    public const string UserId = "scene-alice";
    public const string SearchWord = "Zanzibarscene";

    private static readonly string[] Scopes =
    [
        "user-read-private", "user-read-email", "user-library-read", "user-library-modify", "user-follow-read", "user-follow-modify",
        "playlist-read-private", "playlist-modify-public", "playlist-modify-private", "user-read-playback-state",
        "user-modify-playback-state", "user-read-recently-played",
    ];

    public required DeveloperApps.Created App { get; init; }
    public required string Token { get; init; }
    public required string DemoToken { get; init; }
    public required string PlaylistId { get; init; }
    public required string ArtistId { get; init; }
    public required string EditorialId { get; init; }

    public static async Task<string> DemoTokenAsync(JukeboxTestServer server) =>
        await OAuthClient.Demo(server).SandboxUserTokenAsync(JukeboxTestServer.DemoUserId, Scopes);

    /// <summary>The artist the scene's user follows.</summary>
    public static async Task<string> ArtistIdAsync(JukeboxTestServer server) =>
        (await server.CatalogAsync()).Artists.Keys.Order(StringComparer.Ordinal).First();

    public static async Task<UserScene> CreateAsync(JukeboxTestServer server)
    {
        await server.CreateUserAsync(UserId, "alice-pass-1");
        DeveloperApps.Created app;
        using (var scope = server.Services.CreateScope())
        {
            app = await scope.ServiceProvider.GetRequiredService<DeveloperApps>().CreateAsync(
                UserId, "Scene app", "An app of the scene", null, ["http://127.0.0.1:9999/callback"], CancellationToken.None);
        }
        var token = await new OAuthClient(server, app.ClientId, app.ClientSecret).SandboxUserTokenAsync(UserId, Scopes);
        var demoToken = await DemoTokenAsync(server);
        var catalog = await server.CatalogAsync();
        var tracks = catalog.Tracks.Values.OrderBy(t => t.Id, StringComparer.Ordinal).Take(3).Select(t => t.Id).ToList();
        var artistId = await ArtistIdAsync(server);
        using var api = server.CreateClient(token);
        using var sandbox = server.CreateClient();
        using var appClient = server.CreateClient(await server.NewClientTokenAsync());
        using var demoClient = server.CreateClient(demoToken);
        var featured = await SendAsync(appClient, HttpMethod.Get, "/v1/browse/featured-playlists?limit=1");
        var editorialId = featured.GetProperty("playlists").GetProperty("items")[0].GetProperty("id").GetString()!;

        var playlist = await SendAsync(api, HttpMethod.Post, "/v1/me/playlists", new { name = $"{SearchWord} mix", @public = true });
        var playlistId = playlist.GetProperty("id").GetString()!;
        await SendAsync(api, HttpMethod.Post, $"/v1/playlists/{playlistId}/items", new { uris = tracks.Select(t => $"spotify:track:{t}") });
        await SendAsync(api, HttpMethod.Put, $"/v1/me/tracks?ids={string.Join(',', tracks.Take(2))}");
        await SendAsync(api, HttpMethod.Put, $"/v1/me/following?type=artist&ids={artistId}");
        await SendAsync(api, HttpMethod.Put, $"/v1/playlists/{editorialId}/followers");
        await SendAsync(api, HttpMethod.Put, $"/v1/me/following?type=user&ids={JukeboxTestServer.DemoUserId}");
        await SendAsync(demoClient, HttpMethod.Put, $"/v1/me/tracks?ids={tracks[2]}");
        var device = await SendAsync(sandbox, HttpMethod.Post, $"/sandbox/users/{UserId}/devices", new { name = "Scene speaker", type = "Speaker" });
        await SendAsync(api, HttpMethod.Put, $"/v1/me/player/play?device_id={device.GetProperty("id").GetString()}",
            new { context_uri = $"spotify:playlist:{playlistId}" });
        await SendAsync(sandbox, HttpMethod.Post, $"/sandbox/users/{UserId}/player/advance", new { seconds = 200 });
        await SendAsync(sandbox, HttpMethod.Put, $"/sandbox/users/{UserId}/image", ImageBytes());
        return new UserScene { App = app, Token = token, DemoToken = demoToken, PlaylistId = playlistId, ArtistId = artistId, EditorialId = editorialId };
    }

    /// <summary>Status and body of every call that shows the scene (for the user, the demo user and any app).</summary>
    public async Task<Dictionary<string, string>> ObserveAsync(JukeboxTestServer server)
    {
        var clientToken = await server.NewClientTokenAsync();
        var calls = new (string Token, string Url)[]
        {
            (Token, "/v1/me"), (Token, "/v1/me/playlists"), (Token, $"/v1/playlists/{PlaylistId}"),
            (Token, $"/v1/playlists/{PlaylistId}/items"), (Token, "/v1/me/tracks"), (Token, "/v1/me/following?type=artist"),
            (Token, "/v1/me/player"), (Token, "/v1/me/player/devices"), (Token, "/v1/me/player/recently-played"),
            (clientToken, $"/v1/users/{UserId}"), (clientToken, $"/v1/artists/{ArtistId}"),
            (clientToken, $"/v1/search?type=playlist&q={SearchWord}"), (clientToken, $"/v1/playlists/{PlaylistId}"),
            (clientToken, $"/v1/playlists/{EditorialId}?fields=followers"),
            (DemoToken, "/v1/me/tracks"), (DemoToken, "/v1/me/following?type=artist"),
            (DemoToken, "/v1/me/player/devices"), (DemoToken, "/v1/me/player/recently-played?limit=50"),
        };
        var seen = new Dictionary<string, string>();
        foreach (var (token, url) in calls)
        {
            using var client = server.CreateClient(token);
            using var response = await client.GetAsync(url);
            seen[$"{(token == Token ? "alice" : token == DemoToken ? "demo" : "app")} {url}"] =
                $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
        }
        return seen;
    }

    public static async Task<JsonElement> SendAsync(HttpClient client, HttpMethod method, string url, object? body = null)
    {
        using var request = new HttpRequestMessage(method, url)
        {
            Content = body switch
            {
                null => null,
                byte[] bytes => new ByteArrayContent(bytes),
                _ => JsonContent.Create(body),
            },
        };
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {url}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    private static byte[] ImageBytes()
    {
        using var bitmap = new SkiaSharp.SKBitmap(32, 32);
        bitmap.Erase(SkiaSharp.SKColors.OrangeRed);
        using var data = bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
