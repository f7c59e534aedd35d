using System.Net;
using Jukebox.Accounts.Apps;
using Jukebox.Data;
using Jukebox.Data.Entities;
using Jukebox.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jukebox.Accounts.Tests.Apps;

/// <summary>The per-app request counts behind the dashboard's chart.</summary>
public sealed class AppRequestCounterTests(JukeboxTestServer server) : IClassFixture<JukeboxTestServer>
{
    private AppRequestCounter Counter => server.Services.GetRequiredService<AppRequestCounter>();

    private async Task<(string ClientId, HttpClient Api)> NewAppAsync(string name)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var app = await scope.ServiceProvider.GetRequiredService<DeveloperApps>()
            .CreateAsync(JukeboxTestServer.DemoUserId, name, "", null, [], CancellationToken.None);
        var (_, body) = await new OAuthClient(server, app.ClientId, app.ClientSecret).TokenAsync([("grant_type", "client_credentials")]);
        return (app.ClientId, server.CreateClient(body.GetProperty("access_token").GetString()));
    }

    private async Task<Dictionary<DateTimeOffset, long>> StoredAsync(string clientId)
    {
        await using var scope = server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<JukeboxDbContext>().AppRequestCounts.AsNoTracking()
            .Where(c => c.ClientId == clientId).ToDictionaryAsync(c => c.BucketStart, c => c.Count);
    }

    [Fact]
    public void Buckets_start_on_multiples_of_30_seconds()
    {
        var bucket = AppRequestCount.BucketOf(new DateTimeOffset(2026, 11, 2, 12, 0, 59, 999, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 11, 2, 12, 0, 30, TimeSpan.Zero), bucket);
        Assert.Equal(bucket, AppRequestCount.BucketOf(bucket));
    }

    [Fact]
    public async Task Flushes_add_to_the_stored_count_of_a_bucket_instead_of_replacing_it()
    {
        var (clientId, api) = await NewAppAsync("Counted app");
        using (api)
        {
            await Counter.FlushAsync(CancellationToken.None);
            var bucket = AppRequestCount.BucketOf(server.Clock.GetUtcNow());
            for (var i = 0; i < 3; i++)
            {
                (await api.GetAsync("/v1/markets")).Dispose();
            }
            await Counter.FlushAsync(CancellationToken.None);
            Assert.Equal(3, (await StoredAsync(clientId)).GetValueOrDefault(bucket));

            // The same bucket again (as another node would add its own counts), then the next one.
            (await api.GetAsync("/v1/markets")).Dispose();
            (await api.GetAsync("/v1/markets")).Dispose();
            await Counter.FlushAsync(CancellationToken.None);
            Assert.Equal(5, (await StoredAsync(clientId)).GetValueOrDefault(bucket));
        }
    }

    [Fact]
    public async Task Every_v1_request_with_the_apps_token_counts_even_when_it_fails_and_other_requests_do_not()
    {
        var (clientId, api) = await NewAppAsync("Errors app");
        using (api)
        {
            using (var missing = await api.GetAsync("/v1/albums/0000000000000000000000"))
            {
                Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            }
            (await api.GetAsync("/v1/markets")).Dispose();
            (await api.GetAsync("/healthz")).Dispose();
            using var anonymous = server.CreateClient();
            (await anonymous.GetAsync("/v1/markets")).Dispose();

            var recent = await Counter.RecentAsync(clientId, 120, CancellationToken.None);

            Assert.Equal(120, recent.Count);
            Assert.Equal(2, recent.Sum(b => b.Count));
            Assert.Equal(2, recent[^1].Count);
            Assert.Equal(AppRequestCount.BucketOf(server.Clock.GetUtcNow()), recent[^1].Start);
        }
    }

    [Fact]
    public async Task Deleting_an_app_deletes_its_counts()
    {
        var (clientId, api) = await NewAppAsync("Deleted app");
        using (api)
        {
            (await api.GetAsync("/v1/markets")).Dispose();
            await Counter.FlushAsync(CancellationToken.None);
            Assert.NotEmpty(await StoredAsync(clientId));

            await using var scope = server.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DeveloperApps>().DeleteAsync(JukeboxTestServer.DemoUserId, clientId, CancellationToken.None);

            Assert.Empty(await StoredAsync(clientId));
        }
    }
}
