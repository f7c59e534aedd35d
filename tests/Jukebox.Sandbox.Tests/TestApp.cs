using System.Net.Http.Json;
using System.Text.Json;
using Jukebox.Accounts.Apps;
using Jukebox.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Jukebox.Sandbox.Tests;

/// <summary>A new app of the demo user, so that a test reads only its own requests and rules.</summary>
public sealed record TestApp(JukeboxTestServer Server, string ClientId, string Secret)
{
    public static async Task<TestApp> CreateAsync(JukeboxTestServer server, string name)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var app = await scope.ServiceProvider.GetRequiredService<DeveloperApps>()
            .CreateAsync(JukeboxTestServer.DemoUserId, name, "", null, [], CancellationToken.None);
        return new TestApp(server, app.ClientId, app.ClientSecret);
    }

    public OAuthClient OAuth => new(Server, ClientId, Secret);

    /// <summary>A client with a client-credentials token of the app.</summary>
    public async Task<HttpClient> ClientAsync()
    {
        var (status, body) = await OAuth.TokenAsync([("grant_type", "client_credentials")]);
        Assert.Equal(200, status);
        return Server.CreateClient(body.GetProperty("access_token").GetString());
    }

    /// <summary>A client with a user token of the app (the user is added to the app's allowlist first).</summary>
    public async Task<HttpClient> UserClientAsync(string userId, params string[] scopes)
    {
        if (userId != JukeboxTestServer.DemoUserId)
        {
            await using var scope = Server.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DeveloperApps>().AllowUserAsync(JukeboxTestServer.DemoUserId, ClientId, userId, CancellationToken.None);
        }
        return Server.CreateClient(await OAuth.SandboxUserTokenAsync(userId, scopes));
    }

    /// <summary>GET /sandbox/requests for this app (and more of the query).</summary>
    public async Task<List<JsonElement>> RequestsAsync(string query = "")
    {
        using var sandbox = Server.CreateClient();
        var body = await sandbox.GetFromJsonAsync<JsonElement>($"/sandbox/requests?client_id={ClientId}{query}");
        return [.. body.GetProperty("items").EnumerateArray()];
    }
}
