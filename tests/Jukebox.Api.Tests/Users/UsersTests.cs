using System.Net;
using Jukebox.Testing;

namespace Jukebox.Api.Tests.Users;

[Collection(CatalogServer.Name)]
public sealed class UsersTests(JukeboxTestServer server)
{
    private async Task<HttpClient> UserClientAsync(params string[] scopes) =>
        server.CreateClient(await OAuthClient.Demo(server).SandboxUserTokenAsync(JukeboxTestServer.DemoUserId, scopes));

    [Fact]
    public async Task Me_shows_email_country_product_and_explicit_settings_with_the_scopes_that_grant_them()
    {
        using var client = await UserClientAsync("user-read-private", "user-read-email");

        var me = await client.GetOkAsync("/v1/me", "/me");

        Assert.Equal(JukeboxTestServer.DemoUserId, me.GetProperty("id").GetString());
        Assert.Equal(JukeboxTestServer.DemoUserEmail, me.GetProperty("email").GetString());
        Assert.Equal("US", me.GetProperty("country").GetString());
        Assert.Equal("premium", me.GetProperty("product").GetString());
        Assert.False(me.GetProperty("explicit_content").GetProperty("filter_enabled").GetBoolean());
        Assert.Equal($"spotify:user:{JukeboxTestServer.DemoUserId}", me.GetProperty("uri").GetString());
    }

    [Fact]
    public async Task Me_without_those_scopes_leaves_the_private_fields_out()
    {
        using var client = await UserClientAsync();

        var me = await client.GetOkAsync("/v1/me", "/me");

        Assert.Equal(JukeboxTestServer.DemoUserId, me.GetProperty("id").GetString());
        foreach (var field in new[] { "email", "country", "product", "explicit_content" })
        {
            Assert.False(me.TryGetProperty(field, out _), field);
        }
    }

    [Fact]
    public async Task Me_with_an_app_token_is_401_because_no_user_is_behind_it()
    {
        using var client = await server.CreateAppClientAsync();

        await client.AssertErrorAsync("/v1/me", HttpStatusCode.Unauthorized, "Unauthorized");
    }

    [Fact]
    public async Task A_users_public_profile_has_no_private_fields()
    {
        using var client = await server.CreateAppClientAsync();

        var user = await client.GetOkAsync($"/v1/users/{JukeboxTestServer.DemoUserId}", "/users/{user_id}");

        Assert.Equal("Jukebox Demo", user.GetProperty("display_name").GetString());
        Assert.False(user.TryGetProperty("email", out _));
    }

    [Fact]
    public async Task An_unknown_user_is_404()
    {
        using var client = await server.CreateAppClientAsync();

        await client.AssertErrorStatusAsync("/v1/users/nobody-of-that-name", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task With_a_user_token_the_users_country_wins_over_the_market_parameter()
    {
        var track = (await server.CatalogAsync()).Tracks.Values.First(t => t.OtherInstances.Length > 0 && !t.Markets.Contains("US"));
        using var client = await UserClientAsync();

        var body = await client.GetOkAsync($"/v1/tracks/{track.Id}?market=DE", "/tracks/{id}");
        var fromToken = await client.GetOkAsync($"/v1/tracks/{track.Id}?market=from_token", "/tracks/{id}");

        Assert.Equal(track.Id, body.GetProperty("linked_from").GetProperty("id").GetString());
        Assert.Equal(track.Id, fromToken.GetProperty("linked_from").GetProperty("id").GetString());
    }
}
