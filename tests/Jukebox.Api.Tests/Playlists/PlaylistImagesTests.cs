using System.Net;
using System.Text.Json;
using Jukebox.Api.Tests.Http;
using Jukebox.Testing;
using SkiaSharp;

namespace Jukebox.Api.Tests.Playlists;

/// <summary>The images of the concept page's "Using Playlist Images", decoded as an app would load them.</summary>
[Collection(PlaylistServer.Name)]
public sealed class PlaylistImagesTests(JukeboxTestServer server)
{
    [Fact]
    public async Task An_empty_playlist_has_no_image()
    {
        using var user = await PlaylistUser.CreateAsync(server);
        var id = await user.CreatePlaylistAsync();

        var images = await user.Client.GetOkAsync($"/v1/playlists/{id}/images", "/playlists/{playlist_id}/images");

        Assert.Empty(images.EnumerateArray());
    }

    [Fact]
    public async Task Tracks_from_fewer_than_four_albums_show_the_first_tracks_album_cover_at_640()
    {
        var catalog = await server.CatalogAsync();
        var oneAlbum = catalog.TracksOfOneAlbum(3);
        var others = catalog.TrackUris(2, skip: 5);
        using var user = await PlaylistUser.CreateAsync(server);
        var id = await user.CreatePlaylistAsync();
        await user.AddAsync(id, [.. oneAlbum, .. others]);

        var images = (await user.Client.GetOkAsync($"/v1/playlists/{id}/images", "/playlists/{playlist_id}/images")).EnumerateArray().ToList();
        var inList = (await user.Client.GetOkAsync("/v1/me/playlists", "/me/playlists")).Array()[0].Array("images");

        var album = catalog.Tracks[oneAlbum[0]["spotify:track:".Length..]].Album.Id;
        var image = Assert.Single(images);
        Assert.EndsWith($"/images/album/{album}/640", image.Str("url"), StringComparison.Ordinal);
        await AssertJpegAsync(image, 640);
        Assert.Equal(image.Str("url"), Assert.Single(inList).Str("url"));
    }

    [Fact]
    public async Task Four_albums_make_a_mosaic_at_640_300_and_60_that_changes_with_the_first_albums()
    {
        var uris = (await server.CatalogAsync()).TrackUris(5);
        using var user = await PlaylistUser.CreateAsync(server);
        var id = await user.CreatePlaylistAsync();
        await user.AddAsync(id, uris[..4]);

        var mosaic = (await user.Client.GetOkAsync($"/v1/playlists/{id}", "/playlists/{playlist_id}")).Array("images");
        Assert.Equal([640, 300, 60], mosaic.Select(i => i.Int("width")));
        foreach (var image in mosaic)
        {
            Assert.Contains("/images/mosaic/", image.Str("url"), StringComparison.Ordinal);
            await AssertJpegAsync(image, image.Int("width"));
        }

        await user.AddAsync(id, [uris[4]], position: 0);
        var changed = (await user.Client.GetOkAsync($"/v1/playlists/{id}/images", "/playlists/{playlist_id}/images")).EnumerateArray().ToList();
        Assert.NotEqual(mosaic[0].Str("url"), changed[0].Str("url"));
        using var removal = await user.Client.SendJsonAsync(HttpMethod.Put, $"/v1/playlists/{id}/items", new { uris = uris[..2] });
        Assert.Single((await user.Client.GetOkAsync($"/v1/playlists/{id}/images", "/playlists/{playlist_id}/images")).EnumerateArray());
    }

    [Fact]
    public async Task An_uploaded_jpeg_replaces_the_generated_cover_in_three_sizes()
    {
        var uris = (await server.CatalogAsync()).TrackUris(4);
        using var user = await PlaylistUser.CreateAsync(server);
        var id = await user.CreatePlaylistAsync();
        await user.AddAsync(id, uris);

        using var response = await user.Client.SendRawAsync(HttpMethod.Put, $"/v1/playlists/{id}/images", Jpeg(800, 500), "image/jpeg");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await SpotifySpec.AssertMatchesAsync(response, "PUT", "/playlists/{playlist_id}/images");
        var images = (await user.Client.GetOkAsync($"/v1/playlists/{id}/images", "/playlists/{playlist_id}/images")).EnumerateArray().ToList();
        Assert.Equal([640, 300, 60], images.Select(i => i.Int("height")));
        foreach (var image in images)
        {
            Assert.Contains("/images/playlist/", image.Str("url"), StringComparison.Ordinal);
            await AssertJpegAsync(image, image.Int("width"));
        }

        using var again = await user.Client.SendRawAsync(HttpMethod.Put, $"/v1/playlists/{id}/images", Jpeg(300, 300), "image/jpeg");
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        var replaced = (await user.Client.GetOkAsync($"/v1/playlists/{id}", "/playlists/{playlist_id}")).Array("images");
        Assert.NotEqual(images[0].Str("url"), replaced[0].Str("url"));
        using var anonymous = server.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(images[0].Str("url"))).StatusCode);
    }

    [Fact]
    public async Task An_upload_over_256_kb_is_413_and_up_to_it_is_accepted()
    {
        using var user = await PlaylistUser.CreateAsync(server);
        var id = await user.CreatePlaylistAsync();
        var noisy = NoisyJpeg();
        Assert.True(noisy.Length is > 200 * 1024 and <= 256 * 1024, $"{noisy.Length} bytes of base64");

        using var tooLarge = await user.Client.SendRawAsync(HttpMethod.Put, $"/v1/playlists/{id}/images", noisy + new string('A', 256 * 1024 - noisy.Length + 4), "image/jpeg");
        using var fits = await user.Client.SendRawAsync(HttpMethod.Put, $"/v1/playlists/{id}/images", noisy, "image/jpeg");

        await ErrorAssert.IsAsync(tooLarge, 413, "Request Entity Too Large");
        Assert.Equal(HttpStatusCode.Accepted, fits.StatusCode);
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")]
    [InlineData("")]
    public async Task Anything_but_a_base64_jpeg_is_400(string body)
    {
        using var user = await PlaylistUser.CreateAsync(server);
        var id = await user.CreatePlaylistAsync();

        using var response = await user.Client.SendRawAsync(HttpMethod.Put, $"/v1/playlists/{id}/images", body, "image/jpeg");

        await ErrorAssert.IsAsync(response, 400, "The image must be a base64-encoded JPEG");
    }

    [Theory]
    [InlineData(new[] { "playlist-modify-public" }, 403, "Insufficient client scope")]
    [InlineData(new[] { "ugc-image-upload" }, 403, "Insufficient client scope")]
    [InlineData(new[] { "ugc-image-upload", "playlist-modify-private" }, 403, "Insufficient client scope")]
    [InlineData(new[] { "ugc-image-upload", "playlist-modify-public" }, 202, null)]
    public async Task Uploading_needs_ugc_image_upload_and_the_modify_scope_of_the_playlist(string[] scopes, int status, string? message)
    {
        using var user = await PlaylistUser.CreateAsync(server);
        var id = await user.CreatePlaylistAsync();
        using var client = await user.ClientWithAsync(scopes);

        using var response = await client.SendRawAsync(HttpMethod.Put, $"/v1/playlists/{id}/images", Jpeg(64, 64), "image/jpeg");

        if (message is null)
        {
            Assert.Equal(status, (int)response.StatusCode);
        }
        else
        {
            await ErrorAssert.IsAsync(response, status, message);
        }
    }

    [Fact]
    public async Task Only_the_owner_uploads_a_cover()
    {
        using var owner = await PlaylistUser.CreateAsync(server);
        using var stranger = await PlaylistUser.CreateAsync(server);
        var id = await owner.CreatePlaylistAsync();

        using var response = await stranger.Client.SendRawAsync(HttpMethod.Put, $"/v1/playlists/{id}/images", Jpeg(64, 64), "image/jpeg");
        using var unknown = await owner.Client.SendRawAsync(HttpMethod.Put, $"/v1/playlists/{CatalogPicks.UnknownId}/images", Jpeg(64, 64), "image/jpeg");

        await ErrorAssert.IsAsync(response, 403, "You cannot upload an image to a playlist you don't own.");
        await ErrorAssert.IsAsync(unknown, 404, "Resource not found");
    }

    [Theory]
    [InlineData("/images/mosaic/short/640")]
    [InlineData("/images/playlist/0000000000000000000000/640")]
    public async Task Cover_urls_never_handed_out_are_404(string url)
    {
        using var client = server.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
    }

    private static string Jpeg(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.Teal);
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90);
        return Convert.ToBase64String(data.ToArray());
    }

    /// <summary>A JPEG of random pixels (which compresses badly) whose base64 is just under 256 KB.</summary>
    private static string NoisyJpeg()
    {
        var random = new Random(7);
        for (var side = 480; ; side -= 4)
        {
            var pixels = new byte[side * side * 4];
            random.NextBytes(pixels);
            using var image = SKImage.FromPixelCopy(new SKImageInfo(side, side, SKColorType.Rgba8888, SKAlphaType.Opaque), pixels);
            using var data = image.Encode(SKEncodedImageFormat.Jpeg, 95);
            var text = Convert.ToBase64String(data.ToArray());
            if (text.Length <= 256 * 1024)
            {
                return text;
            }
        }
    }

    private async Task AssertJpegAsync(JsonElement image, int size)
    {
        using var client = server.CreateClient();
        using var response = await client.GetAsync(image.Str("url"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        using var bitmap = SKBitmap.Decode(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(size, bitmap.Width);
        Assert.Equal(size, bitmap.Height);
        Assert.Equal(size, image.Int("width"));
        Assert.Equal(size, image.Int("height"));
    }
}
