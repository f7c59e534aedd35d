using Jukebox.Api.Http.Policies;
using System.Text;
using System.Text.RegularExpressions;
using Jukebox.Api.Http;
using Jukebox.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Jukebox.Api.Tests.Http;

/// <summary>The scope table agrees with the spec's security requirements and covers the routes served.</summary>
[Collection(CatalogServer.Name)]
public sealed class ScopeRulesTests(JukeboxTestServer server)
{
    /// <summary>Where the table deliberately asks less than the spec's list, and why.</summary>
    private static readonly Dictionary<string, string> Relaxed = new()
    {
        ["GET /shows/{id}"] = "user-read-playback-position only adds resume points",
        ["GET /shows/{id}/episodes"] = "user-read-playback-position only adds resume points",
        ["GET /episodes/{id}"] = "user-read-playback-position only adds resume points",
        ["GET /episodes"] = "user-read-playback-position only adds resume points",
        ["GET /me"] = "the two scopes only reveal email and private fields",
        ["GET /me/playlists"] = "without playlist-read-private the public playlists are listed",
        ["GET /users/{user_id}/playlists"] = "without the read scopes the public playlists are listed",
        ["GET /playlists/{playlist_id}/tracks"] = "public playlists can be read without a scope",
        ["GET /playlists/{playlist_id}/items"] = "public playlists can be read without a scope",
        ["GET /me/episodes"] = "user-read-playback-position only adds resume points",
        ["PUT /me/library"] = "the scope depends on the types of the URIs",
        ["DELETE /me/library"] = "the scope depends on the types of the URIs",
        ["GET /me/library/contains"] = "the scope depends on the types of the URIs",
    };

    /// <summary>Routes served besides the spec's operations, and why.</summary>
    private static readonly Dictionary<string, string> Legacy = new()
    {
        ["GET /users/{user_id}/playlists/{playlist_id}/followers/contains"] = "the older path spotify-web-api-node calls",
    };

    [Fact]
    public async Task Every_scope_the_spec_requires_is_in_the_table_or_explained()
    {
        var document = await SpotifySpec.LoadAsync();
        var problems = new List<string>();
        foreach (var (path, item) in document.Paths)
        {
            foreach (var (method, operation) in item)
            {
                var key = $"{method.ToUpperInvariant()} {path}";
                var specScopes = operation.Security?.SelectMany(s => s.Values).SelectMany(v => v).ToHashSet() ?? [];
                if (specScopes.Count == 0 || Relaxed.ContainsKey(key))
                {
                    continue;
                }
                if (!ScopeTable.Table.TryGetValue(key, out var rule))
                {
                    problems.Add($"{key}: not in the table");
                    continue;
                }
                var covered = rule.All.Concat(rule.Any).ToHashSet();
                if (!specScopes.IsSubsetOf(covered) || !rule.User)
                {
                    problems.Add($"{key}: spec {string.Join(',', specScopes)}, table all={string.Join(',', rule.All)} any={string.Join(',', rule.Any)}");
                }
            }
        }
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Every_table_entry_names_an_operation_of_the_spec()
    {
        var document = await SpotifySpec.LoadAsync();
        var operations = document.Paths.SelectMany(p => p.Value.Keys.Select(m => $"{m.ToUpperInvariant()} {p.Key}")).ToHashSet();

        Assert.DoesNotContain(ScopeTable.Table.Keys, k => !operations.Contains(k));
        Assert.DoesNotContain(Relaxed.Keys, k => !operations.Contains(k));
    }

    [Fact]
    public async Task Every_served_route_is_an_operation_of_the_spec()
    {
        var routes = ServedRoutes().ToList();
        var operations = (await SpotifySpec.LoadAsync()).Paths
            .SelectMany(p => p.Value.Keys.Select(m => $"{m.ToUpperInvariant()} {p.Key}")).ToHashSet();

        Assert.NotEmpty(routes);
        Assert.DoesNotContain(routes, r => !operations.Contains(r) && !Legacy.ContainsKey(r));
    }

    /// <summary>Every rule of the table, on every route served, end to end: a client-credentials token is
    /// 401 where a user is needed, and a user token without the scopes is 403 "Insufficient client scope".</summary>
    [Fact]
    public async Task Every_rule_of_the_table_is_enforced_on_its_route()
    {
        var userToken = await OAuthClient.Demo(server).SandboxUserTokenAsync(JukeboxTestServer.DemoUserId);
        var clientToken = await server.NewClientTokenAsync();
        var checkedRoutes = 0;
        var problems = new List<string>();
        foreach (var key in ServedRoutes())
        {
            if (!ScopeTable.Table.TryGetValue(key, out var rule))
            {
                continue;
            }
            checkedRoutes++;
            var method = key[..key.IndexOf(' ')];
            var path = "/v1" + Regex.Replace(key[(method.Length + 1)..], "{[^}]+}", "4uLU6hMCjMI75M1A2tKUQC");
            if (rule.User)
            {
                await ExpectAsync(method, path, clientToken, 401, "Unauthorized", key, problems);
            }
            if (rule.All.Length > 0 || rule.Any.Length > 0)
            {
                await ExpectAsync(method, path, userToken, 403, "Insufficient client scope", key, problems);
            }
        }
        Assert.Equal(ScopeTable.Table.Count, checkedRoutes);
        Assert.Empty(problems);
    }

    private async Task ExpectAsync(string method, string path, string token, int status, string message, string key, List<string> problems)
    {
        using var client = server.CreateClient(token);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "PUT" or "POST" or "DELETE")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode != status || !body.Contains($"\"message\":\"{message}\"", StringComparison.Ordinal))
        {
            problems.Add($"{key}: expected {status} {message}, got {(int)response.StatusCode} {body}");
        }
    }

    private IEnumerable<string> ServedRoutes() => RouteList.Served(server);
}
