using System.Globalization;
using Jukebox.Api.Catalog;
using Jukebox.Api.Episodes;
using Jukebox.Api.Http;
using Jukebox.Data;

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
    JukeboxDbContext db, TimeProvider clock, LibraryCollections collections, SavedKinds kinds, CatalogStore store, CatalogObjects objects,
    EpisodeResumePoints resumePoints)
{
    /// <summary>The most URIs one /me/library request takes.</summary>
    public const int MaxUris = 40;

    public SavedKinds Kinds => kinds;

    /// <summary>Saves the requested ids to <paramref name="kind"/>, all or none; with <paramref name="timestamps"/>, at the times the client gave.</summary>
    public async Task SaveAsync(Caller caller, ILibraryCollection kind, IReadOnlyList<RequestedItem> items, bool timestamps, CancellationToken ct)
    {
        RequireValid(kind, items);
        await LibraryChange.RunAsync(db, caller.UserId!, clock, change => kind is SavedItems saved && timestamps
            ? saved.SaveAsync(change, items, ct)
            : kind.SaveAsync(change, [.. items.Select(i => i.Id)], ct), ct);
    }

    public async Task RemoveAsync(Caller caller, ILibraryCollection kind, IReadOnlyList<RequestedItem> items, CancellationToken ct)
    {
        var ids = RequireValid(kind, items).Select(i => i.Id).ToList();
        await LibraryChange.RunAsync(db, caller.UserId!, clock, change => kind.RemoveAsync(change, ids, ct), ct);
    }

    /// <summary>One answer per requested id, in the request's order (repeats included).</summary>
    public async Task<bool[]> ContainsAsync(Caller caller, ILibraryCollection kind, IReadOnlyList<RequestedItem> items, CancellationToken ct)
    {
        var ids = RequireValid(kind, items).Select(i => i.Id).ToList();
        var saved = await kind.SavedAsync(db, caller.UserId!, ids, ct);
        return [.. ids.Select(saved.Contains)];
    }

    /// <summary>PUT or DELETE /me/library: URIs of any supported types, all saved (or removed) or none.</summary>
    public async Task ChangeUrisAsync(Caller caller, IReadOnlyList<RequestedItem> requested, bool save, CancellationToken ct)
    {
        var uris = ParseUris(requested);
        if (uris.Any(u => !u.Kind.MayModify(caller)))
        {
            throw SpotifyException.Forbidden(SpotifyErrors.InsufficientScope);
        }
        await LibraryChange.RunAsync(db, caller.UserId!, clock, async change =>
        {
            foreach (var group in uris.GroupBy(u => u.Kind))
            {
                var ids = group.Select(u => u.Id).ToList();
                await (save ? group.Key.SaveAsync(change, ids, ct) : group.Key.RemoveAsync(change, ids, ct));
            }
        }, ct);
    }

    /// <summary>GET /me/library/contains: one answer per URI, in the request's order.</summary>
    public async Task<bool[]> ContainsUrisAsync(Caller caller, IReadOnlyList<RequestedItem> requested, CancellationToken ct)
    {
        var uris = ParseUris(requested);
        if (uris.Any(u => !u.Kind.MayRead(caller)))
        {
            throw SpotifyException.Forbidden(SpotifyErrors.InsufficientScope);
        }
        var saved = new Dictionary<ILibraryCollection, IReadOnlySet<string>>();
        foreach (var group in uris.GroupBy(u => u.Kind))
        {
            saved[group.Key] = await group.Key.SavedAsync(db, caller.UserId!, [.. group.Select(u => u.Id).Distinct()], ct);
        }
        return [.. uris.Select(u => saved[u.Kind].Contains(u.Id))];
    }

    public Task<PagingObject<SavedTrackObject>> SavedTracksAsync(Caller caller, Page page, string? market, PageLink link, CancellationToken ct) =>
        PageAsync(caller, page, market, link, kinds.Tracks, c => c.Tracks, (t, addedAt) => new SavedTrackObject(addedAt, objects.Track(t, market)), ct);

    public Task<PagingObject<SavedAlbumObject>> SavedAlbumsAsync(Caller caller, Page page, string? market, PageLink link, CancellationToken ct) =>
        PageAsync(caller, page, market, link, kinds.Albums, c => c.Albums, (a, addedAt) => new SavedAlbumObject(addedAt, objects.Album(a, market)), ct);

    /// <summary>Saved episodes, with the user's resume points when the token may read them.</summary>
    public async Task<PagingObject<SavedEpisodeObject>> SavedEpisodesAsync(Caller caller, Page page, string? market, PageLink link, CancellationToken ct)
    {
        var saved = await PageAsync(caller, page, market, link, kinds.Episodes, c => c.Episodes, (e, addedAt) => new SavedEpisodeObject(addedAt, objects.Episode(e, market)), ct);
        await resumePoints.ApplyAsync(caller, saved.Items.Select(s => s.Episode), ct);
        return saved;
    }

    public Task<PagingObject<SavedShowObject>> SavedShowsAsync(Caller caller, Page page, string? market, PageLink link, CancellationToken ct) =>
        PageAsync(caller, page, market, link, kinds.Shows, c => c.Shows, (s, addedAt) => new SavedShowObject(addedAt, objects.SimplifiedShow(s)), ct);

    public Task<PagingObject<SavedAudiobookObject>> SavedAudiobooksAsync(Caller caller, Page page, string? market, PageLink link, CancellationToken ct) =>
        PageAsync(caller, page, market, link, kinds.Audiobooks, c => c.Audiobooks, (b, addedAt) => new SavedAudiobookObject(addedAt, objects.Audiobook(b, market)), ct);

    /// <summary>
    /// A page of saved items (newest first, see <see cref="SavedItems"/>), mapped from the catalog in
    /// the request's market: the user's country, else the market parameter, as every catalog read.
    /// </summary>
    private async Task<PagingObject<T>> PageAsync<TItem, T>(
        Caller caller, Page page, string? market, PageLink link,
        SavedItems kind, Func<CatalogSnapshot, IReadOnlyDictionary<string, TItem>> itemsOf, Func<TItem, string, T> map, CancellationToken ct)
    {
        var (rows, total) = await kind.PageAsync(db, caller.UserId!, page, ct);
        var catalog = itemsOf(await store.GetAsync());
        var items = new List<T>(rows.Count);
        foreach (var (id, addedAt) in rows)
        {
            // Saving checks the item exists, and the catalog only grows, so a miss is not expected.
            if (catalog.TryGetValue(id, out var item))
            {
                items.Add(map(item, Timestamp(addedAt)));
            }
        }
        return page.ToPaging(objects.Urls, link, items, total);
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
