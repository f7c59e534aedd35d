using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Jukebox.Testing;

namespace Jukebox.Conformance.Tests;

/// <summary>
/// The server under test and the user the suite acts as. By default a fresh in-process
/// <see cref="JukeboxTestServer"/>; with JUKEBOX_BASE_URL any running Jukebox whose sandbox API and
/// sandbox grant are enabled, reached with the demo app's credentials unless JUKEBOX_CLIENT_ID and
/// JUKEBOX_CLIENT_SECRET name another app (and JUKEBOX_SANDBOX_ADMIN_KEY when its sandbox needs a key).
/// Each run creates its own premium user, so runs against one server do not see each other's state.
/// <see cref="ForProfileAsync"/> gives a target on the same server whose operations are sent by an app
/// of another API profile (its own user again; the preparations still go through the full app).
/// </summary>
public sealed class ConformanceTarget : IAsyncLifetime
{
    private JukeboxTestServer? _server;
    private readonly bool _ownsServer = true;
    private readonly Dictionary<string, Task<ConformanceTarget>> _profiles = new(StringComparer.Ordinal);
    private HttpClient _setup = null!;

    public ConformanceTarget()
    {
    }

    private ConformanceTarget(ConformanceTarget parent, string profile)
    {
        _server = parent._server;
        _ownsServer = false;
        BaseAddress = parent.BaseAddress;
        Profile = profile;
    }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The in-process server, or null when the suite targets JUKEBOX_BASE_URL.</summary>
    public JukeboxTestServer? InProcess => _server;

    /// <summary>The API profile of the app that sends the operations (<see cref="Jukebox.Data.Entities.ApiProfiles"/>).</summary>
    public string Profile { get; } = Jukebox.Data.Entities.ApiProfiles.Full;

    public string UserId { get; } = $"conformance-{Guid.NewGuid():N}"[..24];
    public string UserToken { get; private set; } = "";

    /// <summary>Sends the user's token of the profile's app; requests are written with their /v1 prefix.</summary>
    public HttpClient Http { get; private set; } = null!;

    public Discovery Discovered { get; private set; } = null!;

    /// <summary>A target on the same server whose operations an app of <paramref name="profile"/> sends, made once.</summary>
    public Task<ConformanceTarget> ForProfileAsync(string profile)
    {
        lock (_profiles)
        {
            if (!_profiles.TryGetValue(profile, out var target))
            {
                target = InitializedAsync(new ConformanceTarget(this, profile));
                _profiles.Add(profile, target);
            }
            return target;
        }
    }

    private static async Task<ConformanceTarget> InitializedAsync(ConformanceTarget target)
    {
        await target.InitializeAsync();
        return target;
    }

    private static string ClientId => Environment.GetEnvironmentVariable("JUKEBOX_CLIENT_ID") is { Length: > 0 } id ? id : JukeboxTestServer.DemoClientId;
    private static string ClientSecret => Environment.GetEnvironmentVariable("JUKEBOX_CLIENT_SECRET") is { Length: > 0 } s ? s : JukeboxTestServer.DemoClientSecret;

    /// <summary>The server the suite runs against, from JUKEBOX_BASE_URL; null for an in-process one.</summary>
    public static Uri? ConfiguredBaseUrl =>
        Environment.GetEnvironmentVariable("JUKEBOX_BASE_URL") is { Length: > 0 } url ? new Uri(url.TrimEnd('/') + "/") : null;

    public async Task InitializeAsync()
    {
        if (!_ownsServer)
        {
            // The server and its address are the parent's.
        }
        else if (ConfiguredBaseUrl is { } url)
        {
            BaseAddress = url;
        }
        else
        {
            _server = new JukeboxTestServer();
            await _server.InitializeAsync();
            BaseAddress = _server.BaseAddress;
        }
        await CreateUserAsync();
        var scopes = (await SpotifySpec.ScopesAsync()).ToArray();
        _setup = ClientWith(await SandboxUserTokenAsync(ClientId, ClientSecret, scopes));
        if (Profile == Jukebox.Data.Entities.ApiProfiles.Full)
        {
            Http = _setup;
        }
        else
        {
            var app = await SandboxPostAsync("/sandbox/apps", new { name = $"Conformance {Profile}", quota_mode = "extended", api_profile = Profile });
            Http = ClientWith(await SandboxUserTokenAsync(app.GetProperty("client_id").GetString()!, app.GetProperty("client_secret").GetString()!, scopes));
        }
        UserToken = Http.DefaultRequestHeaders.Authorization!.Parameter!;
        Discovered = new Discovery(this);
    }

    private HttpClient ClientWith(string token)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task DisposeAsync()
    {
        foreach (var profile in _profiles.Values)
        {
            await (await profile).DisposeAsync();
        }
        if (!ReferenceEquals(Http, _setup))
        {
            Http?.Dispose();
        }
        _setup?.Dispose();
        if (_server is not null && _ownsServer)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>A premium user with one controllable device, made through the sandbox API.</summary>
    private async Task CreateUserAsync()
    {
        await SandboxPostAsync("/sandbox/users", new { id = UserId, email = $"{UserId}@example.test", country = "US", product = "premium" });
        await SandboxPostAsync($"/sandbox/users/{UserId}/devices", new { name = "Conformance desktop", type = "Computer", supports_volume = true });
    }

    private async Task<JsonElement> SandboxPostAsync(string path, object body)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (Environment.GetEnvironmentVariable("JUKEBOX_SANDBOX_ADMIN_KEY") is { Length: > 0 } key)
        {
            request.Headers.Add("X-Jukebox-Admin-Key", key);
        }
        using var response = await client.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException(
                $"POST {path} answered {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}: the suite needs the sandbox API (Sandbox:Enabled=true).");
        }
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    private async Task<string> SandboxUserTokenAsync(string clientId, string clientSecret, string[] scopes)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/token")
        {
            Content = new FormUrlEncodedContent(
            [
                new("grant_type", "urn:jukebox:params:oauth:grant-type:sandbox-user"),
                new("user_id", UserId),
                new("scope", string.Join(' ', scopes)),
            ]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{clientSecret}")));
        if (Environment.GetEnvironmentVariable("JUKEBOX_SANDBOX_ADMIN_KEY") is { Length: > 0 } key)
        {
            request.Headers.Add("X-Jukebox-Admin-Key", key);
        }
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The sandbox grant answered {(int)response.StatusCode} {body}.");
        }
        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>
    /// A request made to get the server into the state an operation needs: fails the test, naming the
    /// step, unless it succeeds. Returns the JSON body (default when there is none). Sent by the full
    /// app for the same user, so a preparation is never refused by the profile under test.
    /// </summary>
    public async Task<JsonElement> SetupAsync(HttpMethod method, string url, object? json = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (json is not null)
        {
            request.Content = JsonContent.Create(json);
        }
        using var response = await _setup.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            var unimplemented = response.StatusCode == System.Net.HttpStatusCode.NotFound && body.Contains("Service not found", StringComparison.Ordinal);
            throw new SetupFailedException(
                $"Setting up failed: {method} {url} answered {(int)response.StatusCode} {body}{(unimplemented ? " (the server does not implement it)" : "")}");
        }
        if (body.Length == 0 || response.Content.Headers.ContentType?.MediaType != "application/json")
        {
            return default;
        }
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    public Task<JsonElement> GetAsync(string url) => SetupAsync(HttpMethod.Get, url);
}

/// <summary>A request that prepares an operation's state failed; the operation could not be tried.</summary>
public sealed class SetupFailedException(string message) : Exception(message);

/// <summary>The one server and user every conformance test shares; its tests run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class ConformanceCollection : ICollectionFixture<ConformanceTarget>
{
    public const string Name = "conformance";
}
