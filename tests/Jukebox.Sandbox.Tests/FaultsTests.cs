using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jukebox.Sandbox.Faults;
using Jukebox.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Jukebox.Sandbox.Tests;

/// <summary>Fault rules make the Web API and the token endpoint fail, slow down or drop the connection, as a test asks.</summary>
public sealed class FaultsTests(FaultsTests.Server server) : IClassFixture<FaultsTests.Server>, IAsyncLifetime
{
    /// <summary>A server whose fault draws come from a seeded generator, so a test knows which requests fail.</summary>
    public sealed class Server : JukeboxTestServer
    {
        public const int Seed = 1234;

        protected override void ConfigureServices(IServiceCollection services) =>
            services.AddSingleton(new FaultChance(new Random(Seed)));
    }

    private readonly HttpClient _sandbox = server.CreateClient();

    public async Task InitializeAsync() => (await _sandbox.DeleteAsync("/sandbox/faults")).Dispose();

    public Task DisposeAsync()
    {
        _sandbox.Dispose();
        return Task.CompletedTask;
    }

    private async Task<JsonElement> AddAsync(object rule)
    {
        using var response = await _sandbox.PostAsJsonAsync("/sandbox/faults", rule);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private async Task<List<JsonElement>> RulesAsync() =>
        [.. (await _sandbox.GetFromJsonAsync<JsonElement>("/sandbox/faults")).GetProperty("items").EnumerateArray()];

    private static async Task<(int Status, JsonElement Body)> GetAsync(HttpClient api, string url)
    {
        using var response = await api.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private static string? ErrorMessage(JsonElement body) => body.GetProperty("error").GetProperty("message").GetString();

    [Fact]
    public async Task A_503_for_the_next_request_is_seen_once_then_the_api_answers_normally_and_the_log_marks_it()
    {
        var app = await TestApp.CreateAsync(server, "Fault 503");
        using var api = await app.ClientAsync();
        var rule = await AddAsync(new { client_id = app.ClientId, path = "/v1/markets", status = 503, count = 1 });

        var (first, body) = await GetAsync(api, "/v1/markets");
        var (second, _) = await GetAsync(api, "/v1/markets");

        Assert.Equal(503, first);
        Assert.Equal(503, body.GetProperty("error").GetProperty("status").GetInt32());
        Assert.Equal("Service unavailable", ErrorMessage(body));
        Assert.Equal(200, second);
        Assert.Empty(await RulesAsync());
        var log = await app.RequestsAsync();
        Assert.Equal([200, 503], log.Take(2).Select(e => e.GetProperty("status").GetInt32()));
        Assert.Equal(JsonValueKind.Null, log[0].GetProperty("fault_id").ValueKind);
        Assert.Equal(rule.GetProperty("id").GetString(), log[1].GetProperty("fault_id").GetString());
        Assert.Equal("Service unavailable", log[1].GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_429_carries_the_chosen_Retry_After()
    {
        var app = await TestApp.CreateAsync(server, "Fault 429");
        using var api = await app.ClientAsync();
        await AddAsync(new { client_id = app.ClientId, path = "/v1/markets", status = 429, retry_after = 7, count = 1 });

        using var response = await api.GetAsync("/v1/markets");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("7", response.Headers.GetValues("Retry-After").Single());
        Assert.Equal("API rate limit exceeded", ErrorMessage(await response.Content.ReadFromJsonAsync<JsonElement>()));
    }

    [Fact]
    public async Task Latency_is_added_on_the_server_clock()
    {
        var app = await TestApp.CreateAsync(server, "Fault latency");
        using var api = await app.ClientAsync();
        await AddAsync(new { client_id = app.ClientId, path = "/v1/markets", latency_ms = 2000, count = 1 });

        // The server's clock moves in small steps until the answer comes; a busy machine only makes it take more steps.
        var request = api.GetAsync("/v1/markets");
        var advanced = TimeSpan.Zero;
        var patience = System.Diagnostics.Stopwatch.StartNew();
        while (!request.IsCompleted)
        {
            server.Clock.Advance(TimeSpan.FromMilliseconds(100));
            advanced += TimeSpan.FromMilliseconds(100);
            await Task.WhenAny(request, Task.Delay(20));
            Assert.True(patience.Elapsed < TimeSpan.FromMinutes(1), "The delayed request never completed.");
        }
        using var response = await request;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(advanced >= TimeSpan.FromSeconds(2), $"Answered after {advanced} of the server's time.");
        Assert.True((await app.RequestsAsync())[0].GetProperty("duration_ms").GetDouble() >= 2000);
    }

    [Fact]
    public async Task With_a_probability_the_seeded_generator_decides_which_requests_fail()
    {
        var app = await TestApp.CreateAsync(server, "Fault probability");
        using var api = await app.ClientAsync();
        await AddAsync(new { client_id = app.ClientId, path = "/v1/markets", status = 500, probability = 0.5 });
        var draws = new Random(Server.Seed);
        var expected = Enumerable.Range(0, 20).Select(_ => draws.NextDouble() < 0.5 ? 500 : 200).ToList();

        var seen = new List<int>();
        for (var i = 0; i < 20; i++)
        {
            seen.Add((await GetAsync(api, "/v1/markets")).Status);
        }

        Assert.Equal(expected, seen);
        Assert.Contains(500, seen);
        Assert.Contains(200, seen);
    }

    [Fact]
    public async Task A_rule_matches_only_its_app_user_method_and_route()
    {
        var app = await TestApp.CreateAsync(server, "Fault match");
        var other = await TestApp.CreateAsync(server, "Fault other");
        await server.CreateUserAsync("fault-alice", "alice-pass");
        await server.CreateUserAsync("fault-bob", "bob-pass");
        using var alice = await app.UserClientAsync("fault-alice", "user-read-private", "user-library-read", "user-library-modify");
        using var bob = await app.UserClientAsync("fault-bob", "user-read-private", "user-library-read", "user-library-modify");
        using var otherApp = await other.ClientAsync();
        using var appClient = await app.ClientAsync();
        var album = (await server.CatalogAsync()).Albums.Keys.Order(StringComparer.Ordinal).First();
        await AddAsync(new { client_id = app.ClientId, path = "/v1/albums/{id}", method = "GET", status = 500 });
        await AddAsync(new { user_id = "fault-alice", path = "/v1/me", status = 502 });
        await AddAsync(new { client_id = app.ClientId, path = "/v1/me/albums", method = "PUT", status = 503 });

        Assert.Equal(500, (await GetAsync(appClient, $"/v1/albums/{album}")).Status);
        Assert.Equal(200, (await GetAsync(appClient, $"/v1/albums?ids={album}")).Status); // another route
        Assert.Equal(200, (await GetAsync(otherApp, $"/v1/albums/{album}")).Status); // another app
        var (aliceMe, aliceBody) = await GetAsync(alice, "/v1/me");
        Assert.Equal(502, aliceMe);
        Assert.Equal("Bad gateway", ErrorMessage(aliceBody));
        Assert.Equal(200, (await GetAsync(bob, "/v1/me")).Status); // another user
        Assert.Equal(200, (await GetAsync(appClient, "/v1/markets")).Status); // outside every rule
        using var put = await bob.PutAsync($"/v1/me/albums?ids={album}", null);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, put.StatusCode); // the app's PUT under /v1/me/albums
        Assert.Equal(200, (await GetAsync(bob, "/v1/me/albums")).Status); // another method
    }

    [Fact]
    public async Task A_rule_expires_on_the_server_clock()
    {
        var app = await TestApp.CreateAsync(server, "Fault expiry");
        using var api = await app.ClientAsync();
        var rule = await AddAsync(new { client_id = app.ClientId, path = "/v1/markets", status = 503, expires_in = 60 });
        Assert.Equal(server.Clock.GetUtcNow().AddSeconds(60), rule.GetProperty("expires_at").GetDateTimeOffset());

        var before = (await GetAsync(api, "/v1/markets")).Status;
        server.Clock.Advance(TimeSpan.FromSeconds(61));
        var after = (await GetAsync(api, "/v1/markets")).Status;

        Assert.Equal(503, before);
        Assert.Equal(200, after);
        Assert.Empty(await RulesAsync());
    }

    [Fact]
    public async Task The_token_endpoint_fails_with_an_OAuth_error_object()
    {
        var app = await TestApp.CreateAsync(server, "Fault token");
        await AddAsync(new { client_id = app.ClientId, path = "/api/token", status = 503, count = 1 });

        var (first, body) = await app.OAuth.TokenAsync([("grant_type", "client_credentials")]);
        var (second, _) = await app.OAuth.TokenAsync([("grant_type", "client_credentials")]);

        Assert.Equal(503, first);
        Assert.Equal("temporarily_unavailable", body.GetProperty("error").GetString());
        Assert.Equal("Service unavailable", body.GetProperty("error_description").GetString());
        Assert.Equal(200, second);
    }

    [Fact]
    public async Task A_reset_connection_drops_the_request_and_the_log_shows_status_0()
    {
        var app = await TestApp.CreateAsync(server, "Fault reset");
        using var api = await app.ClientAsync();
        await AddAsync(new { client_id = app.ClientId, path = "/v1/markets", reset_connection = true, count = 1 });

        await Assert.ThrowsAsync<HttpRequestException>(() => api.GetAsync("/v1/markets"));

        Assert.Equal(200, (await GetAsync(api, "/v1/markets")).Status);
        var log = await app.RequestsAsync();
        Assert.Equal(0, log[1].GetProperty("status").GetInt32());
        Assert.NotEqual(JsonValueKind.Null, log[1].GetProperty("fault_id").ValueKind);
    }

    [Fact]
    public async Task Rules_are_listed_and_removed_one_by_one_or_all_at_once()
    {
        var first = await AddAsync(new { path = "/v1/markets", latency_ms = 0 });
        server.Clock.Advance(TimeSpan.FromSeconds(1));
        var second = await AddAsync(new { path = "/v1/browse", status = 500, probability = 0 });

        Assert.Equal([first.GetProperty("id").GetString(), second.GetProperty("id").GetString()],
            (await RulesAsync()).Select(r => r.GetProperty("id").GetString()));
        Assert.Equal(HttpStatusCode.NoContent, (await _sandbox.DeleteAsync($"/sandbox/faults/{first.GetProperty("id").GetString()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _sandbox.DeleteAsync($"/sandbox/faults/{first.GetProperty("id").GetString()}")).StatusCode);
        Assert.Single(await RulesAsync());
        Assert.Equal(HttpStatusCode.NoContent, (await _sandbox.DeleteAsync("/sandbox/faults")).StatusCode);
        Assert.Empty(await RulesAsync());
    }

    public static TheoryData<string, string> BadRules => new()
    {
        { """{"status":503}""", "path is required" },
        { """{"path":"v1/markets","status":503}""", "path must start with /" },
        { """{"path":"/v1/markets","status":404}""", "status must be 429, 500, 502 or 503" },
        { """{"path":"/v1/markets"}""", "A fault needs an action" },
        { """{"path":"/v1/markets","status":503,"probability":1.5}""", "probability must be between 0 and 1" },
        { """{"path":"/v1/markets","status":503,"count":0}""", "count must be 1 or more" },
        { """{"path":"/v1/markets","latency_ms":-1}""", "latency_ms must be" },
        { """{"path":"/v1/markets","status":503,"retry_after":5}""", "retry_after applies to status 429 only" },
        { """{"path":"/v1/markets","status":503,"expires_in":0}""", "expires_in must be more than 0" },
        { """{"path":"/v1/markets","status":503,"method":"FETCH"}""", "method must be" },
        { """{"path":"/v1/markets","status":503,"reset_connection":true}""", "cannot be combined" },
        { """{"path":"/v1/markets","status":503,"client_id":"no-such-app"}""", "client_id no-such-app names no app" },
        { """{"path":"/v1/markets","status":503,"user_id":"no-such-user"}""", "user_id no-such-user names no user" },
        { """{"path":"/v1/markets","status":"soon"}""", "Malformed json" },
    };

    [Theory]
    [MemberData(nameof(BadRules))]
    public async Task A_malformed_rule_is_refused_with_the_reason_and_nothing_is_stored(string json, string reason)
    {
        using var response = await _sandbox.PostAsync("/sandbox/faults", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, ErrorMessage(body));
        Assert.Empty(await RulesAsync());
    }
}
