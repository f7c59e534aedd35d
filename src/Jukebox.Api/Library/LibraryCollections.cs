using Jukebox.Api.Http;
using Jukebox.Data;

namespace Jukebox.Api.Library;

/// <summary>
/// One kind of thing a user keeps: saved tracks, albums, episodes, shows and audiobooks, followed
/// artists and users (and, registered by the playlists area, followed playlists). The unified
/// <c>/me/library</c> endpoints hand each URI to the collection of its type; the older per-kind
/// endpoints use the same collections, so both write and read the same rows.
/// </summary>
public interface ILibraryCollection
{
    /// <summary>The type in the item's URI: <c>spotify:{UriType}:{id}</c>.</summary>
    string UriType { get; }

    /// <summary>Whether the id is well formed for this type (a 400 otherwise).</summary>
    bool IsValidId(string id);

    /// <summary>Whether the caller's scopes allow saving and removing items of this type.</summary>
    bool MayModify(Caller caller);

    /// <summary>Whether the caller's scopes allow checking items of this type.</summary>
    bool MayRead(Caller caller);

    /// <summary>Saves the items (404 for one that does not exist); saving a saved item changes nothing.</summary>
    Task SaveAsync(LibraryChange change, IReadOnlyList<string> ids, CancellationToken ct);

    /// <summary>Removes the items; removing one that is not saved changes nothing.</summary>
    Task RemoveAsync(LibraryChange change, IReadOnlyList<string> ids, CancellationToken ct);

    /// <summary>Which of the ids the user has saved.</summary>
    Task<IReadOnlySet<string>> SavedAsync(JukeboxDbContext db, string userId, IReadOnlyList<string> ids, CancellationToken ct);
}

/// <summary>
/// One request's changes to a user's library, inside one database transaction: either every item of
/// the request is saved (or removed) or none is. Work that must only happen once the changes are
/// committed (updating cached follower counts) is queued with <see cref="AfterCommit"/>.
/// </summary>
public sealed class LibraryChange(JukeboxDbContext db, string userId, DateTimeOffset now)
{
    private readonly List<Action> _afterCommit = [];

    public JukeboxDbContext Db => db;
    public string UserId => userId;

    /// <summary>When the request saves its items (added_at of every item it saves).</summary>
    public DateTimeOffset Now => now;

    public bool IsSqlite => db.Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";

    /// <summary>An instant as raw SQL must pass it: SQLite keeps Unix milliseconds (see JukeboxDbContext).</summary>
    public object Instant(DateTimeOffset value) => IsSqlite ? value.ToUnixTimeMilliseconds() : value;

    public void AfterCommit(Action action) => _afterCommit.Add(action);

    /// <summary>Runs <paramref name="work"/> in a transaction and, once it has committed, the queued actions.</summary>
    public static async Task RunAsync(JukeboxDbContext db, string userId, TimeProvider clock, Func<LibraryChange, Task> work, CancellationToken ct)
    {
        var change = new LibraryChange(db, userId, clock.GetUtcNow());
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await work(change);
            await transaction.CommitAsync(ct);
        }
        foreach (var action in change._afterCommit)
        {
            action();
        }
    }
}

/// <summary>The registered collections by URI type.</summary>
public sealed class LibraryCollections(IEnumerable<ILibraryCollection> collections)
{
    private readonly Dictionary<string, ILibraryCollection> _byType = collections.ToDictionary(c => c.UriType, StringComparer.Ordinal);

    public ILibraryCollection this[string uriType] => _byType[uriType];

    public bool TryGet(string uriType, out ILibraryCollection collection) => _byType.TryGetValue(uriType, out collection!);
}
