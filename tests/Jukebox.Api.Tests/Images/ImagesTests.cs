using System.Net;
using System.Text.Json;
using Jukebox.Testing;
using SkiaSharp;

namespace Jukebox.Api.Tests.Images;

/// <summary>The image URLs catalog objects carry lead to JPEGs of the size the object states.</summary>
[Collection(CatalogServer.Name)]
public sealed class ImagesTests(JukeboxTestServer server)
{
    public static readonly TheoryData<string, string, string> ImageCarriers = new()
    {
        { "/v1/albums/{album}", "/albums/{id}", "images" },
        { "/v1/artists/{artist}", "/artists/{id}", "images" },
        { "/v1/shows/{show}", "/shows/{id}", "images" },
        { "/v1/episodes/{episode}", "/episodes/{id}", "images" },
        { "/v1/audiobooks/{audiobook}", "/audiobooks/{id}", "images" },
        { "/v1/chapters/{chapter}", "/chapters/{id}", "images" },
        { "/v1/browse/categories/{category}", "/browse/categories/{category_id}", "icons" },
    };

    [Theory]
    [MemberData(nameof(ImageCarriers))]
    public async Task Every_image_an_object_carries_is_a_jpeg_of_the_stated_size(string template, string specPath, string property)
    {
        using var client = await server.CreateAppClientAsync();
        var body = await client.GetOkAsync(Routes.Fill(await server.CatalogAsync(), template), specPath);

        var images = body.Array(property);

        Assert.NotEmpty(images);
        foreach (var image in images)
        {
            await AssertJpegAsync(image);
        }
    }

    [Fact]
    public async Task A_playlist_in_a_browse_list_shows_a_cover_of_the_stated_size()
    {
        using var client = await server.CreateAppClientAsync();
        var body = await client.GetOkAsync("/v1/browse/featured-playlists?limit=1", "/browse/featured-playlists");

        var images = body.GetProperty("playlists").Array()[0].Array("images");

        Assert.NotEmpty(images);
        foreach (var image in images)
        {
            await AssertJpegAsync(image);
        }
    }

    [Fact]
    public async Task Album_covers_come_in_the_three_sizes_spotify_serves_largest_first()
    {
        var album = (await server.CatalogAsync()).PlainAlbum();
        using var client = await server.CreateAppClientAsync();

        var images = (await client.GetOkAsync($"/v1/albums/{album.Id}", "/albums/{id}")).Array("images");

        Assert.Equal([640, 300, 64], images.Select(i => i.Int("width")));
        Assert.Equal([640, 300, 64], images.Select(i => i.Int("height")));
    }

    [Fact]
    public async Task The_same_image_url_always_serves_the_same_picture()
    {
        var album = (await server.CatalogAsync()).PlainAlbum();
        using var client = server.CreateClient();
        var url = $"/images/album/{album.Id}/300";

        var first = await client.GetByteArrayAsync(url);
        var second = await client.GetByteArrayAsync(url);

        Assert.Equal(first, second);
    }

    [Theory]
    [InlineData("album", CatalogPicks.UnknownId, 640)]
    [InlineData("album", "{album}", 123)]
    [InlineData("nonsense", "{album}", 640)]
    public async Task An_image_url_the_api_never_hands_out_is_a_404(string kind, string id, int size)
    {
        using var client = server.CreateClient();

        using var response = await client.GetAsync($"/images/{kind}/{Routes.Fill(await server.CatalogAsync(), id)}/{size}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>Fetches the image without a token, as apps load Spotify's image CDN, and checks it.</summary>
    private async Task AssertJpegAsync(JsonElement image)
    {
        using var client = server.CreateClient();
        var url = image.Str("url");

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        using var bitmap = SKBitmap.Decode(await response.Content.ReadAsByteArrayAsync());
        Assert.NotNull(bitmap);
        Assert.Equal(image.Int("width"), bitmap.Width);
        Assert.Equal(image.Int("height"), bitmap.Height);
    }
}
