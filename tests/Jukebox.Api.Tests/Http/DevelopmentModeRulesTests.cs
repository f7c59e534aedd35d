using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jukebox.Testing;

namespace Jukebox.Api.Tests.Http;

/// <summary>
/// What development mode under the 2026 rules adds to the routes' refusals: the daily quota of a
/// developer account (all its apps together), and an app that stops while its owner has no Premium.
/// </summary>
public sealed class DevelopmentModeRulesTests(DevelopmentModeRulesTests.QuotaServer server) : IClassFixture<DevelopmentModeRulesTests.QuotaServer>
{
    public sealed class QuotaServer : JukeboxTestServer
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("RateLimits:DevelopmentDailyQuota", "3")];
    }

    private async Task<HttpClient> ClientOfNewAppAsync(string owner, string profile, string quotaMode = "development") =>
        await ClientOfAsync(await NewAppAsync(owner, profile, quotaMode), owner);

    private async Task<HttpClient> ClientOfAsync(OAuthClient app, string user) =>
        server.CreateClient(await app.SandboxUserTokenAsync(user, "user-read-private"));

    private async Task<OAuthClient> NewAppAsync(string owner, string profile, string quotaMode = "development")
    {
        using var sandbox = server.CreateClient();
        using var created = await sandbox.PostAsJsonAsync("/sandbox/apps", new { name = $"{profile} of {owner}", owner, api_profile = profile, quota_mode = quotaMode });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var app = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        return new OAuthClient(server, app.GetProperty("client_id").GetString()!, app.GetProperty("client_secret").GetString()!);
    }

    private async Task<string> CreateOwnerAsync(string id, string product)
    {
        using var sandbox = server.CreateClient();
        using var created = await sandbox.PostAsJsonAsync("/sandbox/users", new { id, password = "owner-pass", product, email = $"{id}@example.test" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return id;
    }

    private static async Task<string> AnswerAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/v1/me");
        return $"{(int)response.StatusCode} {(response.IsSuccessStatusCode ? "" : await response.Content.ReadAsStringAsync())}".Trim();
    }

    [Fact]
    public async Task A_developer_accounts_apps_share_one_daily_quota_and_a_new_day_restores_it()
    {
        var owner = await CreateOwnerAsync("quota-owner", "premium");
        using var first = await ClientOfNewAppAsync(owner, "development-2026");
        var secondApp = await NewAppAsync(owner, "development-2026");
        using var second = await ClientOfAsync(secondApp, owner);
        using var full = await ClientOfNewAppAsync(owner, "full");

        var answers = new List<string> { await AnswerAsync(first), await AnswerAsync(second), await AnswerAsync(first) };
        using var refused = await second.GetAsync("/v1/me");
        var refusedBody = await refused.Content.ReadAsStringAsync();
        var fullAnswer = await AnswerAsync(full);
        server.Clock.Advance(TimeSpan.FromDays(1));
        using var secondTomorrow = await ClientOfAsync(secondApp, owner);
        var nextDay = await AnswerAsync(secondTomorrow);

        Assert.Equal(["200", "200", "200"], answers);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("{\"error\":{\"status\":429,\"message\":\"Too many requests\",\"reason\":\"QUOTA_EXCEEDED\"}}", refusedBody);
        Assert.True(int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After"))) is > 0 and <= 86400);
        Assert.Equal("200", fullAnswer);
        Assert.Equal("200", nextDay);
    }

    [Fact]
    public async Task A_development_app_reads_the_current_user_without_the_fields_spotify_removed()
    {
        var owner = await CreateOwnerAsync("fields-owner", "premium");
        var development = await NewAppAsync(owner, "development-2026");
        var full = await NewAppAsync(owner, "full");
        const string Scopes = "user-read-private user-read-email";
        using var developmentClient = server.CreateClient(await development.SandboxUserTokenAsync(owner, Scopes));
        using var fullClient = server.CreateClient(await full.SandboxUserTokenAsync(owner, Scopes));

        var trimmed = JsonDocument.Parse(await developmentClient.GetStringAsync("/v1/me")).RootElement;
        var whole = JsonDocument.Parse(await fullClient.GetStringAsync("/v1/me")).RootElement;

        string[] removed = ["country", "email", "explicit_content", "followers", "product"];
        Assert.All(removed, field => Assert.True(whole.TryGetProperty(field, out _), field));
        Assert.All(removed, field => Assert.False(trimmed.TryGetProperty(field, out _), field));
        Assert.Equal(whole.GetProperty("id").GetString(), trimmed.GetProperty("id").GetString());
        Assert.Equal(whole.GetProperty("display_name").GetString(), trimmed.GetProperty("display_name").GetString());
    }

    [Fact]
    public async Task A_development_app_stops_while_its_owner_has_no_premium()
    {
        var owner = await CreateOwnerAsync("free-owner", "free");
        using var development = await ClientOfNewAppAsync(owner, "development-2026");
        using var extended = await ClientOfNewAppAsync(owner, "development-2026", quotaMode: "extended");
        using var restricted = await ClientOfNewAppAsync(owner, "restricted-2024");

        Assert.Equal(
            "403 {\"error\":{\"status\":403,\"message\":\"Active premium subscription required for the owner of the app. When the subscription status changes, it can take a few hours before requests are allowed again.\"}}",
            await AnswerAsync(development));
        Assert.Equal("200", await AnswerAsync(extended));
        Assert.Equal("200", await AnswerAsync(restricted));
    }
}
