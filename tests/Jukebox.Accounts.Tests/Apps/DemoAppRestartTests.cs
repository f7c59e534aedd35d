using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Jukebox.Testing;

namespace Jukebox.Accounts.Tests.Apps;

/// <summary>The demo app's secret follows the configuration at every start, on an existing database too.</summary>
public sealed class DemoAppRestartTests
{
    private sealed class ServerOn(TestDatabase database, string secret) : JukeboxTestServer
    {
        protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(database);

        protected override bool OwnsDatabase => false;

        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Demo:ClientSecret", secret)];
    }

    [Fact]
    public async Task A_restart_with_another_demo_secret_makes_it_the_one_that_gets_tokens()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var first = new ServerOn(database, "first-secret"))
        {
            await first.InitializeAsync();
            Assert.Equal(HttpStatusCode.OK, await TokenStatusAsync(first, "first-secret"));
        }

        await using var changed = new ServerOn(database, "second-secret");
        await changed.InitializeAsync();

        Assert.Equal(HttpStatusCode.OK, await TokenStatusAsync(changed, "second-secret"));
        // As accounts.spotify.com answers a wrong secret: 400 invalid_client.
        Assert.Equal(HttpStatusCode.BadRequest, await TokenStatusAsync(changed, "first-secret"));
        Assert.Equal(HttpStatusCode.OK, await TokenStatusAsync(changed, "second-secret"));
    }

    private static async Task<HttpStatusCode> TokenStatusAsync(JukeboxTestServer server, string secret)
    {
        using var client = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/token")
        {
            Content = new FormUrlEncodedContent([new("grant_type", "client_credentials")]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{JukeboxTestServer.DemoClientId}:{secret}")));
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
