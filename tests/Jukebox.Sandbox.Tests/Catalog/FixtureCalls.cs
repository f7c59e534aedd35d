using System.Net;
using System.Text;
using System.Text.Json;
using Jukebox.Data;
using Jukebox.Testing;

namespace Jukebox.Sandbox.Tests.Catalog;

/// <summary>Calls to /sandbox/catalog and to the Web API's reads of what they made.</summary>
public sealed class FixtureCalls(JukeboxTestServer server)
{
    public sealed record Answer(HttpStatusCode Status, string Text)
    {
        public JsonElement Json => JsonDocument.Parse(Text).RootElement.Clone();
        public string Id => Json.GetProperty("id").GetString()!;
        public string Message => Json.GetProperty("error").GetProperty("message").GetString()!;
        public override string ToString() => $"{(int)Status} {Text}";
    }

    public static string NewId() => Base62.RandomId();

    public Task<Answer> PostAsync(string type, object body) => SendAsync(HttpMethod.Post, $"/sandbox/catalog/{type}", body);

    public Task<Answer> PutAsync(string type, string id, object body) => SendAsync(HttpMethod.Put, $"/sandbox/catalog/{type}/{id}", body);

    public Task<Answer> DeleteAsync(string type, string id) => SendAsync(HttpMethod.Delete, $"/sandbox/catalog/{type}/{id}", null);

    /// <summary>A body sent as it is (a string is sent verbatim, anything else serialised).</summary>
    public async Task<Answer> SendAsync(HttpMethod method, string url, object? body)
    {
        using var sandbox = server.CreateClient();
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = new StringContent(body as string ?? JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        }
        using var response = await sandbox.SendAsync(request);
        return new Answer(response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A Web API read with the demo app's token.</summary>
    public async Task<Answer> GetAsync(string path)
    {
        using var api = await server.CreateAppClientAsync();
        using var response = await api.GetAsync(path);
        return new Answer(response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public static StringContent JsonContent(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    /// <summary>A response's JSON, failing the test unless it succeeded.</summary>
    public static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {text}");
            return JsonDocument.Parse(text).RootElement.Clone();
        }
    }

    /// <summary>Makes a fixture and returns its id; fails the test unless the answer is 201.</summary>
    public async Task<string> CreateAsync(string type, object body)
    {
        var answer = await PostAsync(type, body);
        Assert.True(answer.Status == HttpStatusCode.Created, answer.ToString());
        return answer.Id;
    }

    public Task<string> ArtistAsync(string name = "Fixture Artist") => CreateAsync("artists", new { name });

    /// <summary>An album of one artist with the given tracks (anonymous objects of simplified tracks).</summary>
    public Task<string> AlbumAsync(string artistId, object[] tracks, string[]? markets = null, string? id = null) =>
        CreateAsync("albums", new
        {
            id, name = "Fixture Album", artists = new[] { new { id = artistId } }, release_date = "2024-05-17",
            available_markets = markets ?? ["SE", "US"], tracks = new { items = tracks },
        });

    public static object Track(string artistId, string name = "Fixture Track", string? id = null, int duration = 200_000) =>
        new { id, name, artists = new[] { new { id = artistId } }, duration_ms = duration };

    /// <summary>A show in the given markets with the given episodes (anonymous objects of simplified episodes, newest first).</summary>
    public Task<string> ShowAsync(object[] episodes, string[]? markets = null, string? id = null) =>
        CreateAsync("shows", new
        {
            id, name = "Fixture Show", publisher = "Fixture Media", description = "A show made for a test.",
            available_markets = markets ?? ["SE", "US"], episodes = new { items = episodes },
        });

    public static object Episode(string name = "Fixture Episode", string? id = null, string date = "2024-05-17") =>
        new { id, name, description = "An episode.", duration_ms = 1_800_000, release_date = date };

    /// <summary>An audiobook in the given markets with the given chapters (anonymous objects of simplified chapters).</summary>
    public Task<string> AudiobookAsync(object[] chapters, string[]? markets = null, string? id = null) =>
        CreateAsync("audiobooks", new
        {
            id, name = "Fixture Book", authors = new[] { new { name = "A. Writer" } }, narrators = new[] { new { name = "N. Reader" } },
            publisher = "Fixture Books", description = "A book made for a test.", available_markets = markets ?? ["SE", "US"],
            chapters = new { items = chapters },
        });

    /// <summary>An editorial playlist of the given entries (uris of tracks, episodes or local files), in order.</summary>
    public Task<string> PlaylistAsync(string[] uris, string? id = null, string name = "Fixture Mix") =>
        CreateAsync("playlists", new { id, name, description = "Picked for a test.", items = new { items = uris.Select(uri => new { item = new { uri } }) } });

    /// <summary>The uris of a playlist object's first page of items.</summary>
    public static string[] Uris(JsonElement playlist) =>
        [.. playlist.GetProperty("items").GetProperty("items").EnumerateArray().Select(i => i.GetProperty("item").GetProperty("uri").GetString()!)];

    public static object Chapter(string name = "Fixture Chapter", string? id = null, int? number = null) =>
        new { id, name, chapter_number = number, description = "A chapter.", duration_ms = 900_000, release_date = "2024-05-17" };
}
