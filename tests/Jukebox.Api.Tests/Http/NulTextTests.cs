using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jukebox.Testing;

namespace Jukebox.Api.Tests.Http;

/// <summary>
/// Text with a NUL character cannot be kept by PostgreSQL; the server refuses it as the client's
/// mistake, alike on every database, instead of failing on one of them.
/// </summary>
[Collection(CatalogServer.Name)]
public sealed class NulTextTests(JukeboxTestServer server)
{
    [Fact]
    public async Task A_playlist_named_with_a_nul_character_is_refused_with_400()
    {
        using var client = await UserClientAsync("playlist-modify-private");

        using var response = await client.PostAsJsonAsync("/v1/me/playlists", new { name = "Night\u0000Drive", @public = false });

        await AssertBadRequestAsync(response);
    }

    [Fact]
    public async Task Asking_whether_a_nul_character_follows_a_playlist_is_refused_with_400()
    {
        using var client = await UserClientAsync("playlist-modify-private", "playlist-read-private");
        using var created = await client.PostAsJsonAsync("/v1/me/playlists", new { name = "Night Drive", @public = false });
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();

        using var response = await client.GetAsync($"/v1/playlists/{id}/followers/contains?ids=%00");

        await AssertBadRequestAsync(response);
    }

    private async Task<HttpClient> UserClientAsync(params string[] scopes)
    {
        var id = $"nul-{Guid.NewGuid():N}"[..24];
        await server.CreateUserAsync(id, "nul-password");
        return server.CreateClient(await OAuthClient.Demo(server).SandboxUserTokenAsync(id, scopes));
    }

    private static async Task AssertBadRequestAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {body}");
        var error = JsonDocument.Parse(body).RootElement.GetProperty("error");
        Assert.Equal(400, error.GetProperty("status").GetInt32());
        Assert.Equal("Text may not contain the NUL character", error.GetProperty("message").GetString());
    }
}
