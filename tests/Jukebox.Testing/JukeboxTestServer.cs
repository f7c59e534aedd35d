using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Jukebox.Api.Catalog;
using Jukebox.Sandbox.Clock;
using Jukebox.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Jukebox.Testing;

/// <summary>
/// A real Jukebox on a loopback port with its own database (SQLite or PostgreSQL, see
/// <see cref="TestDatabase"/>) and a fake clock that tests move forward.
/// </summary>
public class JukeboxTestServer : IAsyncLifetime, IAsyncDisposable
{
    public const string DemoClientId = "6a756b65626f782d64656d6f2d617070";
    public const string DemoClientSecret = "6a756b65626f782d64656d6f2d736563";
    public const string DemoRedirectUri = "http://127.0.0.1:8888/callback";
    public const string DemoUserId = "jukebox-demo";
    public const string DemoUserEmail = "demo@jukebox.local";
    public const string DemoUserPassword = "jukebox-demo";

    private WebApplication? _app;
    private TestDatabase? _database;
    private (string Token, DateTimeOffset IssuedAt)? _clientToken;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 2, 12, 0, 0, TimeSpan.Zero));
    public Uri BaseAddress { get; private set; } = null!;
    public IServiceProvider Services => _app!.Services;
    public string Provider => _database!.Provider;
    public TestDatabase Database => _database!;

    /// <summary>A client for the server; it sends no token unless the test adds one.</summary>
    public HttpClient CreateClient(string? bearer = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        if (bearer is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }
        return client;
    }

    /// <summary>
    /// A client-credentials token of the demo app from /api/token, reused while it is young on the
    /// fake clock (tests may move the clock past a token's lifetime).
    /// </summary>
    public async Task<string> ClientTokenAsync()
    {
        if (_clientToken is { } cached && Clock.GetUtcNow() - cached.IssuedAt < TimeSpan.FromMinutes(30))
        {
            return cached.Token;
        }
        var token = await NewClientTokenAsync();
        _clientToken = (token, Clock.GetUtcNow());
        return token;
    }

    /// <summary>A fresh client-credentials token of the demo app.</summary>
    public async Task<string> NewClientTokenAsync()
    {
        using var client = CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/token")
        {
            Content = new FormUrlEncodedContent([new("grant_type", "client_credentials")]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{DemoClientId}:{DemoClientSecret}")));
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>A client that sends the demo app's client-credentials token.</summary>
    public async Task<HttpClient> CreateAppClientAsync() => CreateClient(await ClientTokenAsync());

    public async Task<CatalogSnapshot> CatalogAsync() => await Services.GetRequiredService<CatalogStore>().GetAsync();

    /// <summary>Extra configuration a derived fixture sets for its server.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings => [];

    /// <summary>Services a derived fixture adds to its server (e.g. a listener it records calls with).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>The database a derived fixture gives its server (by default the one the environment names, see <see cref="TestDatabase"/>).</summary>
    protected virtual Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.CreateAsync();

    /// <summary>Whether the server deletes its database when it stops: not one it shares, e.g. as one of several nodes of a deployment.</summary>
    protected virtual bool OwnsDatabase => true;

    /// <summary>Creates a user through the sandbox API.</summary>
    public async Task CreateUserAsync(string id, string password, string country = "US", string product = "premium")
    {
        using var client = CreateClient();
        using var response = await client.PostAsync("/sandbox/users", JsonContent.Create(new { id, password, email = $"{id}@example.test", country, product }));
        response.EnsureSuccessStatusCode();
    }

    public virtual async Task InitializeAsync()
    {
        _database = await CreateDatabaseAsync();
        var builder = JukeboxHost.CreateBuilder(
        [
            // Port 0: Kestrel takes a free port as it binds (a port picked beforehand could be taken
            // by another process during the seeding); BaseAddress is read from the server once it listens.
            new("Urls", "http://127.0.0.1:0"),
            new("Database:Provider", _database.Provider),
            new("Database:ConnectionString", _database.ConnectionString),
            new("Demo:ClientId", DemoClientId),
            new("Demo:ClientSecret", DemoClientSecret),
            new("Demo:RedirectUri", DemoRedirectUri),
            new("Demo:UserId", DemoUserId),
            new("Demo:UserEmail", DemoUserEmail),
            new("Demo:UserPassword", DemoUserPassword),
            new("Sandbox:Enabled", "true"),
            // Test classes share a server and its fake clock barely moves: only the rate-limit tests
            // set limits they can reach.
            new("RateLimits:DevelopmentModeLimit", "1000000"),
            new("RateLimits:ExtendedQuotaLimit", "1000000"),
            new("RateLimits:Endpoints:PUT /playlists/{playlist_id}/images", "1000000"),
            new("Accounts:SignInAttemptsPerMinute", "1000000"),
            // Many servers share the test process: a full blocking collection as each one warms up would stall the others.
            new("GiveBackStartupMemory", "false"),
            new("Search:IndexDirectory", ""), // in memory: nothing left behind, nothing shared between servers
            new("CatalogFile:Directory", ""), // likewise: every start builds the catalog from its database
            .. Settings,
        ]);
        // The fake clock is the base of the server's clock: tests move it, and the sandbox's offset applies on top.
        builder.Services.AddKeyedSingleton<TimeProvider>(ServerClock.BaseClockKey, Clock);
        ConfigureServices(builder.Services);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        _app = JukeboxHost.Build(builder);
        await JukeboxHost.InitializeAsync(_app, CancellationToken.None);
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
        await CatalogAsync();
    }

    public virtual async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        if (_database is not null && OwnsDatabase)
        {
            await _database.DisposeAsync();
        }
    }

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
