using Jukebox.Testing;

namespace Jukebox.Api.Tests.Http;

/// <summary>Response bodies carry characters as Spotify writes them, not escaped for embedding in HTML.</summary>
[Collection(CatalogServer.Name)]
public sealed class JsonEncodingTests(JukeboxTestServer server)
{
    [Fact]
    public async Task Ampersands_in_paging_urls_are_written_as_they_are()
    {
        using var client = await server.CreateAppClientAsync();

        var body = await BodyAsync(client, "/v1/browse/categories?offset=1&limit=1");

        Assert.Contains("/v1/browse/categories?offset=2&limit=1\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u0026", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accented_names_are_written_as_utf8()
    {
        using var client = await server.CreateAppClientAsync();

        var body = await BodyAsync(client, "/v1/browse/categories/metal?locale=fr_FR");

        Assert.Contains("\"name\":\"Métal\"", body, StringComparison.Ordinal);
    }

    private static async Task<string> BodyAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
