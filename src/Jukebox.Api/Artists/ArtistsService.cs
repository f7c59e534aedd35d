using Jukebox.Api.Catalog;
using Jukebox.Api.Http;

namespace Jukebox.Api.Artists;

/// <summary>Discography, top tracks and related artists, all computed from the catalog.</summary>
public static class ArtistsService
{
    private static readonly string[] AllGroups = ["album", "single", "compilation", "appears_on"];

    public static async Task<CatalogArtist> FindAsync(CatalogStore store, string id) =>
        CatalogLookup.Find((await store.GetAsync()).Artists, id);

    public static IReadOnlySet<string> ParseGroups(string? includeGroups)
    {
        if (string.IsNullOrWhiteSpace(includeGroups))
        {
            return AllGroups.ToHashSet();
        }
        var groups = includeGroups.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        if (groups.Count == 0 || groups.Any(g => !AllGroups.Contains(g)))
        {
            throw SpotifyException.BadRequest("Invalid include_groups");
        }
        return groups;
    }

    /// <summary>
    /// The artist's albums grouped as Spotify orders them (albums, singles, compilations, then
    /// appearances), newest first within a group; with a market, only what is available there.
    /// </summary>
    public static IReadOnlyList<(CatalogAlbum Album, string Group)> Discography(CatalogArtist artist, IReadOnlySet<string> groups, string? market)
    {
        var result = new List<(CatalogAlbum, string)>();
        foreach (var group in AllGroups)
        {
            if (!groups.Contains(group))
            {
                continue;
            }
            var source = group == "appears_on" ? artist.AppearsOn : artist.OwnAlbums.Where(a => a.AlbumType == group);
            result.AddRange(source.Where(a => market is null || a.Markets.Contains(market)).Select(a => (a, group)));
        }
        return result;
    }

    /// <summary>
    /// The ten most popular recordings, each once even when it was released more than once (same
    /// ISRC); with a market, only ones playable there (after relinking).
    /// </summary>
    public static IEnumerable<CatalogTrack> TopTracks(CatalogArtist artist, string? market) =>
        artist.Tracks.Where(t => CatalogObjects.Relink(t, market).IsPlayable != false).DistinctBy(t => t.Isrc, StringComparer.Ordinal).Take(10);

    /// <summary>Up to 20 artists who share the most genres with this one, the more popular first.</summary>
    public static IEnumerable<CatalogArtist> Related(CatalogSnapshot catalog, CatalogArtist artist)
    {
        if (artist.Genres.Count == 0)
        {
            return [];
        }
        return catalog.Artists.Values
            .Where(a => a != artist)
            .Select(a => (Artist: a, Shared: a.Genres.Count(artist.Genres.Contains)))
            .Where(x => x.Shared > 0)
            .OrderByDescending(x => x.Shared).ThenByDescending(x => x.Artist.Popularity).ThenBy(x => x.Artist.Id, StringComparer.Ordinal)
            .Take(20)
            .Select(x => x.Artist);
    }
}
