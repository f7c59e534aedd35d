using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Jukebox.Data;
using Jukebox.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.EntityFrameworkCore.Models;

namespace Jukebox.Accounts.Tests.Tokens;

/// <summary>POST /api/token with grant_type=client_credentials, as Spotify's Client Credentials flow.</summary>
public sealed class ClientCredentialsTests(JukeboxTestServer server) : IClassFixture<JukeboxTestServer>
{
    private static AuthenticationHeaderValue Basic(string id, string secret) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{id}:{secret}")));

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(IEnumerable<KeyValuePair<string, string>> form, AuthenticationHeaderValue? auth = null)
    {
        var (status, text) = await PostTextAsync(form, auth);
        return (status, JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>The answer's body as the server wrote it.</summary>
    private async Task<(HttpStatusCode Status, string Text)> PostTextAsync(IEnumerable<KeyValuePair<string, string>> form, AuthenticationHeaderValue? auth)
    {
        using var client = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/token") { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = auth;
        using var response = await client.SendAsync(request);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Basic_credentials_get_a_bearer_token_for_an_hour_without_refresh_token_or_scope()
    {
        var (status, body) = await PostAsync([new("grant_type", "client_credentials")],
            Basic(JukeboxTestServer.DemoClientId, JukeboxTestServer.DemoClientSecret));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("access_token").GetString()));
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        Assert.Equal(3600, body.GetProperty("expires_in").GetInt32());
        Assert.False(body.TryGetProperty("refresh_token", out _));
        Assert.False(body.TryGetProperty("scope", out _));
    }

    /// <summary>Spotify's accounts service writes its answers on one line, without indentation.</summary>
    [Fact]
    public async Task Token_answers_are_compact_json_as_spotify_writes_them()
    {
        async Task<string> PostAsync(string secret) =>
            (await PostTextAsync([new("grant_type", "client_credentials")], Basic(JukeboxTestServer.DemoClientId, secret))).Text;

        var token = await PostAsync(JukeboxTestServer.DemoClientSecret);
        Assert.StartsWith("{\"access_token\":\"", token, StringComparison.Ordinal);
        Assert.EndsWith("\"token_type\":\"Bearer\",\"expires_in\":3600}", token, StringComparison.Ordinal);
        Assert.Equal("{\"error\":\"invalid_client\",\"error_description\":\"Invalid client secret\"}", await PostAsync("not-the-secret"));
    }

    [Fact]
    public async Task Credentials_in_the_body_are_accepted_too_and_the_token_opens_the_api()
    {
        var (status, body) = await PostAsync(
        [
            new("grant_type", "client_credentials"),
            new("client_id", JukeboxTestServer.DemoClientId),
            new("client_secret", JukeboxTestServer.DemoClientSecret),
        ]);
        Assert.Equal(HttpStatusCode.OK, status);

        using var api = server.CreateClient(body.GetProperty("access_token").GetString());
        using var response = await api.GetAsync("/v1/markets");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Two_requests_get_two_different_opaque_tokens()
    {
        var auth = Basic(JukeboxTestServer.DemoClientId, JukeboxTestServer.DemoClientSecret);
        var (_, first) = await PostAsync([new("grant_type", "client_credentials")], auth);
        var (_, second) = await PostAsync([new("grant_type", "client_credentials")], auth);

        var a = first.GetProperty("access_token").GetString()!;
        Assert.NotEqual(a, second.GetProperty("access_token").GetString());
        Assert.DoesNotContain('.', a); // not a JWT: clients cannot read anything out of it
    }

    [Fact]
    public async Task Client_credentials_tokens_do_not_grow_the_database()
    {
        var auth = Basic(JukeboxTestServer.DemoClientId, JukeboxTestServer.DemoClientSecret);
        var before = await CountTokenEntriesAsync();

        for (var i = 0; i < 3; i++)
        {
            var (status, _) = await PostAsync([new("grant_type", "client_credentials")], auth);
            Assert.Equal(HttpStatusCode.OK, status);
        }

        Assert.Equal(before, await CountTokenEntriesAsync());
    }

    private async Task<int> CountTokenEntriesAsync()
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JukeboxDbContext>();
        return await db.Set<OpenIddictEntityFrameworkCoreToken>().CountAsync();
    }

    [Fact]
    public async Task A_wrong_secret_is_invalid_client_Invalid_client_secret()
    {
        var (status, body) = await PostAsync([new("grant_type", "client_credentials")], Basic(JukeboxTestServer.DemoClientId, "wrong"));

        AssertOAuthError(status, body, "invalid_client", "Invalid client secret");
    }

    [Fact]
    public async Task An_unknown_client_is_invalid_client_Invalid_client()
    {
        var (status, body) = await PostAsync([new("grant_type", "client_credentials")], Basic("0000000000000000000000000000000f", "whatever"));

        AssertOAuthError(status, body, "invalid_client", "Invalid client");
    }

    [Fact]
    public async Task No_client_credentials_at_all_is_invalid_client()
    {
        var (status, body) = await PostAsync([new("grant_type", "client_credentials")]);

        AssertOAuthError(status, body, "invalid_client", "Invalid client");
    }

    [Fact]
    public async Task A_missing_grant_type_is_unsupported_grant_type()
    {
        var (status, body) = await PostAsync([new("scope", "")], Basic(JukeboxTestServer.DemoClientId, JukeboxTestServer.DemoClientSecret));

        AssertOAuthError(status, body, "unsupported_grant_type", "grant_type parameter is missing");
    }

    [Fact]
    public async Task A_grant_type_Spotify_does_not_offer_is_unsupported_grant_type()
    {
        var (status, body) = await PostAsync(
            [new("grant_type", "password"), new("username", "demo@jukebox.local"), new("password", "jukebox-demo")],
            Basic(JukeboxTestServer.DemoClientId, JukeboxTestServer.DemoClientSecret));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("unsupported_grant_type", body.GetProperty("error").GetString());
    }

    private static void AssertOAuthError(HttpStatusCode status, JsonElement body, string error, string description)
    {
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(error, body.GetProperty("error").GetString());
        Assert.Equal(description, body.GetProperty("error_description").GetString());
        Assert.False(body.TryGetProperty("error_uri", out _));
    }
}
