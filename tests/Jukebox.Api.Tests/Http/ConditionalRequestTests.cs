using System.Net;
using System.Net.Http.Headers;
using Jukebox.Testing;

namespace Jukebox.Api.Tests.Http;

[Collection(CatalogServer.Name)]
public sealed class ConditionalRequestTests(JukeboxTestServer server)
{
    [Fact]
    public async Task A_catalog_response_carries_an_ETag_and_a_short_public_max_age()
    {
        using var client = await server.CreateAppClientAsync();

        using var response = await client.GetAsync($"/v1/albums/{(await server.CatalogAsync()).Albums.Keys.First()}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);
        Assert.False(response.Headers.ETag!.IsWeak);
        Assert.True(response.Headers.CacheControl is { Public: true, MaxAge.TotalSeconds: 120 });
    }

    [Fact]
    public async Task Sending_the_ETag_back_gives_304_with_no_body()
    {
        using var client = await server.CreateAppClientAsync();
        var path = $"/v1/artists/{(await server.CatalogAsync()).Artists.Keys.First()}";
        using var first = await client.GetAsync(path);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        using var second = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
    }

    [Fact]
    public async Task A_different_resource_or_a_stale_ETag_gets_the_full_body()
    {
        using var client = await server.CreateAppClientAsync();
        var ids = (await server.CatalogAsync()).Artists.Keys.Take(2).ToList();
        using var first = await client.GetAsync($"/v1/artists/{ids[0]}");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/artists/{ids[1]}");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        using var other = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.NotEqual(first.Headers.ETag, other.Headers.ETag);
        Assert.NotEmpty(await other.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_same_resource_asked_for_another_market_has_another_ETag()
    {
        using var client = await server.CreateAppClientAsync();
        var relinked = (await server.CatalogAsync()).Tracks.Values.First(t => t.OtherInstances.Length > 0);

        using var anywhere = await client.GetAsync($"/v1/tracks/{relinked.Id}");
        using var inUs = await client.GetAsync($"/v1/tracks/{relinked.Id}?market=US");

        Assert.NotEqual(anywhere.Headers.ETag, inUs.Headers.ETag);
    }

    [Fact]
    public async Task An_unknown_path_is_404_Service_not_found()
    {
        using var client = await server.CreateAppClientAsync();

        using var response = await client.GetAsync("/v1/no-such-thing");

        await ErrorAssert.IsAsync(response, 404, "Service not found");
    }

    /// <summary>User data is private to its user and its ETag follows its content: a change makes the old ETag stale.</summary>
    [Theory]
    [InlineData("/v1/me/tracks")]
    [InlineData("/v1/me/playlists")]
    [InlineData("/v1/me/following?type=artist")]
    public async Task A_user_resource_gets_a_new_ETag_when_it_changes(string path)
    {
        var userId = $"etag-{Guid.NewGuid():N}"[..20];
        await server.CreateUserAsync(userId, $"{userId}-password");
        using var client = server.CreateClient(await OAuthClient.Demo(server).SandboxUserTokenAsync(userId,
            "user-library-read", "user-library-modify", "user-follow-read", "user-follow-modify", "playlist-read-private", "playlist-modify-public"));
        var catalog = await server.CatalogAsync();
        using var before = await client.GetAsync(path);
        Assert.True(before.Headers.CacheControl is { Private: true, MaxAge.TotalSeconds: 0 });

        using var change = path switch
        {
            "/v1/me/tracks" => await client.PutAsync($"/v1/me/tracks?ids={catalog.Tracks.Keys.First()}", null),
            "/v1/me/playlists" => await client.PostAsync("/v1/me/playlists", System.Net.Http.Json.JsonContent.Create(new { name = "Fresh" })),
            _ => await client.PutAsync($"/v1/me/following?type=artist&ids={catalog.Artists.Keys.First()}", null),
        };
        Assert.True(change.IsSuccessStatusCode);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.IfNoneMatch.Add(before.Headers.ETag!);
        using var after = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
        Assert.NotEqual(await before.Content.ReadAsStringAsync(), await after.Content.ReadAsStringAsync());
    }
}
