using Jukebox.Api.Http;

namespace Jukebox.Api.Catalog;

/// <summary>The id rules every catalog lookup shares: 400 for a malformed id, 404 for an unknown one.</summary>
public static class CatalogLookup
{
    public static T Find<T>(IReadOnlyDictionary<string, T> items, string id) =>
        items.GetValueOrDefault(SpotifyIds.Require(id)) ?? throw SpotifyException.NotFound();

    /// <summary>A multi-get: one entry per requested id, in order, null where the id is unknown.</summary>
    public static List<TOut?> Several<T, TOut>(IReadOnlyDictionary<string, T> items, string? ids, int max, Func<T, TOut> map)
        where TOut : class
    {
        var requested = SpotifyIds.RequireList(ids, max);
        var result = new List<TOut?>(requested.Count);
        foreach (var id in requested)
        {
            result.Add(items.TryGetValue(id, out var item) ? map(item) : null);
        }
        return result;
    }
}
