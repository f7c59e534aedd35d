using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Jukebox.Sandbox.Tests;

/// <summary>
/// A fresh data folder is made from the template the first fresh start of the day left in the cache
/// folder: the same demo catalog, user and app, but nothing of the first server's own state, and keys of
/// its own.
/// </summary>
public sealed class DemoTemplateTests
{
    [Fact]
    public async Task The_second_fresh_start_copies_the_first_ones_demo_state_but_not_its_users_or_keys()
    {
        var templates = Directory.CreateTempSubdirectory("jukebox-templates-test-");
        try
        {
            var environment = new Dictionary<string, string> { ["JUKEBOX_DemoTemplateDirectory"] = templates.FullName };
            string firstToken;
            string firstTracks;
            string firstOutput;
            await using (var first = await ThrowawayServer.StartAsync(environment))
            {
                firstToken = await TokenAsync(first);
                firstTracks = await SearchAsync(first, firstToken);
                using (var http = first.CreateClient())
                using (var created = await http.PostAsJsonAsync("/sandbox/users", new { id = "made-after-seeding", password = "a-password-1", email = "after@example.test", country = "SE", product = "free" }))
                {
                    Assert.Equal(HttpStatusCode.Created, created.StatusCode);
                }
                await WaitForTemplateAsync(templates, first);
                await first.StopAsync();
                Assert.Contains("Kept the new data folder as the demo template", first.Output, StringComparison.Ordinal);
                firstOutput = first.Output;
            }

            await using var second = await ThrowawayServer.StartAsync(environment);
            // The whole output on failure: it says why the template was not used (another key, a failed copy).
            Assert.True(second.Output.Contains("made from the demo template", StringComparison.Ordinal),
                $"The second start did not use the template.\nFirst:\n{firstOutput}\nSecond:\n{second.Output}");
            // The template holds the built catalog too, so the copy does not build it from the tables again.
            Assert.True(second.Output.Contains("Catalog read from its file", StringComparison.Ordinal),
                $"The second start built the catalog.\nSecond:\n{second.Output}");
            // The first server's token means nothing here: the Data Protection keys are the new folder's own.
            using (var http = second.CreateClient(firstToken))
            using (var refused = await http.GetAsync("/v1/tracks/" + FirstTrackId(firstTracks)))
            {
                Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            }
            var token = await TokenAsync(second);
            Assert.Equal(firstTracks, await SearchAsync(second, token));
            using (var http = second.CreateClient())
            using (var user = await http.GetAsync("/v1/users/made-after-seeding"))
            {
                // Made after the template was taken: not in it.
                Assert.Equal(HttpStatusCode.Unauthorized, user.StatusCode);
            }
            using (var http = second.CreateClient(token))
            using (var user = await http.GetAsync("/v1/users/made-after-seeding"))
            {
                Assert.Equal(HttpStatusCode.NotFound, user.StatusCode);
            }
        }
        finally
        {
            templates.Delete(recursive: true);
        }
    }

    private static async Task<string> TokenAsync(ThrowawayServer server)
    {
        using var response = await server.TokenAsync(ThrowawayServer.DemoClientId, ThrowawayServer.DemoClientSecret, ("grant_type", "client_credentials"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {text}\n{server.Output}");
        using var body = JsonDocument.Parse(text);
        return body.RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>The track ids a search finds, in order: the catalog and its index.</summary>
    private static async Task<string> SearchAsync(ThrowawayServer server, string token)
    {
        using var http = server.CreateClient(token);
        using var response = await http.GetAsync("/v1/search?q=love&type=track&limit=10");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var ids = body.RootElement.GetProperty("tracks").GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetString()).ToList();
        Assert.NotEmpty(ids);
        return string.Join(',', ids);
    }

    private static string FirstTrackId(string tracks) => tracks.Split(',')[0];

    private static async Task WaitForTemplateAsync(DirectoryInfo templates, ThrowawayServer server)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!templates.EnumerateDirectories().Any(d => !d.Name.StartsWith('.')))
        {
            Assert.True(waited.Elapsed < TimeSpan.FromMinutes(2), $"No template was kept.\n{server.Output}");
            // Polls the server's work, not the clock: the template appears once the search index is built.
            await Task.Delay(100);
        }
    }
}
