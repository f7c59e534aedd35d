using System.IO.Hashing;
using System.Text;
using Jukebox.Api.Http;
using Jukebox.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace Jukebox.Api.Users;

/// <summary>
/// Users' optional profile pictures: set through the sandbox API, listed in the user objects'
/// <c>images</c> (300×300 and 64×64, as Spotify's), and served, like Spotify's image CDN, without a
/// token from URLs that name the picture's content, so they can be cached for ever.
/// </summary>
public static class UserImages
{
    /// <summary>The largest upload taken.</summary>
    public const int MaxUploadBytes = 1024 * 1024;

    private const string Upsert = """
        INSERT INTO "UserImages" ("UserId", "ImageId", "Large", "Small", "UpdatedAt") VALUES ({0}, {1}, {2}, {3}, {4})
        ON CONFLICT ("UserId") DO UPDATE SET "ImageId" = excluded."ImageId", "Large" = excluded."Large", "Small" = excluded."Small", "UpdatedAt" = excluded."UpdatedAt"
        """;

    public static void MapUserImages(this IEndpointRouteBuilder app) =>
        app.MapGet("/images/user/{imageId}/{size:int}", GetUserImage);

    /// <summary>The user's picture in both sizes, largest first, or none.</summary>
    public static async Task<IReadOnlyList<ImageObject>> OfAsync(JukeboxDbContext db, PublicUrls urls, string userId, CancellationToken ct)
    {
        var imageId = await db.UserImages.AsNoTracking().Where(i => i.UserId == userId).Select(i => i.ImageId).FirstOrDefaultAsync(ct);
        return imageId is null ? [] : [new(urls.Image("user", imageId, 300), 300, 300), new(urls.Image("user", imageId, 64), 64, 64)];
    }

    /// <summary>
    /// Makes <paramref name="image"/> (JPEG, PNG, WebP, GIF…) the user's picture, cut to a centred
    /// square; 400 when it is not an image SkiaSharp can read.
    /// </summary>
    public static async Task SaveAsync(JukeboxDbContext db, string userId, byte[] image, DateTimeOffset now, CancellationToken ct)
    {
        // SKCodec.Create answers null for bytes it cannot read (SKBitmap.Decode throws instead).
        using var data = SKData.CreateCopy(image);
        using var codec = image.Length == 0 ? null : SKCodec.Create(data);
        using var bitmap = codec is null ? null : SKBitmap.Decode(codec);
        if (bitmap is null)
        {
            throw SpotifyException.BadRequest("The body is not an image");
        }
        var imageId = ImageIdOf(userId, image);
        var sqlite = db.Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";
        // An upsert, so that two uploads for one user at once leave one picture rather than an error.
        await db.Database.ExecuteSqlRawAsync(Upsert,
            [userId, imageId, Square(bitmap, 300), Square(bitmap, 64), sqlite ? now.ToUnixTimeMilliseconds() : now], ct);
    }

    public static Task DeleteAsync(JukeboxDbContext db, string userId, CancellationToken ct) =>
        db.UserImages.Where(i => i.UserId == userId).ExecuteDeleteAsync(ct);

    private static async Task<IResult> GetUserImage(string imageId, int size, HttpResponse response, JukeboxDbContext db, CancellationToken ct)
    {
        var images = db.UserImages.AsNoTracking().Where(i => i.ImageId == imageId);
        var bytes = size switch
        {
            300 => await images.Select(i => i.Large).FirstOrDefaultAsync(ct),
            64 => await images.Select(i => i.Small).FirstOrDefaultAsync(ct),
            _ => null,
        } ?? throw SpotifyException.NotFound("Resource not found");
        response.Headers.CacheControl = "public, max-age=31536000, immutable";
        return TypedResults.Bytes(bytes, "image/jpeg");
    }

    /// <summary>22 base62 characters of a hash of the user and the picture.</summary>
    private static string ImageIdOf(string userId, byte[] image)
    {
        var hash = new XxHash128();
        hash.Append(Encoding.UTF8.GetBytes(userId));
        hash.Append(image);
        return Base62.Id(hash.GetCurrentHashAsUInt128());
    }

    private static byte[] Square(SKBitmap source, int size)
    {
        var side = Math.Min(source.Width, source.Height);
        var crop = SKRectI.Create((source.Width - side) / 2, (source.Height - side) / 2, side, side);
        using var surface = SKSurface.Create(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Premul));
        surface.Canvas.Clear(SKColors.White);
        using var image = SKImage.FromBitmap(source);
        using var paint = new SKPaint();
        surface.Canvas.DrawImage(image, crop, SKRect.Create(size, size), new SKSamplingOptions(SKCubicResampler.Mitchell), paint);
        using var snapshot = surface.Snapshot();
        using var data = snapshot.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }
}
