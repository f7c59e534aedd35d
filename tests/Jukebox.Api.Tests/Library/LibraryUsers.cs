using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jukebox.Testing;

namespace Jukebox.Api.Tests.Library;

/// <summary>Fresh users with tokens of chosen scopes, and the writes the library tests send.</summary>
internal static class LibraryUsers
{
    public const string Read = "user-library-read";
    public const string Modify = "user-library-modify";
    public const string FollowRead = "user-follow-read";
    public const string FollowModify = "user-follow-modify";

    /// <summary>A new user of its own, so each test starts with an empty library.</summary>
    public static async Task<string> NewUserAsync(this JukeboxTestServer server, string country = "US")
    {
        var id = $"user-{Guid.NewGuid():N}"[..20];
        await server.CreateUserAsync(id, $"{id}-password", country);
        return id;
    }

    public static async Task<HttpClient> UserClientAsync(this JukeboxTestServer server, string userId, params string[] scopes) =>
        server.CreateClient(await OAuthClient.Demo(server).SandboxUserTokenAsync(userId, scopes));

    /// <summary>A new user and a client for it with every library and follow scope.</summary>
    public static async Task<(string UserId, HttpClient Client)> NewLibraryUserAsync(this JukeboxTestServer server, string country = "US")
    {
        var userId = await server.NewUserAsync(country);
        return (userId, await server.UserClientAsync(userId, Read, Modify, FollowRead, FollowModify));
    }

    /// <summary>Sends <paramref name="method"/> with <paramref name="json"/> (raw text) as the body, if any.</summary>
    public static async Task<HttpResponseMessage> SendAsync(this HttpClient client, HttpMethod method, string url, string? json = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }
        return await client.SendAsync(request);
    }

    /// <summary>
    /// Fails unless the write answers <paramref name="status"/> with no body, as the spec gives for
    /// <paramref name="method"/> <paramref name="specPath"/>.
    /// </summary>
    public static async Task WriteOkAsync(this HttpClient client, HttpMethod method, string url, string specPath, string? json = null, HttpStatusCode status = HttpStatusCode.OK)
    {
        using var response = await client.SendAsync(method, url, json);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{method} {url} answered {(int)response.StatusCode}: {body}");
        await SpotifySpec.AssertMatchesAsync(response, method.Method, specPath);
    }

    /// <summary>Fails unless the request answers exactly Spotify's error object.</summary>
    public static async Task AssertErrorAsync(this HttpClient client, HttpMethod method, string url, HttpStatusCode status, string message, string? json = null)
    {
        using var response = await client.SendAsync(method, url, json);
        var body = await response.Content.ReadAsStringAsync();
        var expected = new JsonObject { ["error"] = new JsonObject { ["status"] = (int)status, ["message"] = message } };
        Assert.True(response.StatusCode == status && JsonNode.DeepEquals(expected, JsonNode.Parse(body)),
            $"{method} {url}: expected {(int)status} {expected.ToJsonString()} but got {(int)response.StatusCode} {body}");
    }

    /// <summary>GET <paramref name="url"/>, which must answer an array of booleans as the spec describes.</summary>
    public static async Task<List<bool>> ContainsAsync(this HttpClient client, string url, string specPath)
    {
        var body = await client.GetOkAsync(url, specPath);
        return [.. body.EnumerateArray().Select(b => b.GetBoolean())];
    }

    public static string Json(params string[] ids) => JsonSerializer.Serialize(ids);

    public static string IdsBody(params string[] ids) => JsonSerializer.Serialize(new { ids });
}
