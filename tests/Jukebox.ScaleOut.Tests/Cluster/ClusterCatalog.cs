using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace Jukebox.ScaleOut.Tests.Cluster;

/// <summary>Catalog items the tests play and add, read from the deployment's database.</summary>
public static class ClusterCatalog
{
    public sealed record PlayableAlbum(string Id, IReadOnlyList<(string Id, string Name)> Tracks);

    /// <summary>Albums whose every track plays in the US (the test users' country), in a stable order.</summary>
    public static async Task<List<PlayableAlbum>> PlayableAlbumsAsync(this ScaleOutCluster cluster)
    {
        await using var db = cluster.Database();
        var albums = await db.Albums.AsNoTracking().Include(a => a.Tracks).OrderBy(a => a.Id).ToListAsync();
        return [.. albums
            .Where(a => a.AvailableMarkets.Contains("US") && a.Tracks.Count > 0
                && a.Tracks.All(t => t.AvailableMarkets is null || t.AvailableMarkets.Contains("US")))
            .Select(a => new PlayableAlbum(a.Id, [.. a.Tracks.OrderBy(t => t.DiscNumber).ThenBy(t => t.TrackNumber).Select(t => (t.Id, t.Name))]))];
    }

    /// <summary>Distinct playable tracks, as spotify: URIs.</summary>
    public static async Task<List<string>> TrackUrisAsync(this ScaleOutCluster cluster, int count, int skip = 0) =>
        [.. (await cluster.PlayableAlbumsAsync()).SelectMany(a => a.Tracks).Skip(skip).Take(count).Select(t => $"spotify:track:{t.Id}")];

    /// <summary>A base64 JPEG of one colour, as a playlist cover upload sends it.</summary>
    public static string Jpeg(int width, int height, SKColor colour)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(colour);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 80);
        return Convert.ToBase64String(data.ToArray());
    }
}
