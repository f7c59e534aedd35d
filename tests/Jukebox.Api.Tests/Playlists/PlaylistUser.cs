using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Jukebox.Api.Catalog;
using Jukebox.Testing;

namespace Jukebox.Api.Tests.Playlists;

/// <summary>A sandbox user with a client holding a token of the scopes a test asks for, and the playlist calls tests make.</summary>
internal sealed class PlaylistUser(JukeboxTestServer server, string id, HttpClient client) : IDisposable
{
    public static readonly string[] AllScopes =
        ["playlist-read-private", "playlist-read-collaborative", "playlist-modify-public", "playlist-modify-private", "ugc-image-upload"];

    public string Id => id;
    public HttpClient Client => client;

    public static async Task<PlaylistUser> CreateAsync(JukeboxTestServer server, params string[] scopes)
    {
        var id = $"u{Guid.NewGuid():N}"[..20];
        await server.CreateUserAsync(id, "password-" + id);
        var token = await OAuthClient.Demo(server).SandboxUserTokenAsync(id, scopes.Length == 0 ? AllScopes : scopes);
        return new PlaylistUser(server, id, server.CreateClient(token));
    }

    /// <summary>Another client for the same user, with other scopes.</summary>
    public async Task<HttpClient> ClientWithAsync(params string[] scopes) =>
        server.CreateClient(await OAuthClient.Demo(server).SandboxUserTokenAsync(id, scopes));

    public async Task<string> CreatePlaylistAsync(string name = "Mix", bool? isPublic = null, bool? collaborative = null)
    {
        using var response = await Client.SendJsonAsync(HttpMethod.Post, "/v1/me/playlists", new { name, @public = isPublic, collaborative });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await SpotifySpec.AssertMatchesAsync(response, "POST", "/me/playlists");
        return (await response.JsonAsync()).Str("id");
    }

    public async Task<string> AddAsync(string playlistId, IEnumerable<string> uris, int? position = null)
    {
        using var response = await Client.SendJsonAsync(HttpMethod.Post, $"/v1/playlists/{playlistId}/items", new { uris, position });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        await SpotifySpec.AssertMatchesAsync(response, "POST", "/playlists/{playlist_id}/items");
        return (await response.JsonAsync()).Str("snapshot_id");
    }

    /// <summary>Every item's uri in order, read page by page.</summary>
    public Task<List<string>> UrisAsync(string playlistId) => UrisAsync(Client, playlistId);

    public static async Task<List<string>> UrisAsync(HttpClient client, string playlistId)
    {
        var uris = new List<string>();
        while (true)
        {
            var page = await client.GetPageWithLocalFilesAsync($"/v1/playlists/{playlistId}/tracks?limit=100&offset={uris.Count}", "/playlists/{playlist_id}/tracks");
            var items = page.Array();
            uris.AddRange(items.Select(i => i.GetProperty("track").Str("uri")));
            if (items.Count < 100)
            {
                return uris;
            }
        }
    }

    public async Task<string> SnapshotAsync(string playlistId) =>
        (await Client.GetOkAsync($"/v1/playlists/{playlistId}?fields=snapshot_id", "/playlists/{playlist_id}")).Str("snapshot_id");

    public void Dispose() => client.Dispose();
}

internal static class PlaylistHttp
{
    public static Task<HttpResponseMessage> SendJsonAsync(this HttpClient client, HttpMethod method, string url, object? body) =>
        client.SendAsync(new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) });

    public static Task<HttpResponseMessage> SendRawAsync(this HttpClient client, HttpMethod method, string url, string body, string mediaType = "application/json") =>
        client.SendAsync(new HttpRequestMessage(method, url) { Content = new StringContent(body, Encoding.UTF8, mediaType) });

    /// <summary>
    /// GETs a page of playlist items that may hold local files: a local file's track object (the
    /// concept page's, with nulls the spec's TrackObject does not allow) is left out of the spec
    /// validation; the other entries are validated. Returns the whole page.
    /// </summary>
    public static async Task<JsonElement> GetPageWithLocalFilesAsync(this HttpClient client, string url, string specPath)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}: {body}");
        var node = System.Text.Json.Nodes.JsonNode.Parse(body)!;
        var items = node["items"]!.AsArray();
        foreach (var local in items.Where(i => i!["is_local"]!.GetValue<bool>()).ToList())
        {
            items.Remove(local);
        }
        using var withoutLocal = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(node.ToJsonString(), Encoding.UTF8, "application/json") };
        await SpotifySpec.AssertMatchesAsync(withoutLocal, "GET", specPath);
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    /// <summary>
    /// Distinct tracks from distinct albums, in a stable order, all playable in the US (the test users'
    /// country), so reads return them as they were added rather than relinked.
    /// </summary>
    public static List<string> TrackUris(this CatalogSnapshot catalog, int count, int skip = 0) =>
        [.. PlayableAlbums(catalog).Skip(skip).Take(count).Select(a => $"spotify:track:{a.Tracks[0].Id}")];

    /// <summary>Distinct tracks, all of one album playable in the US.</summary>
    public static List<string> TracksOfOneAlbum(this CatalogSnapshot catalog, int count) =>
        [.. PlayableAlbums(catalog).First(a => a.Tracks.Length >= count).Tracks.Take(count).Select(t => $"spotify:track:{t.Id}")];

    private static IEnumerable<CatalogAlbum> PlayableAlbums(CatalogSnapshot catalog) =>
        catalog.Albums.Values.OrderBy(a => a.Id, StringComparer.Ordinal)
            .Where(a => a.Tracks.Length > 0 && a.Markets.Contains("US") && a.Tracks.All(t => t.Markets.Contains("US")));
}
