using Jukebox.Api.Catalog;
using Jukebox.Api.Http;
using Jukebox.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Jukebox.Api.Playlists;

/// <summary>Serves playlist mosaics and uploaded covers, public like the other image URLs.</summary>
public static class PlaylistCoverEndpoints
{
    public static void MapPlaylistCovers(this IEndpointRouteBuilder app)
    {
        app.MapGet("/images/mosaic/{albums}/{size:int}", GetMosaic);
        app.MapGet("/images/playlist/{key}/{size:int}", GetUploaded);
    }

    private static async Task<IResult> GetMosaic(string albums, int size, HttpContext context, CatalogStore store, CoverImages covers, JukeboxDbContext db)
    {
        var catalog = await store.GetAsync();
        var ids = albums.Length == 4 * SpotifyIds.Length ? albums.Chunk(SpotifyIds.Length).Select(c => new string(c)).ToList() : [];
        if (!CoverImages.Sizes.Contains(size) || ids.Count == 0 || !ids.All(catalog.Albums.ContainsKey))
        {
            throw SpotifyException.NotFound(PlaylistErrors.NotFound);
        }
        var imported = await db.AlbumCovers.AsNoTracking().Where(c => ids.Contains(c.AlbumId) && c.Size == 640)
            .ToDictionaryAsync(c => c.AlbumId, c => c.Jpeg, StringComparer.Ordinal, context.RequestAborted);
        return Image(context, covers.Mosaic(ids, size, imported));
    }

    private static async Task<IResult> GetUploaded(string key, int size, HttpContext context, JukeboxDbContext db, CoverImages covers)
    {
        if (!CoverImages.Sizes.Contains(size))
        {
            throw SpotifyException.NotFound(PlaylistErrors.NotFound);
        }
        var jpeg = await db.PlaylistImages.Where(i => i.Key == key).Select(i => i.Jpeg).FirstOrDefaultAsync(context.RequestAborted)
            ?? throw SpotifyException.NotFound(PlaylistErrors.NotFound);
        return Image(context, covers.Uploaded(key, jpeg, size));
    }

    private static IResult Image(HttpContext context, byte[] jpeg)
    {
        // A mosaic's URL names its albums and an upload's key is new for every upload, so neither changes.
        context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        return TypedResults.Bytes(jpeg, "image/jpeg");
    }
}
