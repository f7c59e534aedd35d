using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jukebox.Api.Http.Policies;
using Jukebox.Data.Entities;
using Jukebox.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Jukebox.Api.Tests.Http;

/// <summary>
/// The API profiles, end to end: every operation has a row of the profile table, and every row holds
/// on an app of each profile (the refusal with its exact body, or the operation served as under full).
/// </summary>
[Collection(CatalogServer.Name)]
public sealed class ApiProfileTests(JukeboxTestServer server)
{
    private static readonly string[] AllScopes = [.. Jukebox.Accounts.Authorization.SpotifyScopes.UserDescriptions.Keys];

    private IEnumerable<string> ServedRoutes() => RouteList.Served(server);

    /// <summary>A user token of a new extended-quota app of the profile (the demo user, every scope).</summary>
    private async Task<string> TokenOfAppAsync(string profile)
    {
        using var sandbox = server.CreateClient();
        using var created = await sandbox.PostAsJsonAsync("/sandbox/apps", new { name = $"Profile {profile}", quota_mode = "extended", api_profile = profile });
        var app = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(profile, app.GetProperty("api_profile").GetString());
        var oauth = new OAuthClient(server, app.GetProperty("client_id").GetString()!, app.GetProperty("client_secret").GetString()!);
        return await oauth.SandboxUserTokenAsync(JukeboxTestServer.DemoUserId, AllScopes);
    }

    [Fact]
    public async Task Every_operation_of_the_spec_and_every_route_served_has_a_row()
    {
        var operations = (await SpotifySpec.LoadAsync()).Paths
            .SelectMany(p => p.Value.Keys.Select(m => $"{m.ToUpperInvariant()} {p.Key}")).ToList();

        Assert.Equal(97, operations.Count);
        Assert.DoesNotContain(operations, o => !ProfileTable.Table.ContainsKey(o));
        Assert.DoesNotContain(ServedRoutes(), r => !ProfileTable.Table.ContainsKey(r));
    }

    [Theory]
    [InlineData(ApiProfiles.Full)]
    [InlineData(ApiProfiles.Restricted2024)]
    [InlineData(ApiProfiles.Development2026)]
    public async Task Every_row_holds_for_an_app_of_the_profile(string profile)
    {
        using var client = server.CreateClient(await TokenOfAppAsync(profile));
        var problems = new List<string>();
        foreach (var key in ServedRoutes())
        {
            var method = key[..key.IndexOf(' ')];
            var path = "/v1" + Regex.Replace(key[(method.Length + 1)..], "{[^}]+}", "4uLU6hMCjMI75M1A2tKUQC");
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method is "PUT" or "POST" or "DELETE")
            {
                request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            }
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            var refusal = ProfileTable.Table[key].For(profile);
            var refused = refusal is null ? null
                : refusal.Message is null ? $"{{\"error\":{{\"status\":{refusal.Status}}}}}"
                : $"{{\"error\":{{\"status\":{refusal.Status},\"message\":\"{refusal.Message}\"}}}}";
            if (refused is not null && ((int)response.StatusCode != refusal!.Status || body != refused))
            {
                problems.Add($"{key}: expected {refusal.Status} {refused}, got {(int)response.StatusCode} {body}");
            }
            if (refused is null && body.Contains("\"message\":\"Forbidden\"", StringComparison.Ordinal))
            {
                problems.Add($"{key}: served under {profile}, but refused: {body}");
            }
        }
        Assert.Empty(problems);
    }

    [Fact]
    public async Task A_restricted_app_is_refused_what_a_full_app_is_served()
    {
        using var full = server.CreateClient(await TokenOfAppAsync(ApiProfiles.Full));
        using var restricted = server.CreateClient(await TokenOfAppAsync(ApiProfiles.Restricted2024));
        using var development = server.CreateClient(await TokenOfAppAsync(ApiProfiles.Development2026));

        using var genresFull = await full.GetAsync("/v1/recommendations/available-genre-seeds");
        using var genresRestricted = await restricted.GetAsync("/v1/recommendations/available-genre-seeds");
        using var marketsRestricted = await restricted.GetAsync("/v1/markets");
        using var marketsDevelopment = await development.GetAsync("/v1/markets");

        Assert.Equal(200, (int)genresFull.StatusCode);
        Assert.Equal(404, (int)genresRestricted.StatusCode);
        Assert.Equal(200, (int)marketsRestricted.StatusCode);
        Assert.Equal("{\"error\":{\"status\":403,\"message\":\"Forbidden\"}}", await marketsDevelopment.Content.ReadAsStringAsync());
    }
}
