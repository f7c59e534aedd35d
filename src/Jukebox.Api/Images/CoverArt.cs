using System.IO.Hashing;
using System.Text;
using SkiaSharp;

namespace Jukebox.Api.Images;

/// <summary>
/// Draws the generated cover of a catalog item: a gradient and a few shapes whose colours and
/// positions come from a hash of the item's id, so every item keeps the same distinctive cover.
/// </summary>
public static class CoverArt
{
    public static byte[] Render(string kind, string id, int size)
    {
        var seed = XxHash64.HashToUInt64(Encoding.UTF8.GetBytes($"{kind}:{id}"));
        var random = new Random(unchecked((int)seed ^ (int)(seed >> 32)));
        using var surface = SKSurface.Create(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;

        var hue = random.Next(360);
        var from = SKColor.FromHsl(hue, 60, 45);
        var to = SKColor.FromHsl((hue + 40 + random.Next(80)) % 360, 70, 25);
        using (var background = new SKPaint())
        {
            background.Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(size, size), [from, to], SKShaderTileMode.Clamp);
            canvas.DrawRect(0, 0, size, size, background);
        }

        using var shape = new SKPaint { IsAntialias = true };
        var shapes = 3 + random.Next(4);
        for (var i = 0; i < shapes; i++)
        {
            shape.Color = SKColor.FromHsl((hue + 180 + random.Next(60)) % 360, 50 + random.Next(40), 40 + random.Next(40)).WithAlpha((byte)(90 + random.Next(120)));
            var x = (float)(random.NextDouble() * size);
            var y = (float)(random.NextDouble() * size);
            var r = (float)((0.08 + random.NextDouble() * 0.3) * size);
            if (kind is "artist" or "user")
            {
                canvas.DrawCircle(x, y, r, shape);
            }
            else
            {
                canvas.DrawRoundRect(x - r, y - r, 2 * r, 2 * r, r / 4, r / 4, shape);
            }
        }

        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 85);
        return data.ToArray();
    }
}
