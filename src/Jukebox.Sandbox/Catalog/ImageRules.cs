using Jukebox.Data.Entities;

namespace Jukebox.Sandbox.Catalog;

/// <summary>
/// The <c>images</c> of a fixture or of an object imported with <c>--images keep</c>: kept as given and
/// served back exactly, in their order. Each needs an absolute http or https <c>url</c>; its
/// <c>height</c> and <c>width</c> may be null (unknown, as Spotify sends some) or a size of 0 or more.
/// Left out (or null), the object has no images of its own: the API serves the covers it generates.
/// An empty array is kept too, and served as one.
/// </summary>
internal static class ImageRules
{
    /// <summary>Longer than any image address a CDN hands out.</summary>
    public const int MaxUrlLength = 2048;

    /// <summary>Spotify gives three sizes; a few more are allowed, not an unbounded list.</summary>
    public const int MaxImages = 16;

    public static List<StoredImage>? Images(IReadOnlyList<ImageFixture?>? images)
    {
        if (images is null)
        {
            return null;
        }
        if (images.Count > MaxImages)
        {
            throw FixtureRules.Invalid($"images may hold at most {MaxImages} images");
        }
        var kept = new List<StoredImage>(images.Count);
        for (var i = 0; i < images.Count; i++)
        {
            var image = images[i] ?? throw FixtureRules.Invalid($"images[{i}] must be an image object");
            if (string.IsNullOrEmpty(image.Url))
            {
                throw FixtureRules.Invalid($"images[{i}].url is required");
            }
            if (image.Url.Length > MaxUrlLength)
            {
                throw FixtureRules.Invalid($"images[{i}].url is longer than {MaxUrlLength} characters");
            }
            FixtureRules.Url(image.Url, $"images[{i}].url");
            kept.Add(new StoredImage(image.Url, Size(image.Height, i, "height"), Size(image.Width, i, "width")));
        }
        return kept;
    }

    /// <summary>Stored images as a fixture gives them, for an import to lay what it read over.</summary>
    public static IReadOnlyList<ImageFixture?>? Fixtures(List<StoredImage>? stored) =>
        stored is null ? null : [.. stored.Select(i => new ImageFixture(i.Url, i.Height, i.Width))];

    private static int? Size(int? pixels, int index, string field) =>
        pixels is null or >= 0 ? pixels : throw FixtureRules.Invalid($"images[{index}].{field} must be 0 or more");
}
