using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Jukebox.Data.Seeding;

/// <summary>
/// Fills an empty database with the demo catalog and, on request, a synthetic extension of it; or,
/// without the demo catalog, leaves the catalog empty for one's own (`jukebox import`).
/// </summary>
public sealed class CatalogSeeder(JukeboxDbContext db, TimeProvider clock, ILogger<CatalogSeeder> logger)
{
    /// <returns>Whether the catalog was seeded now (false: the database already held one).</returns>
    public async Task<bool> SeedAsync(long catalogSize, bool demoCatalog, CancellationToken cancellationToken)
    {
        if (await db.Artists.AnyAsync(cancellationToken))
        {
            if (catalogSize <= 0)
            {
                return false;
            }
            var existing = await db.Tracks.CountAsync(cancellationToken);
            if (catalogSize > existing)
            {
                logger.LogWarning(
                    "The catalog already holds {Existing} tracks; a catalog size of {Requested} applies only to a new database.",
                    existing, catalogSize);
            }
            return false;
        }

        if (!demoCatalog)
        {
            logger.LogInformation("The catalog is left empty (no demo catalog): import one with `jukebox import`.");
            return false;
        }
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var demo = new DemoCatalogGenerator(today).Generate();
        await SaveAsync(demo, cancellationToken);
        logger.LogInformation("Loaded the demo catalog: {Tracks} tracks, {Albums} albums, {Artists} artists.",
            demo.TrackCount, demo.Albums.Count, demo.Artists.Count);

        var extra = catalogSize - demo.TrackCount;
        if (extra <= 0)
        {
            return true;
        }
        long saved = 0;
        foreach (var batch in new SyntheticCatalogGenerator().Generate(extra))
        {
            await SaveAsync(batch, cancellationToken);
            saved += batch.TrackCount;
            logger.LogInformation("Generated {Saved} of {Extra} extra tracks.", saved, extra);
        }
        return true;
    }

    private Task SaveAsync(CatalogBatch batch, CancellationToken cancellationToken) => BulkInsert.InsertAsync(db, batch.Roots, cancellationToken);
}
