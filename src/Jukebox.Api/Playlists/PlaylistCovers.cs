using Jukebox.Api.Catalog;
using Jukebox.Api.Http;
using Jukebox.Api.Images;
using Jukebox.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace Jukebox.Api.Playlists;

/// <summary>
/// A playlist's images, as the concept page's "Using Playlist Images" lists them: none for a playlist
/// without tracks; the cover (640×640) of its first track's album when its tracks come from fewer than
/// 4 albums; a 2×2 mosaic of the first four distinct albums' covers at 640, 300 and 60 px otherwise;
/// an uploaded cover, in the same three sizes, replaces either.
/// </summary>
public sealed class PlaylistCovers(PublicUrls urls, CoverCache cache)
{
    public static readonly int[] Sizes = [640, 300, 60];
    private const int MaxAlbums = 4;

    public IReadOnlyList<ImageObject> ImagesOf(string? customImageKey, string? coverAlbumIds)
    {
        if (customImageKey is not null)
        {
            return [.. Sizes.Select(s => new ImageObject(urls.Image("playlist", customImageKey, s), s, s))];
        }
        if (string.IsNullOrEmpty(coverAlbumIds))
        {
            return [];
        }
        var albums = coverAlbumIds.Split(',');
        if (albums.Length < MaxAlbums)
        {
            return [new ImageObject(urls.Image("album", albums[0], 640), 640, 640)];
        }
        var key = string.Concat(albums);
        return [.. Sizes.Select(s => new ImageObject(urls.Image("mosaic", key, s), s, s))];
    }

    /// <summary>
    /// The first (up to four) distinct albums of <paramref name="trackIds"/> (the items' tracks in
    /// order, null for other items), as stored, and how many leading items decided them: up to the
    /// first item of the fourth album, or <see cref="int.MaxValue"/> while there are fewer (any
    /// change may then add one).
    /// </summary>
    public static string AlbumsOf(IEnumerable<string?> trackIds, CatalogSnapshot catalog, out int depth)
    {
        var albums = new List<string>(MaxAlbums);
        depth = int.MaxValue;
        var index = 0;
        foreach (var trackId in trackIds)
        {
            index++;
            if (trackId is not null && catalog.Tracks.TryGetValue(trackId, out var track) && !albums.Contains(track.Album.Id))
            {
                albums.Add(track.Album.Id);
                if (albums.Count == MaxAlbums)
                {
                    depth = index;
                    break;
                }
            }
        }
        return string.Join(',', albums);
    }

    /// <summary>Four album covers in a 2×2 grid.</summary>
    public byte[] Mosaic(IReadOnlyList<string> albumIds, int size) => cache.Get("mosaic", string.Concat(albumIds), size, () =>
    {
        using var surface = SKSurface.Create(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Premul));
        var half = size / 2f;
        for (var i = 0; i < albumIds.Count; i++)
        {
            using var cover = SKImage.FromEncodedData(cache.Get("album", albumIds[i], 640));
            var target = SKRect.Create(i % 2 * half, i / 2 * half, half, half);
            surface.Canvas.DrawImage(cover, target, new SKSamplingOptions(SKCubicResampler.Mitchell));
        }
        return Encode(surface);
    });

    /// <summary>An uploaded cover cropped to a centred square and scaled to <paramref name="size"/>.</summary>
    public byte[] Uploaded(string key, byte[] jpeg, int size) => cache.Get("playlist", key, size, () =>
    {
        using var image = SKImage.FromEncodedData(jpeg);
        var side = Math.Min(image.Width, image.Height);
        var source = SKRect.Create((image.Width - side) / 2f, (image.Height - side) / 2f, side, side);
        using var surface = SKSurface.Create(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Premul));
        surface.Canvas.DrawImage(image, source, SKRect.Create(0, 0, size, size), new SKSamplingOptions(SKCubicResampler.Mitchell));
        return Encode(surface);
    });

    /// <summary>True when <paramref name="bytes"/> is a JPEG that decodes.</summary>
    public static bool IsJpeg(byte[] bytes)
    {
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        return codec is { EncodedFormat: SKEncodedImageFormat.Jpeg, Info.Width: > 0, Info.Height: > 0 };
    }

    private static byte[] Encode(SKSurface surface)
    {
        using var snapshot = surface.Snapshot();
        using var data = snapshot.Encode(SKEncodedImageFormat.Jpeg, 85);
        return data.ToArray();
    }
}

/// <summary>Serves playlist mosaics and uploaded covers, public like the other image URLs.</summary>
public static class PlaylistCoverEndpoints
{
    public static void MapPlaylistCovers(this IEndpointRouteBuilder app)
    {
        app.MapGet("/images/mosaic/{albums}/{size:int}", GetMosaic);
        app.MapGet("/images/playlist/{key}/{size:int}", GetUploaded);
    }

    private static async Task<IResult> GetMosaic(string albums, int size, HttpContext context, CatalogStore store, PlaylistCovers covers)
    {
        var catalog = await store.GetAsync();
        var ids = albums.Length == 4 * SpotifyIds.Length ? albums.Chunk(SpotifyIds.Length).Select(c => new string(c)).ToList() : [];
        if (!PlaylistCovers.Sizes.Contains(size) || ids.Count == 0 || !ids.All(catalog.Albums.ContainsKey))
        {
            throw SpotifyException.NotFound(PlaylistErrors.NotFound);
        }
        return Image(context, covers.Mosaic(ids, size));
    }

    private static async Task<IResult> GetUploaded(string key, int size, HttpContext context, JukeboxDbContext db, PlaylistCovers covers)
    {
        if (!PlaylistCovers.Sizes.Contains(size))
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
