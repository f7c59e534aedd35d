using SkiaSharp;

namespace Jukebox.Api.Images;

/// <summary>A picture cropped to its centred square and scaled to a cover size, as JPEG.</summary>
public static class CoverScaling
{
    /// <returns>The JPEG, or null when <paramref name="encoded"/> is no image SkiaSharp decodes.</returns>
    public static byte[]? Square(byte[] encoded, int size)
    {
        using var image = SKImage.FromEncodedData(encoded);
        if (image is null || image.Width == 0 || image.Height == 0)
        {
            return null;
        }
        var side = Math.Min(image.Width, image.Height);
        var source = SKRect.Create((image.Width - side) / 2f, (image.Height - side) / 2f, side, side);
        using var surface = SKSurface.Create(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Premul));
        surface.Canvas.DrawImage(image, source, SKRect.Create(0, 0, size, size), new SKSamplingOptions(SKCubicResampler.Mitchell));
        using var snapshot = surface.Snapshot();
        using var data = snapshot.Encode(SKEncodedImageFormat.Jpeg, 85);
        return data.ToArray();
    }
}
