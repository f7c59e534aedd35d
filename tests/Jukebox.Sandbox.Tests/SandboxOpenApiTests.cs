using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jukebox.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Jukebox.Sandbox.Tests;

/// <summary>
/// The sandbox API describes itself (/sandbox/openapi.json), every route of it, and every route of it
/// obeys the guard: the admin key when one is set, nothing at all when the sandbox is off.
/// </summary>
public sealed partial class SandboxOpenApiTests(JukeboxTestServer server) : IClassFixture<JukeboxTestServer>
{
    private sealed class AdminKeyServer : JukeboxTestServer
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Sandbox:AdminKey", "openapi-admin")];
    }

    private sealed class SandboxOffServer : JukeboxTestServer
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Sandbox:Enabled", "false")];
    }

    /// <summary>"METHOD /sandbox/..." of every route the server maps under /sandbox.</summary>
    private static List<(string Method, string Template)> SandboxRoutes(JukeboxTestServer node) =>
        [.. node.Services.GetServices<EndpointDataSource>().SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/sandbox/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (m, e.RoutePattern.RawText!)))
            .Distinct()];

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();

    [Fact]
    public async Task The_document_describes_every_sandbox_route_with_a_summary()
    {
        using var client = server.CreateClient();
        using var response = await client.GetAsync("/sandbox/openapi.json");
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var paths = document.GetProperty("paths");

        var missing = SandboxRoutes(server)
            .Where(r => r.Template != "/sandbox/openapi.json")
            .Where(r => !(paths.TryGetProperty(r.Template, out var path)
                && path.TryGetProperty(r.Method.ToLowerInvariant(), out var operation)
                && operation.TryGetProperty("summary", out var summary) && summary.GetString()!.Length > 0))
            .Select(r => $"{r.Method} {r.Template}")
            .ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Jukebox sandbox API", document.GetProperty("info").GetProperty("title").GetString());
        Assert.True(SandboxRoutes(server).Count > 20);
        Assert.Empty(missing);
        Assert.DoesNotContain(paths.EnumerateObject(), p => p.Name.StartsWith("/v1/", StringComparison.Ordinal));
        Assert.True(paths.GetProperty("/sandbox/apps").GetProperty("post").TryGetProperty("requestBody", out _));
    }

    /// <summary>"METHOD /route: status" of a request to each route, its parameters filled with "x".</summary>
    private static async Task<List<string>> AnswersAsync(JukeboxTestServer node, IEnumerable<(string Method, string Template)> routes)
    {
        using var client = node.CreateClient();
        var answers = new List<string>();
        foreach (var (method, template) in routes)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), Parameter().Replace(template, "x"));
            using var response = await client.SendAsync(request);
            answers.Add($"{method} {template}: {(int)response.StatusCode}");
        }
        return answers;
    }

    [Fact]
    public async Task With_an_admin_key_every_sandbox_route_needs_it()
    {
        await using var keyed = new AdminKeyServer();
        await keyed.InitializeAsync();

        var answers = await AnswersAsync(keyed, SandboxRoutes(keyed));

        Assert.All(answers, a => Assert.EndsWith(": 401", a));
    }

    [Fact]
    public async Task With_the_sandbox_off_no_sandbox_route_answers()
    {
        await using var off = new SandboxOffServer();
        await off.InitializeAsync();

        var answers = await AnswersAsync(off, SandboxRoutes(server));

        Assert.All(answers, a => Assert.EndsWith(": 404", a));
    }
}
