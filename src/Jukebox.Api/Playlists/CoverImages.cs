using Jukebox.Api.Http;
using Jukebox.Api.Images;
using SkiaSharp;

namespace Jukebox.Api.Playlists;

/// <summary>
/// A playlist's images, as the concept page's "Using Playlist Images" lists them: none for a playlist
/// without tracks; the cover (640×640) of its first track's album when its tracks come from fewer than
/// 4 albums; a 2×2 mosaic of the first four distinct albums' covers at 640, 300 and 60 px otherwise;
/// an uploaded cover, in the same three sizes, replaces either. Which albums a playlist shows is
/// <see cref="PlaylistCovers"/>'s.
/// </summary>
public sealed class CoverImages(PublicUrls urls, CoverCache cache)
{
    public static readonly int[] Sizes = [640, 300, 60];

    /// <summary>The albums a mosaic shows.</summary>
    public const int MaxAlbums = 4;

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

    /// <summary>Four album covers in a 2×2 grid: an album's imported art (640 px, by album id) where it has some, else its generated cover.</summary>
    public byte[] Mosaic(IReadOnlyList<string> albumIds, int size, IReadOnlyDictionary<string, byte[]> imported) => cache.Get("mosaic", string.Concat(albumIds), size, () =>
    {
        using var surface = SKSurface.Create(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Premul));
        var half = size / 2f;
        for (var i = 0; i < albumIds.Count; i++)
        {
            using var cover = SKImage.FromEncodedData(imported.GetValueOrDefault(albumIds[i]) ?? cache.Get("album", albumIds[i], 640));
            var target = SKRect.Create(i % 2 * half, i / 2 * half, half, half);
            surface.Canvas.DrawImage(cover, target, new SKSamplingOptions(SKCubicResampler.Mitchell));
        }
        return Encode(surface);
    });

    /// <summary>An uploaded cover cropped to a centred square and scaled to <paramref name="size"/>.</summary>
    public byte[] Uploaded(string key, byte[] jpeg, int size) =>
        cache.Get("playlist", key, size, () => CoverScaling.Square(jpeg, size) ?? throw new InvalidDataException("An uploaded cover that does not decode"));

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
