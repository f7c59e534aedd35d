using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Web;

namespace Jukebox.Testing;

/// <summary>What an app does around the browser: builds authorize URLs and calls /api/token.</summary>
public sealed class OAuthClient(JukeboxTestServer server, string clientId, string? clientSecret)
{
    public static OAuthClient Demo(JukeboxTestServer server) =>
        new(server, JukeboxTestServer.DemoClientId, JukeboxTestServer.DemoClientSecret);

    public string ClientId => clientId;

    public static string Query(params (string Key, string? Value)[] parameters) =>
        string.Join('&', parameters.Where(p => p.Value is not null).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}"));

    public static (string Verifier, string Challenge) NewPkcePair()
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(48));
        return (verifier, Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    public static string? Parameter(Uri redirect, string name) =>
        HttpUtility.ParseQueryString(redirect.Query.Length > 0 ? redirect.Query : redirect.Fragment.TrimStart('#'))[name]
        ?? HttpUtility.ParseQueryString(redirect.Fragment.TrimStart('#'))[name];

    /// <summary>POST /api/token with the form; the secret goes in a Basic header unless <paramref name="basic"/> is false.</summary>
    public async Task<(int Status, JsonElement Body)> TokenAsync(IEnumerable<(string, string)> form, bool basic = true) =>
        await TokenAsync(form, [], basic);

    /// <summary>POST /api/token with the form and extra request headers (such as a browser's Origin).</summary>
    public async Task<(int Status, JsonElement Body)> TokenAsync(IEnumerable<(string, string)> form, IEnumerable<(string Name, string Value)> headers, bool basic = true)
    {
        using var http = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/token")
        {
            Content = new FormUrlEncodedContent(form.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2))),
        };
        if (basic && clientSecret is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{clientSecret}")));
        }
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }
        using var response = await http.SendAsync(request);
        return ((int)response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    /// <summary>A user token minted through the sandbox grant: for tests that are not about the OAuth flows.</summary>
    public async Task<string> SandboxUserTokenAsync(string userId, params string[] scopes)
    {
        var (status, body) = await TokenAsync(
            [("grant_type", "urn:jukebox:params:oauth:grant-type:sandbox-user"), ("user_id", userId), ("scope", string.Join(' ', scopes))]);
        if (status != 200)
        {
            throw new InvalidOperationException($"The sandbox grant failed: {body}");
        }
        return body.GetProperty("access_token").GetString()!;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
