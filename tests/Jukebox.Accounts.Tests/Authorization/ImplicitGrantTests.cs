using Jukebox.Accounts.Apps;
using Jukebox.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Jukebox.Accounts.Tests.Authorization;

/// <summary>A server that still offers the implicit grant (Accounts:AllowImplicitGrant), to apps that opt in.</summary>
public sealed class ImplicitGrantServer : JukeboxTestServer
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Accounts:AllowImplicitGrant", "true")];
}

public sealed class ImplicitGrantTests(ImplicitGrantServer server) : IClassFixture<ImplicitGrantServer>
{
    private static readonly (string, string) Demo = (JukeboxTestServer.DemoUserEmail, JukeboxTestServer.DemoUserPassword);

    private async Task<DeveloperApps.Created> AppAsync(bool implicitAllowed)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var apps = scope.ServiceProvider.GetRequiredService<DeveloperApps>();
        var app = await apps.CreateAsync(JukeboxTestServer.DemoUserId, "Legacy app", "", null, ["https://legacy.example/cb"], CancellationToken.None);
        await apps.SetImplicitGrantAsync(JukeboxTestServer.DemoUserId, app.ClientId, implicitAllowed, CancellationToken.None);
        return app;
    }

    private static string Query(string clientId) => OAuthClient.Query(("client_id", clientId), ("response_type", "token"),
        ("redirect_uri", "https://legacy.example/cb"), ("scope", "user-read-private"), ("state", "imp"));

    [Fact]
    public async Task An_app_that_allows_it_gets_the_token_in_the_fragment()
    {
        var app = await AppAsync(implicitAllowed: true);
        using var browser = new AccountsBrowser(server);

        var back = await browser.AuthorizeAsync(Query(app.ClientId), Demo);

        Assert.StartsWith("https://legacy.example/cb#", back!.ToString());
        Assert.Empty(back.Query);
        var token = OAuthClient.Parameter(back, "access_token");
        Assert.Equal("Bearer", OAuthClient.Parameter(back, "token_type"));
        Assert.Equal("3600", OAuthClient.Parameter(back, "expires_in"));
        Assert.Equal("imp", OAuthClient.Parameter(back, "state"));
        using var api = server.CreateClient(token);
        using var me = await api.GetAsync("/v1/me");
        Assert.Equal(System.Net.HttpStatusCode.OK, me.StatusCode);
    }

    [Fact]
    public async Task An_app_that_does_not_allow_it_is_refused_even_on_this_server()
    {
        var app = await AppAsync(implicitAllowed: false);
        using var browser = new AccountsBrowser(server);

        var back = await browser.AuthorizeAsync(Query(app.ClientId), Demo);

        Assert.Equal("https://legacy.example/cb#error=unsupported_response_type&state=imp", back!.ToString());
    }
}
