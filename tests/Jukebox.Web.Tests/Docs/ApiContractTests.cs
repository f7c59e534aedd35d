using System.Net;
using Jukebox.Testing;

namespace Jukebox.Web.Tests.Docs;

/// <summary>The server serves the contract it implements, so tools can be pointed at the server itself.</summary>
public sealed class ApiContractTests(JukeboxTestServer server) : IClassFixture<JukeboxTestServer>
{
    private static string RepositoryFile(string relative)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Jukebox.slnx")))
            {
                return Path.Combine(directory.FullName, relative);
            }
        }
        throw new InvalidOperationException($"No Jukebox.slnx above {AppContext.BaseDirectory}.");
    }

    [Fact]
    public async Task The_web_api_contract_is_served_as_the_repository_holds_it_with_this_server_as_its_server()
    {
        using var client = server.CreateClient();
        var origin = server.BaseAddress.ToString().TrimEnd('/');

        using var response = await client.GetAsync("/openapi/spotify.yml");
        var served = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/yaml", response.Content.Headers.ContentType?.MediaType);
        var expected = (await File.ReadAllTextAsync(RepositoryFile("spec/fixed-spotify-open-api.yml")))
            .Replace("- url: https://api.spotify.com/v1\n", $"- url: {origin}/v1\n", StringComparison.Ordinal)
            .Replace("authorizationUrl: https://accounts.spotify.com/authorize\n", $"authorizationUrl: {origin}/authorize\n", StringComparison.Ordinal)
            .Replace("tokenUrl: https://accounts.spotify.com/api/token\n", $"tokenUrl: {origin}/api/token\n", StringComparison.Ordinal);
        Assert.Contains($"- url: {origin}/v1\n", served, StringComparison.Ordinal);
        Assert.Equal(expected, served);
    }
}
