using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Jukebox.Testing;

namespace Jukebox.ScaleOut.Tests.Cluster;

/// <summary>What the tests ask of a node or of the balancer: users, tokens and JSON requests.</summary>
public static class ClusterRequests
{
    public static HttpClient Client(Uri baseAddress, string? bearer = null)
    {
        var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (bearer is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }
        return client;
    }

    /// <summary>POST /api/token on <paramref name="node"/> as the demo app (HTTP Basic).</summary>
    public static Task<(int Status, JsonElement Body)> TokenAsync(Uri node, params (string Key, string Value)[] form) =>
        TokenAsync(node, adminKey: null, form);

    /// <summary>POST /api/token on <paramref name="node"/> as the demo app, with the sandbox's admin key when given.</summary>
    public static async Task<(int Status, JsonElement Body)> TokenAsync(Uri node, string? adminKey, params (string Key, string Value)[] form)
    {
        using var client = Client(node);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/token")
        {
            Content = new FormUrlEncodedContent(form.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{JukeboxTestServer.DemoClientId}:{JukeboxTestServer.DemoClientSecret}")));
        if (adminKey is not null)
        {
            request.Headers.Add(ScaleOutCluster.AdminKeyHeader, adminKey);
        }
        using var response = await client.SendAsync(request);
        return ((int)response.StatusCode, await response.JsonAsync());
    }

    public static async Task<string> ClientTokenAsync(Uri node)
    {
        var (status, body) = await TokenAsync(node, ("grant_type", "client_credentials"));
        Assert.True(status == 200, $"client_credentials on {node}: {status} {body}");
        return body.GetProperty("access_token").GetString()!;
    }

    /// <summary>A user token through the sandbox grant, for tests that are not about the OAuth flows.</summary>
    public static async Task<string> UserTokenAsync(this ScaleOutCluster cluster, Uri node, string userId, params string[] scopes)
    {
        var (status, body) = await TokenAsync(node, cluster.AdminKey,
            ("grant_type", "urn:jukebox:params:oauth:grant-type:sandbox-user"), ("user_id", userId), ("scope", string.Join(' ', scopes)));
        Assert.True(status == 200, $"The sandbox grant on {node}: {status} {body}");
        return body.GetProperty("access_token").GetString()!;
    }

    /// <summary>A new premium user in the US with a password, made through the sandbox API on <paramref name="node"/>.</summary>
    public static async Task<string> CreateUserAsync(this ScaleOutCluster cluster, Uri node, string prefix, string password = "scale-out-password")
    {
        var id = $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 64)];
        await cluster.SandboxPostAsync(node, "/sandbox/users", new { id, password, email = $"{id}@example.test", country = "US", product = "premium" });
        return id;
    }

    /// <summary>A controllable Spotify Connect device of the user; returns its id.</summary>
    public static async Task<string> CreateDeviceAsync(this ScaleOutCluster cluster, Uri node, string userId, string name)
    {
        var device = await cluster.SandboxPostAsync(node, $"/sandbox/users/{userId}/devices", new { name, type = "Computer" });
        return device.GetProperty("id").GetString()!;
    }

    public static async Task<JsonElement> SandboxPostAsync(this ScaleOutCluster cluster, Uri node, string path, object body)
    {
        using var client = Client(node);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add(ScaleOutCluster.AdminKeyHeader, cluster.AdminKey);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {path} on {node}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Sends <paramref name="json"/> (when given) and fails the test unless the answer is a success; returns the body.</summary>
    public static async Task<JsonElement> SendOkAsync(this HttpClient client, HttpMethod method, string url, object? json = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (json is not null)
        {
            request.Content = JsonContent.Create(json);
        }
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {client.BaseAddress}{url.TrimStart('/')}: {(int)response.StatusCode} {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    public static Task<JsonElement> GetOkAsync(this HttpClient client, string url) => client.SendOkAsync(HttpMethod.Get, url);

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (text.Length == 0)
        {
            return default;
        }
        try
        {
            return JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new InvalidOperationException($"{(int)response.StatusCode} from {response.RequestMessage?.RequestUri} is not JSON: {text}");
        }
    }

    /// <summary>
    /// Asks until <paramref name="condition"/> holds: for what one node learns from another
    /// asynchronously (a signal through Redis, a restart). Fails with <paramref name="what"/> and the
    /// last answer's description after <paramref name="timeout"/>.
    /// </summary>
    public static async Task EventuallyAsync(string what, Func<Task<(bool Holds, string Seen)>> condition, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(10);
        var elapsed = Stopwatch.StartNew();
        while (true)
        {
            var (holds, seen) = await condition();
            if (holds)
            {
                return;
            }
            if (elapsed.Elapsed > limit)
            {
                Assert.Fail($"{what}: not within {limit.TotalSeconds} s; last seen: {seen}");
            }
            // Polls the other processes; the condition, not the clock, ends the wait.
            await Task.Delay(50);
        }
    }

    /// <summary>Spotify's answer beyond a rate limit: 429, Retry-After in seconds within the window, its error object.</summary>
    public static async Task AssertRateLimitedAsync(HttpResponseMessage response, Uri where)
    {
        var body = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.TooManyRequests, $"{where}: {(int)response.StatusCode} {body}");
        var retryAfter = int.Parse(Assert.Single(response.Headers.GetValues("Retry-After")), CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 30);
        Assert.Equal(429, body.GetProperty("error").GetProperty("status").GetInt32());
        Assert.Equal("API rate limit exceeded", body.GetProperty("error").GetProperty("message").GetString());
    }
}
