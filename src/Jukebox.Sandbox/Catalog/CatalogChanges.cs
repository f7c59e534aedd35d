using Jukebox.Api.Catalog;
using Jukebox.Api.Http;
using Jukebox.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Jukebox.Sandbox.Catalog;

/// <summary>
/// Writes one change to the catalog in one transaction (all of it or nothing), then makes it visible:
/// the objects <c>change</c> names are patched into this node's snapshot and search index before the
/// caller answers, and the other nodes are told to patch theirs (<see cref="CatalogSync.ChangedHereAsync(CatalogChange)"/>).
/// </summary>
public sealed class CatalogChanges(JukeboxDbContext db, CatalogSync sync, DatabaseOutages outages)
{
    public const string ConflictMessage = "Another change to the catalog got in the way of this one (e.g. the same id made at once); nothing was written";

    /// <summary>A change whose objects are not named: the whole catalog is loaded again afterwards.</summary>
    public Task<CatalogSnapshot> CommitAsync(Func<JukeboxDbContext, CancellationToken, Task> write, CancellationToken ct) =>
        CommitAsync(null, write, ct);

    public async Task<CatalogSnapshot> CommitAsync(CatalogChange? change, Func<JukeboxDbContext, CancellationToken, Task> write, CancellationToken ct)
    {
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await write(db, ct);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (!outages.Recognize(e))
            {
                // The checks inside the transaction passed, so a key or a reference changed under it.
                db.ChangeTracker.Clear();
                throw new SpotifyException(StatusCodes.Status409Conflict, ConflictMessage);
            }
            await transaction.CommitAsync(ct);
        }
        return change is null ? await sync.ChangedHereAsync() : await sync.ChangedHereAsync(change);
    }
}
