using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Jukebox.Testing;

namespace Jukebox.Accounts.Tests.Tokens;

/// <summary>
/// The token endpoint as widely used clients call it: parameters in the query string with an empty
/// body, and expires_in always 3600, however much time passes while a token is made.
/// </summary>
public sealed class TokenRequestFormsTests(TokenRequestFormsTests.TickingServer server) : IClassFixture<TokenRequestFormsTests.TickingServer>
{
    /// <summary>A server whose clock moves a quarter of a second each time it is read, as a real one moves on while a request is served.</summary>
    public sealed class TickingServer : JukeboxTestServer
    {
        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            Clock.AutoAdvanceAmount = TimeSpan.FromMilliseconds(250);
        }
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string url, HttpContent? body, bool basic)
    {
        using var http = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = body };
        if (basic)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{JukeboxTestServer.DemoClientId}:{JukeboxTestServer.DemoClientSecret}")));
        }
        using var response = await http.SendAsync(request);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    [Fact]
    public async Task Fifty_consecutive_tokens_all_say_expires_in_3600()
    {
        var client = OAuthClient.Demo(server);
        var lifetimes = new List<long>();
        for (var i = 0; i < 50; i++)
        {
            var (status, body) = await client.TokenAsync([("grant_type", "client_credentials")]);
            Assert.Equal(200, status);
            lifetimes.Add(body.GetProperty("expires_in").GetInt64());
        }

        Assert.All(lifetimes, seconds => Assert.Equal(3600, seconds));
    }

    [Fact]
    public async Task Parameters_in_the_query_string_with_an_empty_body_are_a_token_request()
    {
        var (status, body) = await PostAsync(
            $"/api/token?grant_type=client_credentials&client_id={JukeboxTestServer.DemoClientId}&client_secret={JukeboxTestServer.DemoClientSecret}",
            null, basic: false);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        Assert.Equal(3600, body.GetProperty("expires_in").GetInt64());
    }

    [Fact]
    public async Task When_both_carry_parameters_the_body_wins()
    {
        var (status, body) = await PostAsync(
            "/api/token?grant_type=password",
            new FormUrlEncodedContent([new("grant_type", "client_credentials")]), basic: true);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(body.TryGetProperty("access_token", out _));
    }

    [Fact]
    public async Task A_wrong_secret_in_the_query_string_is_refused_as_in_the_body()
    {
        var (status, body) = await PostAsync(
            $"/api/token?grant_type=client_credentials&client_id={JukeboxTestServer.DemoClientId}&client_secret=wrong",
            null, basic: false);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_client", body.GetProperty("error").GetString());
    }
}
