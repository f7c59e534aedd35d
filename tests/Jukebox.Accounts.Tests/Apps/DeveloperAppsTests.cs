using System.Net;
using Jukebox.Accounts.Apps;
using Jukebox.Data.Entities;
using Jukebox.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Jukebox.Accounts.Tests.Apps;

public sealed class DeveloperAppsTests(JukeboxTestServer server) : IClassFixture<JukeboxTestServer>
{
    private async Task<T> WithAppsAsync<T>(Func<DeveloperApps, Task<T>> action)
    {
        await using var scope = server.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<DeveloperApps>());
    }

    private Task<DeveloperApps.Created> CreateAppAsync(params string[] redirectUris) =>
        WithAppsAsync(apps => apps.CreateAsync(JukeboxTestServer.DemoUserId, "My app", "", null,
            redirectUris.Length == 0 ? ["https://my.example/callback"] : redirectUris, CancellationToken.None));

    [Fact]
    public async Task Rotating_the_secret_makes_the_old_one_stop_working()
    {
        var app = await CreateAppAsync();
        var newSecret = await WithAppsAsync(apps => apps.RotateSecretAsync(JukeboxTestServer.DemoUserId, app.ClientId, CancellationToken.None));

        var (oldStatus, oldBody) = await new OAuthClient(server, app.ClientId, app.ClientSecret).TokenAsync([("grant_type", "client_credentials")]);
        var (newStatus, _) = await new OAuthClient(server, app.ClientId, newSecret).TokenAsync([("grant_type", "client_credentials")]);

        Assert.Equal(400, oldStatus);
        Assert.Equal("Invalid client secret", oldBody.GetProperty("error_description").GetString());
        Assert.Equal(200, newStatus);
    }

    [Fact]
    public async Task Rotating_the_secret_of_an_app_in_use_makes_the_old_one_stop_working_at_once()
    {
        var app = await CreateAppAsync();
        var (usedStatus, _) = await new OAuthClient(server, app.ClientId, app.ClientSecret).TokenAsync([("grant_type", "client_credentials")]);
        var newSecret = await WithAppsAsync(apps => apps.RotateSecretAsync(JukeboxTestServer.DemoUserId, app.ClientId, CancellationToken.None));

        var (oldStatus, oldBody) = await new OAuthClient(server, app.ClientId, app.ClientSecret).TokenAsync([("grant_type", "client_credentials")]);
        var (newStatus, _) = await new OAuthClient(server, app.ClientId, newSecret).TokenAsync([("grant_type", "client_credentials")]);

        Assert.Equal(200, usedStatus);
        Assert.Equal(400, oldStatus);
        Assert.Equal("Invalid client secret", oldBody.GetProperty("error_description").GetString());
        Assert.Equal(200, newStatus);
    }

    [Fact]
    public async Task An_app_deleted_while_in_use_can_no_longer_get_tokens()
    {
        var app = await CreateAppAsync();
        var client = new OAuthClient(server, app.ClientId, app.ClientSecret);
        var (usedStatus, _) = await client.TokenAsync([("grant_type", "client_credentials")]);
        await WithAppsAsync(async apps => { await apps.DeleteAsync(JukeboxTestServer.DemoUserId, app.ClientId, CancellationToken.None); return 0; });

        var (status, body) = await client.TokenAsync([("grant_type", "client_credentials")]);

        Assert.Equal(200, usedStatus);
        Assert.Equal(400, status);
        Assert.Equal("Invalid client", body.GetProperty("error_description").GetString());
    }

    [Fact]
    public async Task Localhost_redirect_uris_cannot_be_registered()
    {
        var error = await Assert.ThrowsAsync<AppRuleException>(() => CreateAppAsync("http://localhost:8888/callback"));

        Assert.Contains("localhost", error.Message);
    }

    [Fact]
    public async Task A_deleted_app_can_no_longer_get_tokens()
    {
        var app = await CreateAppAsync();
        await WithAppsAsync(async apps => { await apps.DeleteAsync(JukeboxTestServer.DemoUserId, app.ClientId, CancellationToken.None); return 0; });

        var (status, body) = await new OAuthClient(server, app.ClientId, app.ClientSecret).TokenAsync([("grant_type", "client_credentials")]);

        Assert.Equal(400, status);
        Assert.Equal("Invalid client", body.GetProperty("error_description").GetString());
    }

    [Fact]
    public async Task In_development_mode_only_allowlisted_users_can_use_the_api_with_the_apps_tokens()
    {
        var app = await CreateAppAsync();
        await server.CreateUserAsync("dev-mode-outsider", "secret-pass-1");
        var client = new OAuthClient(server, app.ClientId, app.ClientSecret);
        var ownerToken = await client.SandboxUserTokenAsync(JukeboxTestServer.DemoUserId);
        var outsiderToken = await client.SandboxUserTokenAsync("dev-mode-outsider");

        using var owner = server.CreateClient(ownerToken);
        using var outsider = server.CreateClient(outsiderToken);
        using (var ok = await owner.GetAsync("/v1/markets"))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }
        using (var refused = await outsider.GetAsync("/v1/markets"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Contains("User not registered in the Developer Dashboard", await refused.Content.ReadAsStringAsync());
        }

        await WithAppsAsync(async apps => { await apps.AllowUserAsync(JukeboxTestServer.DemoUserId, app.ClientId, "dev-mode-outsider", CancellationToken.None); return 0; });
        using var allowed = await server.CreateClient(await client.SandboxUserTokenAsync("dev-mode-outsider")).GetAsync("/v1/markets");
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task A_development_mode_allowlist_holds_at_most_25_users()
    {
        var app = await CreateAppAsync();
        for (var i = 0; i < QuotaModes.DevelopmentUserLimit; i++)
        {
            var id = $"allow-{app.ClientId[..6]}-{i}";
            await server.CreateUserAsync(id, "pw-123456");
            await WithAppsAsync(async apps => { await apps.AllowUserAsync(JukeboxTestServer.DemoUserId, app.ClientId, id, CancellationToken.None); return 0; });
        }
        await server.CreateUserAsync($"allow-{app.ClientId[..6]}-over", "pw-123456");

        await Assert.ThrowsAsync<AppRuleException>(() => WithAppsAsync(async apps =>
        {
            await apps.AllowUserAsync(JukeboxTestServer.DemoUserId, app.ClientId, $"allow-{app.ClientId[..6]}-over", CancellationToken.None);
            return 0;
        }));
    }
}
