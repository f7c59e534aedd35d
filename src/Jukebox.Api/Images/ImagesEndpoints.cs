using Jukebox.Api.Catalog;
using Jukebox.Api.Http;
using Jukebox.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Jukebox.Api.Images;

/// <summary>Serves the image URLs the API hands out; public, like Spotify's image CDN.</summary>
public static class ImagesEndpoints
{
    private static readonly int[] Sizes = [640, 300, 274, 64, 60];

    public static void MapImages(this IEndpointRouteBuilder app) =>
        app.MapGet("/images/{kind}/{id}/{size:int}", GetImage);

    private static async Task<IResult> GetImage(string kind, string id, int size, HttpContext context, CatalogStore store, CoverCache cache, JukeboxDbContext db)
    {
        if (!Sizes.Contains(size) || !await ExistsAsync(kind, id, store))
        {
            throw SpotifyException.NotFound("Resource not found");
        }
        if (kind == "album" && await ImportedCoverAsync(db, id, size, context.RequestAborted) is { } imported)
        {
            // A new import may bring other art under the same URL.
            context.Response.Headers.CacheControl = "public, max-age=3600";
            return TypedResults.Bytes(imported, "image/jpeg");
        }
        context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        return TypedResults.Bytes(cache.Get(kind, id, size), "image/jpeg");
    }

    /// <summary>
    /// The art embedded in an album's audio files, imported at 640, 300 and 64 px; the other sizes
    /// (of playlist covers) are scaled from the 640 one.
    /// </summary>
    private static async Task<byte[]?> ImportedCoverAsync(JukeboxDbContext db, string albumId, int size, CancellationToken ct)
    {
        var covers = await db.AlbumCovers.AsNoTracking().Where(c => c.AlbumId == albumId && (c.Size == size || c.Size == 640))
            .ToDictionaryAsync(c => c.Size, c => c.Jpeg, ct);
        return covers.GetValueOrDefault(size) ?? (covers.GetValueOrDefault(640) is { } large ? CoverScaling.Square(large, size) : null);
    }

    private static async Task<bool> ExistsAsync(string kind, string id, CatalogStore store)
    {
        var catalog = await store.GetAsync();
        return kind switch
        {
            "album" => catalog.Albums.ContainsKey(id),
            "artist" => catalog.Artists.ContainsKey(id),
            "show" => catalog.Shows.ContainsKey(id),
            "audiobook" => catalog.Audiobooks.ContainsKey(id),
            "category" => catalog.Categories.Any(c => c.Id == id),
            _ => false,
        };
    }
}

/// <summary>Rendered covers, bounded in bytes; a miss only costs rendering again.</summary>
public sealed class CoverCache
{
    private readonly MemoryCache _covers = new(new MemoryCacheOptions { SizeLimit = 64L * 1024 * 1024 });

    public byte[] Get(string kind, string id, int size) => Get(kind, id, size, () => CoverArt.Render(kind, id, size));

    /// <summary>The image cached under (kind, id, size), rendered by <paramref name="render"/> on a miss.</summary>
    public byte[] Get(string kind, string id, int size, Func<byte[]> render) =>
        _covers.GetOrCreate((kind, id, size), entry =>
        {
            var rendered = render();
            entry.Size = rendered.Length;
            return rendered;
        })!;
}
