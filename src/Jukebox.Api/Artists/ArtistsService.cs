using System.Runtime.CompilerServices;
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

    /// <summary>
    /// Up to 20 artists who share the most genres with this one, the more popular first. The same
    /// neighbourhood feeds recommendations seeded by an artist or a track.
    /// </summary>
    public static IEnumerable<CatalogArtist> Related(CatalogSnapshot catalog, CatalogArtist artist)
    {
        var byGenre = ArtistsByGenre(catalog);
        return artist.Genres
            .SelectMany(g => byGenre.GetValueOrDefault(g) ?? [])
            .Where(a => a != artist)
            .CountBy(a => a)
            .OrderByDescending(x => x.Value).ThenByDescending(x => x.Key.Popularity).ThenBy(x => x.Key.Id, StringComparer.Ordinal)
            .Take(20)
            .Select(x => x.Key);
    }

    private static readonly ConditionalWeakTable<CatalogSnapshot, IReadOnlyDictionary<string, CatalogArtist[]>> Genres = [];

    /// <summary>The artists of each genre, most popular first; computed once per snapshot.</summary>
    public static IReadOnlyDictionary<string, CatalogArtist[]> ArtistsByGenre(CatalogSnapshot catalog) =>
        Genres.GetValue(catalog, c => c.Artists.Values
            .SelectMany(a => a.Genres.Select(g => (Genre: g, Artist: a)))
            .GroupBy(x => x.Genre, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Artist)
                .OrderByDescending(a => a.Popularity).ThenBy(a => a.Id, StringComparer.Ordinal).ToArray(), StringComparer.Ordinal));
}
