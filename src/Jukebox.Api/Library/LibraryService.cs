using System.Globalization;
using Jukebox.Api.Albums;
using Jukebox.Api.Audiobooks;
using Jukebox.Api.Catalog;
using Jukebox.Api.Episodes;
using Jukebox.Api.Http;
using Jukebox.Data;
using Microsoft.AspNetCore.Http;

namespace Jukebox.Api.Library;

/// <summary>The five kinds of saved items, with Spotify's batch limits for their own endpoints.</summary>
public sealed class SavedKinds(CatalogStore store)
{
    public SavedItems Tracks { get; } = new("track", 50, store);
    public SavedItems Albums { get; } = new("album", 20, store);
    public SavedItems Episodes { get; } = new("episode", 50, store);
    public SavedItems Shows { get; } = new("show", 50, store);
    public SavedItems Audiobooks { get; } = new("audiobook", 50, store);
}

/// <summary>Reading and changing a user's library: the rules behind the Library endpoints and /me/following.</summary>
public sealed class LibraryService(
    JukeboxDbContext db, TimeProvider clock, LibraryCollections collections, SavedKinds kinds, CatalogStore store, CatalogObjects objects)
{
    /// <summary>The most URIs one /me/library request takes.</summary>
    private const int MaxUris = 40;

    public SavedKinds Kinds => kinds;

    /// <summary>Saves the ids the request names (query or body) to <paramref name="kind"/>, all or none.</summary>
    public async Task SaveAsync(HttpContext context, ILibraryCollection kind, int maxIds, bool timestamps = false)
    {
        var caller = Caller.From(context);
        var items = RequireValid(kind, await RequestIds.ReadAsync(context.Request, "ids", maxIds, timestamps));
        await LibraryChange.RunAsync(db, caller.UserId!, clock, change => kind is SavedItems saved && timestamps
            ? saved.SaveAsync(change, items, context.RequestAborted)
            : kind.SaveAsync(change, [.. items.Select(i => i.Id)], context.RequestAborted), context.RequestAborted);
    }

    public async Task RemoveAsync(HttpContext context, ILibraryCollection kind, int maxIds)
    {
        var caller = Caller.From(context);
        var ids = RequireValid(kind, await RequestIds.ReadAsync(context.Request, "ids", maxIds)).Select(i => i.Id).ToList();
        await LibraryChange.RunAsync(db, caller.UserId!, clock, change => kind.RemoveAsync(change, ids, context.RequestAborted), context.RequestAborted);
    }

    /// <summary>One answer per id the request names, in its order (repeats included).</summary>
    public async Task<bool[]> ContainsAsync(HttpContext context, ILibraryCollection kind, int maxIds)
    {
        var caller = Caller.From(context);
        var ids = RequireValid(kind, await RequestIds.ReadAsync(context.Request, "ids", maxIds, distinct: false)).Select(i => i.Id).ToList();
        var saved = await kind.SavedAsync(db, caller.UserId!, ids, context.RequestAborted);
        return [.. ids.Select(saved.Contains)];
    }

    /// <summary>PUT or DELETE /me/library: URIs of any supported types, all saved (or removed) or none.</summary>
    public async Task ChangeUrisAsync(HttpContext context, bool save)
    {
        var caller = Caller.From(context);
        var uris = ParseUris(await RequestIds.ReadAsync(context.Request, "uris", MaxUris));
        if (uris.Any(u => !u.Kind.MayModify(caller)))
        {
            throw SpotifyException.Forbidden(SpotifyErrors.InsufficientScope);
        }
        await LibraryChange.RunAsync(db, caller.UserId!, clock, async change =>
        {
            foreach (var group in uris.GroupBy(u => u.Kind))
            {
                var ids = group.Select(u => u.Id).ToList();
                await (save ? group.Key.SaveAsync(change, ids, context.RequestAborted) : group.Key.RemoveAsync(change, ids, context.RequestAborted));
            }
        }, context.RequestAborted);
    }

    /// <summary>GET /me/library/contains: one answer per URI, in the request's order.</summary>
    public async Task<bool[]> ContainsUrisAsync(HttpContext context)
    {
        var caller = Caller.From(context);
        var uris = ParseUris(await RequestIds.ReadAsync(context.Request, "uris", MaxUris, distinct: false));
        if (uris.Any(u => !u.Kind.MayRead(caller)))
        {
            throw SpotifyException.Forbidden(SpotifyErrors.InsufficientScope);
        }
        var saved = new Dictionary<ILibraryCollection, IReadOnlySet<string>>();
        foreach (var group in uris.GroupBy(u => u.Kind))
        {
            saved[group.Key] = await group.Key.SavedAsync(db, caller.UserId!, [.. group.Select(u => u.Id).Distinct()], context.RequestAborted);
        }
        return [.. uris.Select(u => saved[u.Kind].Contains(u.Id))];
    }

    public Task<PagingObject<SavedTrackObject>> SavedTracksAsync(HttpContext context) =>
        PageAsync(context, kinds.Tracks, c => c.Tracks, (t, addedAt, market) => new SavedTrackObject(addedAt, objects.Track(t, market)));

    public Task<PagingObject<SavedAlbumObject>> SavedAlbumsAsync(HttpContext context) =>
        PageAsync(context, kinds.Albums, c => c.Albums, (a, addedAt, market) => new SavedAlbumObject(addedAt, AlbumsEndpoints.AlbumObjectOf(a, market, objects)));

    /// <summary>Saved episodes, with the user's resume points when the token may read them.</summary>
    public async Task<PagingObject<SavedEpisodeObject>> SavedEpisodesAsync(HttpContext context)
    {
        var page = await PageAsync(context, kinds.Episodes, c => c.Episodes, (e, addedAt, market) => new SavedEpisodeObject(addedAt, objects.Episode(e, market)));
        await EpisodeResumePoints.ApplyAsync(context, page.Items.Select(s => s.Episode));
        return page;
    }

    public Task<PagingObject<SavedShowObject>> SavedShowsAsync(HttpContext context) =>
        PageAsync(context, kinds.Shows, c => c.Shows, (s, addedAt, _) => new SavedShowObject(addedAt, objects.SimplifiedShow(s)));

    public Task<PagingObject<SavedAudiobookObject>> SavedAudiobooksAsync(HttpContext context) =>
        PageAsync(context, kinds.Audiobooks, c => c.Audiobooks, (b, addedAt, market) => new SavedAudiobookObject(addedAt, AudiobooksEndpoints.AudiobookObjectOf(b, market, objects)));

    /// <summary>
    /// A page of saved items (newest first, see <see cref="SavedItems"/>), mapped from the catalog in
    /// the request's market: the user's country, else the market parameter, as every catalog read.
    /// </summary>
    private async Task<PagingObject<T>> PageAsync<TItem, T>(
        HttpContext context, SavedItems kind, Func<CatalogSnapshot, IReadOnlyDictionary<string, TItem>> itemsOf, Func<TItem, string, string?, T> map)
    {
        var caller = Caller.From(context);
        var page = Page.From(context.Request, defaultLimit: 20, maxLimit: 50);
        var market = Market.Resolve(context);
        var (rows, total) = await kind.PageAsync(db, caller.UserId!, page, context.RequestAborted);
        var catalog = itemsOf(await store.GetAsync());
        var items = new List<T>(rows.Count);
        foreach (var (id, addedAt) in rows)
        {
            // Saving checks the item exists, and the catalog only grows, so a miss is not expected.
            if (catalog.TryGetValue(id, out var item))
            {
                items.Add(map(item, Timestamp(addedAt), market));
            }
        }
        return page.ToPaging(context.Request, objects.Urls, items, total);
    }

    public static string Timestamp(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static IReadOnlyList<RequestedItem> RequireValid(ILibraryCollection kind, IReadOnlyList<RequestedItem> items) =>
        items.All(i => kind.IsValidId(i.Id)) ? items : throw SpotifyException.BadRequest(SpotifyErrors.InvalidId);

    /// <summary>Each <c>spotify:{type}:{id}</c> with the collection of its type; 400 for anything else.</summary>
    private List<(ILibraryCollection Kind, string Id)> ParseUris(IReadOnlyList<RequestedItem> uris)
    {
        var parsed = new List<(ILibraryCollection, string)>(uris.Count);
        foreach (var (uri, _) in uris)
        {
            if (uri.Split(':') is not ["spotify", var type, var id])
            {
                throw SpotifyException.BadRequest($"Invalid URI: {uri}");
            }
            if (!collections.TryGet(type, out var kind))
            {
                throw SpotifyException.BadRequest($"Unsupported URI type: {type}");
            }
            if (!kind.IsValidId(id))
            {
                throw SpotifyException.BadRequest(SpotifyErrors.InvalidId);
            }
            parsed.Add((kind, id));
        }
        return parsed;
    }
}
