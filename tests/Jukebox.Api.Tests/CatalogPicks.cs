using Jukebox.Api.Catalog;

namespace Jukebox.Api.Tests;

/// <summary>
/// Items of the demo catalog with the properties a test needs. The demo catalog releases some albums
/// twice: an original unavailable in North America and a twin with the same recordings available
/// only there; some albums are unavailable in Japan and Korea; a few tracks are withdrawn in Germany.
/// </summary>
internal static class CatalogPicks
{
    /// <summary>An ordinary album: available everywhere its tracks are, released once.</summary>
    public static CatalogAlbum PlainAlbum(this CatalogSnapshot catalog) =>
        catalog.Albums.Values.OrderBy(a => a.Id, StringComparer.Ordinal)
            .First(a => a.Markets.Contains("US") && a.Markets.Contains("JP") && a.Tracks.Length > 3
                && a.Tracks.All(t => t.Markets == a.Markets && t.OtherInstances.Length == 0));

    /// <summary>An original album that is unavailable in the US while every track's twin is available there.</summary>
    public static CatalogAlbum AlbumRelinkedInUs(this CatalogSnapshot catalog) =>
        catalog.Albums.Values.OrderBy(a => a.Id, StringComparer.Ordinal)
            .First(a => !a.Markets.Contains("US") && a.Markets.Contains("DE")
                && a.Tracks.All(t => !t.Markets.Contains("US") && t.OtherInstances.Any(o => o.Markets.Contains("US"))));

    /// <summary>The instance of <paramref name="track"/> that is available in <paramref name="market"/>.</summary>
    public static CatalogTrack InstanceIn(this CatalogTrack track, string market) =>
        track.Markets.Contains(market) ? track : track.OtherInstances.First(o => o.Markets.Contains(market));

    /// <summary>An album unavailable in Japan whose tracks have no other instance.</summary>
    public static CatalogAlbum AlbumUnavailableInJapan(this CatalogSnapshot catalog) =>
        catalog.Albums.Values.OrderBy(a => a.Id, StringComparer.Ordinal)
            .First(a => !a.Markets.Contains("JP") && a.Markets.Contains("US")
                && a.Tracks.All(t => !t.Markets.Contains("JP") && t.OtherInstances.Length == 0));

    /// <summary>A track withdrawn in Germany, with no other instance, on an album that is available there.</summary>
    public static CatalogTrack TrackWithdrawnInGermany(this CatalogSnapshot catalog) =>
        catalog.Tracks.Values.OrderBy(t => t.Id, StringComparer.Ordinal)
            .First(t => !t.Markets.Contains("DE") && t.Album.Markets.Contains("DE") && t.OtherInstances.Length == 0);

    /// <summary>The album with the most tracks (more than the fifty an album object embeds).</summary>
    public static CatalogAlbum LongestAlbum(this CatalogSnapshot catalog) =>
        catalog.Albums.Values.OrderByDescending(a => a.Tracks.Length).ThenBy(a => a.Id, StringComparer.Ordinal).First();

    /// <summary>An id that is well formed but names nothing.</summary>
    public const string UnknownId = "0000000000000000000000";
}
