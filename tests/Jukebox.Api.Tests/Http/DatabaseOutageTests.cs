using System.Diagnostics;
using System.Net;
using Jukebox.Accounts.Apps;
using Jukebox.Data;
using Jukebox.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using static Jukebox.Api.Tests.Library.LibraryUsers;

namespace Jukebox.Api.Tests.Http;

/// <summary>
/// A server on a PostgreSQL cluster of its own, which the tests stop under it and start again, and
/// whose log they read.
/// </summary>
public sealed class PostgresOutageServer : JukeboxTestServer
{
    public PostgresServer Postgres { get; private set; } = null!;

    public FakeLogCollector Log => Services.GetFakeLogCollector();

    public bool IsStopping => Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested;

    public override async Task InitializeAsync()
    {
        Postgres = await PostgresServer.StartNewAsync();
        await base.InitializeAsync();
    }

    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.CreateOnPostgresAsync(Postgres.ConnectionString);

    protected override void ConfigureServices(IServiceCollection services) => services.AddFakeLogging();

    /// <summary>Stops PostgreSQL, runs <paramref name="whileDown"/>, and starts it again whatever happened.</summary>
    public async Task WithoutDatabaseAsync(Func<Task> whileDown)
    {
        await Postgres.StopAsync();
        try
        {
            await whileDown();
        }
        finally
        {
            await Postgres.StartAsync();
        }
    }

    public override async Task DisposeAsync()
    {
        if (Postgres is null)
        {
            return;
        }
        await Postgres.StartAsync();
        await base.DisposeAsync();
        await Postgres.DisposeAsync();
    }
}

/// <summary>
/// PostgreSQL goes away under a running server and comes back: requests that need it answer 503 in
/// the shape their caller reads, nothing stops the server, and once it is back the same requests
/// succeed without a restart, with nothing that was saved lost.
/// </summary>
[Trait("Category", "PostgresServer")]
public sealed class DatabaseOutageTests(PostgresOutageServer server) : IClassFixture<PostgresOutageServer>
{
    [Fact]
    public async Task Api_requests_answer_503_while_PostgreSQL_is_down_and_succeed_once_it_is_back_with_nothing_saved_lost()
    {
        var (_, client) = await server.NewLibraryUserAsync();
        var tracks = (await server.CatalogAsync()).Tracks.Values.Where(t => t.Markets.Contains("US"))
            .Select(t => t.Id).Order(StringComparer.Ordinal).Take(2).ToList();
        await client.WriteOkAsync(HttpMethod.Put, $"/v1/me/tracks?ids={tracks[0]}", "/me/tracks");
        server.Log.Clear();

        await server.WithoutDatabaseAsync(async () =>
        {
            using (var read = await client.GetAsync("/v1/me/tracks"))
            {
                await ErrorAssert.IsAsync(read, 503, "Service unavailable");
            }
            using (var write = await client.SendAsync(HttpMethod.Put, $"/v1/me/tracks?ids={tracks[1]}"))
            {
                await ErrorAssert.IsAsync(write, 503, "Service unavailable");
            }
            // The catalog is held in memory: reading it needs no database.
            await client.GetOkAsync($"/v1/tracks/{tracks[0]}", "/tracks/{id}");
        });

        await client.WriteOkAsync(HttpMethod.Put, $"/v1/me/tracks?ids={tracks[1]}", "/me/tracks");
        var saved = await client.GetOkAsync("/v1/me/tracks", "/me/tracks");
        Assert.Equal([tracks[1], tracks[0]], saved.Array().Select(i => i.GetProperty("track").Str("id")));
        Assert.False(server.IsStopping);

        // An expected outage is one warning line per request, not a stack trace.
        var records = server.Log.GetSnapshot();
        Assert.DoesNotContain(records, r => r.Exception is not null);
        Assert.Contains(records, r => r.Level == LogLevel.Warning && r.Exception is null && r.Message.Contains("GET /v1/me/tracks answered 503", StringComparison.Ordinal));
    }

    [Fact]
    public async Task After_an_outage_no_request_saw_the_first_request_succeeds()
    {
        var (_, client) = await server.NewLibraryUserAsync();
        await client.GetOkAsync("/v1/me/tracks", "/me/tracks");
        server.Log.Clear();

        await server.WithoutDatabaseAsync(async () =>
        {
            // The server notices by itself, once, and lets go of its pooled connections, which are dead now.
            server.Clock.Advance(DatabaseWatchEvery);
            await EventuallyAsync(() => Task.FromResult(server.Log.GetSnapshot().Any(r =>
                r.Level == LogLevel.Error && r.Message.StartsWith("The database is unreachable", StringComparison.Ordinal))));
        });

        await client.GetOkAsync("/v1/me/tracks", "/me/tracks");
        server.Clock.Advance(DatabaseWatchEvery);
        await EventuallyAsync(() => Task.FromResult(server.Log.GetSnapshot().Any(r =>
            r.Level == LogLevel.Warning && r.Message == "The database is reachable again.")));
        Assert.Single(server.Log.GetSnapshot(), r => r.Level == LogLevel.Error);
    }

    [Fact]
    public async Task The_token_endpoint_answers_temporarily_unavailable_while_PostgreSQL_is_down()
    {
        var oauth = OAuthClient.Demo(server);
        var (before, _) = await oauth.TokenAsync([("grant_type", "client_credentials")]);
        Assert.Equal(200, before);

        await server.WithoutDatabaseAsync(async () =>
        {
            // An app this node read for a token request moments ago needs no database for its next token...
            var (known, knownBody) = await oauth.TokenAsync([("grant_type", "client_credentials")]);
            Assert.True(known == 200, $"Expected 200 for an app read moments ago, got {known}: {knownBody}");

            // ...but once that copy has aged, the app must be read again, and the database is gone.
            server.Clock.Advance(AppAccess.CacheFor + TimeSpan.FromSeconds(1));
            var (status, body) = await oauth.TokenAsync([("grant_type", "client_credentials")]);
            Assert.True(status == 503, $"Expected 503, got {status}: {body}");
            Assert.Equal("temporarily_unavailable", body.Str("error"));
            Assert.Equal("The service is temporarily unavailable", body.Str("error_description"));
            Assert.Equal(2, body.EnumerateObject().Count());
        });

        var (after, token) = await oauth.TokenAsync([("grant_type", "client_credentials")]);
        Assert.True(after == 200, $"Expected 200 once PostgreSQL is back, got {after}: {token}");
        Assert.False(server.IsStopping);

        // The clock moved during the outage, so the database watch saw it; it sees the end of it too.
        server.Log.Clear();
        server.Clock.Advance(DatabaseWatchEvery);
        await EventuallyAsync(() => Task.FromResult(server.Log.GetSnapshot().Any(r =>
            r.Level == LogLevel.Warning && r.Message == "The database is reachable again.")));
    }

    [Fact]
    public async Task Pages_answer_503_with_a_short_plain_page_while_PostgreSQL_is_down()
    {
        using var browser = new AccountsBrowser(server);
        await browser.LogInAsync(JukeboxTestServer.DemoUserEmail, JukeboxTestServer.DemoUserPassword);
        var authorize = "/authorize?" + OAuthClient.Query(
            ("client_id", JukeboxTestServer.DemoClientId), ("response_type", "code"), ("redirect_uri", JukeboxTestServer.DemoRedirectUri));

        await server.WithoutDatabaseAsync(async () =>
        {
            foreach (var path in new[] { "/dashboard", authorize })
            {
                using var response = await browser.Client.GetAsync(path);
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"GET {path}: expected 503, got {(int)response.StatusCode}: {body}");
                Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
                Assert.Contains("temporarily unavailable", body, StringComparison.Ordinal);
                Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
            }
        });

        using var dashboard = await browser.Client.GetAsync("/dashboard");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
    }

    [Fact]
    public async Task Readiness_is_unhealthy_at_once_while_PostgreSQL_is_down_and_healthy_again_once_it_is_back()
    {
        using var client = server.CreateClient();

        await server.WithoutDatabaseAsync(async () =>
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync("/readyz");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.True(Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(5), "/readyz waited for the database to time out.");
        });

        using var ready = await client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var live = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task Request_counts_that_could_not_be_stored_during_an_outage_are_stored_once_PostgreSQL_is_back()
    {
        var counter = server.Services.GetRequiredService<AppRequestCounter>();
        await counter.FlushAsync(CancellationToken.None);
        var before = await StoredRequestCountAsync();
        using var app = await server.CreateAppClientAsync();
        // Its first request validates the token, which reads the database; later ones use what was validated.
        await app.GetOkAsync("/v1/markets", "/markets");
        server.Log.Clear();

        await server.WithoutDatabaseAsync(async () =>
        {
            for (var i = 0; i < 3; i++)
            {
                await app.GetOkAsync("/v1/markets", "/markets");
            }
            server.Clock.Advance(AppRequestCounter.FlushEvery);
            await EventuallyAsync(() => Task.FromResult(server.Log.GetSnapshot().Any(r =>
                r.Level == LogLevel.Warning && r.Exception is null && r.Message.Contains("request counts", StringComparison.Ordinal))));
        });
        Assert.False(server.IsStopping);

        server.Clock.Advance(AppRequestCounter.FlushEvery);
        await EventuallyAsync(async () => await StoredRequestCountAsync() == before + 4);
        Assert.False(server.IsStopping);
    }

    /// <summary>How often the server checks the database by itself (internal to the server).</summary>
    private static readonly TimeSpan DatabaseWatchEvery = TimeSpan.FromSeconds(2);

    private async Task<long> StoredRequestCountAsync()
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JukeboxDbContext>();
        return await db.AppRequestCounts.Where(c => c.ClientId == JukeboxTestServer.DemoClientId).SumAsync(c => c.Count);
    }

    /// <summary>Polls a condition that background work makes true, for at most 20 seconds.</summary>
    private static async Task EventuallyAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!await condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
