using System.Net;
using Jukebox.Testing;

namespace Jukebox.Api.Tests.Http;

[Collection(CatalogServer.Name)]
public sealed class TokenTests(JukeboxTestServer server)
{
    public static readonly TheoryData<string> Operations = new()
    {
        "/v1/albums/{album}", "/v1/albums?ids={album}", "/v1/albums/{album}/tracks",
        "/v1/artists/{artist}", "/v1/artists?ids={artist}", "/v1/artists/{artist}/albums",
        "/v1/artists/{artist}/top-tracks", "/v1/artists/{artist}/related-artists",
        "/v1/tracks/{track}", "/v1/tracks?ids={track}",
        "/v1/shows/{show}", "/v1/shows?ids={show}", "/v1/shows/{show}/episodes",
        "/v1/episodes/{episode}", "/v1/episodes?ids={episode}",
        "/v1/audiobooks/{audiobook}", "/v1/audiobooks?ids={audiobook}", "/v1/audiobooks/{audiobook}/chapters",
        "/v1/chapters/{chapter}", "/v1/chapters?ids={chapter}",
        "/v1/markets", "/v1/recommendations/available-genre-seeds",
        "/v1/browse/categories", "/v1/browse/categories/{category}", "/v1/browse/categories/{category}/playlists",
        "/v1/browse/featured-playlists", "/v1/browse/new-releases",
    };

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Every_catalog_operation_needs_a_token(string template)
    {
        var url = Routes.Fill(await server.CatalogAsync(), template);
        using var anonymous = server.CreateClient();
        using var app = await server.CreateAppClientAsync();

        await anonymous.AssertErrorAsync(url, HttpStatusCode.Unauthorized, "No token provided");
        using var response = await app.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
