using Jukebox.Api.Catalog;
using Jukebox.Api.Http;
using Jukebox.Api.Http.Policies;
using Jukebox.Data;
using Microsoft.EntityFrameworkCore;

namespace Jukebox.Api.Library;

/// <summary>
/// Saved tracks, albums, episodes, shows or audiobooks (one instance per kind), kept in the
/// SavedItems table and looked up in the catalog snapshot.
/// </summary>
/// <remarks>
/// Order: newest first. Every item a request saves gets the request's instant as added_at; items
/// saved at the same instant are ordered as if saved one after another in the order the request
/// lists them, so the last one listed comes first. Saving an item that is already saved keeps its
/// added_at, except with timestamped_ids, whose added_at moves it. A page is an offset/limit window
/// over that order.
/// </remarks>
public sealed class SavedItems(string uriType, int maxIds, CatalogStore store) : ILibraryCollection
{
    private const string InsertKeepingTime = """
        INSERT INTO "SavedItems" ("UserId", "ItemType", "ItemId", "AddedAt") VALUES ({0}, {1}, {2}, {3})
        ON CONFLICT ("UserId", "ItemType", "ItemId") DO NOTHING
        """;

    private const string InsertMovingTime = """
        INSERT INTO "SavedItems" ("UserId", "ItemType", "ItemId", "AddedAt") VALUES ({0}, {1}, {2}, {3})
        ON CONFLICT ("UserId", "ItemType", "ItemId") DO UPDATE SET "AddedAt" = excluded."AddedAt"
        """;

    public string UriType => uriType;

    /// <summary>The most ids one save, remove or contains request of the kind's own endpoints takes.</summary>
    public int MaxIds => maxIds;

    public bool IsValidId(string id) => SpotifyIds.IsValid(id);

    public bool MayModify(Caller caller) => ScopeTable.MayModifyLibrary(caller);

    public bool MayRead(Caller caller) => ScopeTable.MayReadLibrary(caller);

    public Task SaveAsync(LibraryChange change, IReadOnlyList<string> ids, CancellationToken ct) =>
        SaveAsync(change, [.. ids.Select(id => new RequestedItem(id))], ct);

    /// <summary>Saves items, each at the time it names or else at the request's time.</summary>
    public async Task SaveAsync(LibraryChange change, IReadOnlyList<RequestedItem> items, CancellationToken ct)
    {
        var catalog = await store.GetAsync();
        foreach (var item in items)
        {
            if (!Exists(catalog, item.Id))
            {
                throw SpotifyException.NotFound(SpotifyErrors.NonExistingId);
            }
        }
        foreach (var item in items)
        {
            // INSERT … ON CONFLICT is the same statement on SQLite and PostgreSQL, and keeps one row
            // when two requests save the same item at once.
            await change.Db.Database.ExecuteSqlRawAsync(
                item.AddedAt is null ? InsertKeepingTime : InsertMovingTime,
                [change.UserId, uriType, item.Id, change.Instant(item.AddedAt ?? change.Now)], ct);
        }
    }

    public async Task RemoveAsync(LibraryChange change, IReadOnlyList<string> ids, CancellationToken ct)
    {
        var userId = change.UserId;
        await change.Db.SavedItems
            .Where(s => s.UserId == userId && s.ItemType == uriType && ids.Contains(s.ItemId))
            .ExecuteDeleteAsync(ct);
    }

    public async Task<IReadOnlySet<string>> SavedAsync(JukeboxDbContext db, string userId, IReadOnlyList<string> ids, CancellationToken ct)
    {
        var saved = await db.SavedItems.AsNoTracking()
            .Where(s => s.UserId == userId && s.ItemType == uriType && ids.Contains(s.ItemId))
            .Select(s => s.ItemId)
            .ToListAsync(ct);
        return saved.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>One page of the user's items of this kind, newest first, and how many there are in all.</summary>
    public async Task<(IReadOnlyList<(string Id, DateTimeOffset AddedAt)> Items, int Total)> PageAsync(
        JukeboxDbContext db, string userId, Page page, CancellationToken ct)
    {
        var mine = db.SavedItems.AsNoTracking().Where(s => s.UserId == userId && s.ItemType == uriType);
        var total = await mine.CountAsync(ct);
        var rows = await mine
            .OrderByDescending(s => s.AddedAt).ThenByDescending(s => s.Id)
            .Skip(page.Offset).Take(page.Limit)
            .Select(s => new { s.ItemId, s.AddedAt })
            .ToListAsync(ct);
        return ([.. rows.Select(r => (r.ItemId, r.AddedAt))], total);
    }

    private bool Exists(CatalogSnapshot catalog, string id) => uriType switch
    {
        "track" => catalog.Tracks.ContainsKey(id),
        "album" => catalog.Albums.ContainsKey(id),
        "episode" => catalog.Episodes.ContainsKey(id),
        "show" => catalog.Shows.ContainsKey(id),
        "audiobook" => catalog.Audiobooks.ContainsKey(id),
        _ => false,
    };
}
