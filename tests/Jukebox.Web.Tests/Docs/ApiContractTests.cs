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
    public async Task The_web_api_contract_is_served_as_the_repository_holds_it()
    {
        using var client = server.CreateClient();

        using var response = await client.GetAsync("/openapi/spotify.yml");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/yaml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await File.ReadAllBytesAsync(RepositoryFile("spec/fixed-spotify-open-api.yml")), await response.Content.ReadAsByteArrayAsync());
    }
}
