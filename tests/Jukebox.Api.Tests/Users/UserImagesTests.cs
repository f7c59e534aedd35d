using System.Net;
using Jukebox.Api.Tests.Library;
using Jukebox.Testing;
using SkiaSharp;

namespace Jukebox.Api.Tests.Users;

/// <summary>Optional profile pictures: set through the sandbox, listed in user objects, served without a token.</summary>
[Collection(CatalogServer.Name)]
public sealed class UserImagesTests(JukeboxTestServer server)
{
    private static byte[] Picture(int width, int height, SKColor color)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(color);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private async Task<HttpResponseMessage> UploadAsync(string userId, byte[] image)
    {
        using var client = server.CreateClient();
        return await client.PutAsync($"/sandbox/users/{userId}/image", new ByteArrayContent(image));
    }

    [Fact]
    public async Task A_user_without_a_picture_has_no_images()
    {
        var userId = await server.NewUserAsync();
        using var client = await server.CreateAppClientAsync();

        var user = await client.GetOkAsync($"/v1/users/{userId}", "/users/{user_id}");

        Assert.Empty(user.Array("images"));
    }

    [Fact]
    public async Task An_uploaded_picture_is_listed_in_both_sizes_and_served_without_a_token()
    {
        var userId = await server.NewUserAsync();
        using (var upload = await UploadAsync(userId, Picture(400, 200, SKColors.OrangeRed)))
        {
            Assert.Equal(HttpStatusCode.NoContent, upload.StatusCode);
        }
        using var app = await server.CreateAppClientAsync();
        using var me = await server.UserClientAsync(userId);

        var images = (await app.GetOkAsync($"/v1/users/{userId}", "/users/{user_id}")).Array("images");
        var own = (await me.GetOkAsync("/v1/me", "/me")).Array("images");

        Assert.Equal([300, 64], images.Select(i => i.Int("width")));
        Assert.Equal([300, 64], images.Select(i => i.Int("height")));
        Assert.Equal(images.Select(i => i.Str("url")), own.Select(i => i.Str("url")));
        using var anonymous = new HttpClient();
        foreach (var image in images)
        {
            using var response = await anonymous.GetAsync(image.Str("url"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
            Assert.True(response.Headers.CacheControl is { Public: true });
            using var decoded = SKBitmap.Decode(await response.Content.ReadAsByteArrayAsync());
            Assert.Equal((image.Int("width"), image.Int("height")), (decoded.Width, decoded.Height));
        }
    }

    [Fact]
    public async Task A_new_picture_gets_new_urls_and_a_removed_one_is_gone()
    {
        var userId = await server.NewUserAsync();
        using var app = await server.CreateAppClientAsync();
        (await UploadAsync(userId, Picture(64, 64, SKColors.Navy))).Dispose();
        var first = (await app.GetOkAsync($"/v1/users/{userId}", "/users/{user_id}")).Array("images")[0].Str("url");

        (await UploadAsync(userId, Picture(64, 64, SKColors.Gold))).Dispose();
        var second = (await app.GetOkAsync($"/v1/users/{userId}", "/users/{user_id}")).Array("images")[0].Str("url");
        using var sandbox = server.CreateClient();
        using (var removed = await sandbox.DeleteAsync($"/sandbox/users/{userId}/image"))
        {
            Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        }

        Assert.NotEqual(first, second);
        Assert.Empty((await app.GetOkAsync($"/v1/users/{userId}", "/users/{user_id}")).Array("images"));
        await sandbox.AssertErrorAsync(new Uri(first).PathAndQuery, HttpStatusCode.NotFound, "Resource not found");
        await sandbox.AssertErrorAsync(new Uri(second).PathAndQuery, HttpStatusCode.NotFound, "Resource not found");
    }

    [Fact]
    public async Task Something_that_is_not_an_image_is_400_and_an_unknown_user_404()
    {
        var userId = await server.NewUserAsync();

        using var notAnImage = await UploadAsync(userId, "hello"u8.ToArray());
        using var empty = await UploadAsync(userId, []);
        using var unknown = await UploadAsync("nobody-of-that-name", Picture(8, 8, SKColors.Black));

        await Http.ErrorAssert.IsAsync(notAnImage, 400, "The body is not an image");
        await Http.ErrorAssert.IsAsync(empty, 400, "The body is not an image");
        await Http.ErrorAssert.IsAsync(unknown, 404, "No such user");
    }
}
