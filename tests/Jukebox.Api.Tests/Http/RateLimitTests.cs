using System.Net;
using Jukebox.Accounts.Apps;
using Jukebox.Data.Entities;
using Jukebox.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Jukebox.Api.Tests.Http;

/// <summary>A server with small limits: 5 requests per rolling 30 s in development mode, 10 in extended
/// quota mode, 3 for GET /markets on its own and 2 for playlist image uploads.</summary>
public sealed class RateLimitedServer : JukeboxTestServer
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("RateLimits:DevelopmentModeLimit", "5"),
        new("RateLimits:ExtendedQuotaLimit", "10"),
        new("RateLimits:Endpoints:GET /markets", "3"),
        new("RateLimits:Endpoints:PUT /playlists/{playlist_id}/images", "2"),
    ];
}

/// <summary>Spotify's rate limit: per app, over a rolling 30-second window, with an exact Retry-After.</summary>
public sealed class RateLimitTests(RateLimitedServer server) : IClassFixture<RateLimitedServer>
{
    private const string Path = "/v1/browse/categories";

    private async Task<HttpClient> NewAppAsync(string mode, params string[] userScopes)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var apps = scope.ServiceProvider.GetRequiredService<DeveloperApps>();
        var app = await apps.CreateAsync(JukeboxTestServer.DemoUserId, $"Rate {Guid.NewGuid():N}", "", null, [], CancellationToken.None);
        await apps.SetQuotaModeAsync(JukeboxTestServer.DemoUserId, app.ClientId, mode, CancellationToken.None);
        var oauth = new OAuthClient(server, app.ClientId, app.ClientSecret);
        if (userScopes.Length > 0)
        {
            return server.CreateClient(await oauth.SandboxUserTokenAsync(JukeboxTestServer.DemoUserId, userScopes));
        }
        var (_, body) = await oauth.TokenAsync([("grant_type", "client_credentials")]);
        return server.CreateClient(body.GetProperty("access_token").GetString());
    }

    private static async Task SucceedAsync(HttpClient api, int times, string path = Path)
    {
        for (var i = 0; i < times; i++)
        {
            using var response = await api.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    private static async Task<int> RefusedAsync(HttpClient api, string path = Path)
    {
        using var response = await api.GetAsync(path);
        await ErrorAssert.IsAsync(response, 429, "API rate limit exceeded");
        return int.Parse(Assert.Single(response.Headers.GetValues("Retry-After")));
    }

    [Fact]
    public async Task Beyond_the_limit_the_answer_is_429_and_waiting_Retry_After_seconds_is_enough()
    {
        var api = await NewAppAsync(QuotaModes.Extended);
        await SucceedAsync(api, 10);

        Assert.Equal(30, await RefusedAsync(api));
        server.Clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(1, await RefusedAsync(api));
        server.Clock.Advance(TimeSpan.FromSeconds(1));

        await SucceedAsync(api, 10);
    }

    [Fact]
    public async Task The_window_rolls_second_by_second()
    {
        var api = await NewAppAsync(QuotaModes.Extended);
        await SucceedAsync(api, 4);
        server.Clock.Advance(TimeSpan.FromSeconds(10));
        await SucceedAsync(api, 6);
        server.Clock.Advance(TimeSpan.FromSeconds(5));

        // The first four requests leave the window 30 s after they were made, 15 s from now.
        var retryAfter = await RefusedAsync(api);
        Assert.Equal(15, retryAfter);
        server.Clock.Advance(TimeSpan.FromSeconds(retryAfter));
        await SucceedAsync(api, 4);
        await RefusedAsync(api);
    }

    [Fact]
    public async Task Refused_requests_do_not_count()
    {
        var api = await NewAppAsync(QuotaModes.Extended);
        await SucceedAsync(api, 10);
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(30 - i, await RefusedAsync(api));
            server.Clock.Advance(TimeSpan.FromSeconds(1));
        }
        server.Clock.Advance(TimeSpan.FromSeconds(10));

        await SucceedAsync(api, 10);
    }

    [Fact]
    public async Task Development_mode_apps_have_a_lower_limit_than_extended_quota_apps()
    {
        var development = await NewAppAsync(QuotaModes.Development);
        var extended = await NewAppAsync(QuotaModes.Extended);

        await SucceedAsync(development, 5);
        await RefusedAsync(development);
        await SucceedAsync(extended, 10);
        await RefusedAsync(extended);
    }

    [Fact]
    public async Task Each_app_has_its_own_window()
    {
        var first = await NewAppAsync(QuotaModes.Extended);
        var second = await NewAppAsync(QuotaModes.Extended);
        await SucceedAsync(first, 10);
        await RefusedAsync(first);

        await SucceedAsync(second, 10);
    }

    [Fact]
    public async Task An_endpoint_with_its_own_limit_is_refused_first_while_the_app_may_go_on_elsewhere()
    {
        var api = await NewAppAsync(QuotaModes.Extended);
        await SucceedAsync(api, 3, "/v1/markets");

        Assert.Equal(30, await RefusedAsync(api, "/v1/markets"));
        await SucceedAsync(api, 7);
        await RefusedAsync(api);
    }

    [Fact]
    public async Task Playlist_image_uploads_have_their_own_limit()
    {
        var api = await NewAppAsync(QuotaModes.Extended, "ugc-image-upload", "playlist-modify-public");
        using var created = await api.PostAsync("/v1/me/playlists", System.Net.Http.Json.JsonContent.Create(new { name = "Covers" }));
        var id = System.Text.Json.JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
        using var bitmap = new SkiaSharp.SKBitmap(64, 64);
        using var jpeg = bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Jpeg, 80);
        var body = Convert.ToBase64String(jpeg.ToArray());
        async Task<HttpResponseMessage> UploadAsync() =>
            await api.PutAsync($"/v1/playlists/{id}/images", new StringContent(body, System.Text.Encoding.ASCII, "image/jpeg"));

        for (var i = 0; i < 2; i++)
        {
            using var accepted = await UploadAsync();
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        }
        using var refused = await UploadAsync();
        await ErrorAssert.IsAsync(refused, 429, "API rate limit exceeded");
        Assert.Equal("30", Assert.Single(refused.Headers.GetValues("Retry-After")));
        await SucceedAsync(api, 1, $"/v1/playlists/{id}/images");

        server.Clock.Advance(TimeSpan.FromSeconds(30));
        using var again = await UploadAsync();
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
    }
}
