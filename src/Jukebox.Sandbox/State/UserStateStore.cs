using Jukebox.Accounts;
using Jukebox.Accounts.Apps;
using Jukebox.Api.Http;
using Jukebox.Cluster;
using Jukebox.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Options;

namespace Jukebox.Sandbox.State;

/// <summary>
/// Replaces all user-made state (<see cref="UserState"/>) at once: with the freshly seeded state (a
/// reset) or with a snapshot's (a restore). Each runs in one transaction, so a failure changes
/// nothing; once committed, every node reloads what it keeps in memory about user data (this one
/// before the call returns, see <see cref="IClusterBus.ResyncEverywhereAsync"/>).
/// </summary>
public sealed class UserStateStore(JukeboxDbContext db, DemoAccounts demo, IOptions<DemoOptions> demoOptions, IClusterBus bus)
{
    /// <summary>
    /// Deletes every user-made row but the demo app's OAuth registration and its tokens for the demo
    /// user and itself, then seeds the demo user (library, follows, devices, history) and app again
    /// as a new database gets them.
    /// </summary>
    public async Task ResetAsync(CancellationToken ct)
    {
        var options = demoOptions.Value;
        var keep = options.Enabled ? new DemoIds(options.ClientId, options.UserId) : null;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            foreach (var table in UserState.Tables)
            {
                await table.DeleteAsync(db, keep ?? new DemoIds("", ""), ct);
            }
            await demo.EnsureAsync(ct);
            await transaction.CommitAsync(ct);
        }
        db.ChangeTracker.Clear();
        await bus.ResyncEverywhereAsync();
    }

    public async Task RestoreAsync(SnapshotContent snapshot, CancellationToken ct)
    {
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            foreach (var table in UserState.Tables)
            {
                await table.DeleteAsync(db, resetKeeping: null, ct);
            }
            await SnapshotReferences.CheckAsync(db, snapshot, ct);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            foreach (var (table, rows) in snapshot.Tables.Reverse().Select(t => (t.Table, t.Rows)))
            {
                foreach (var row in rows)
                {
                    var entry = db.Add(row.Entity);
                    foreach (var (property, value) in row.Values.Where(v => v.Key.IsShadowProperty()))
                    {
                        entry.Property(property.Name).CurrentValue = value;
                    }
                }
            }
            db.ChangeTracker.DetectChanges();
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e)
            {
                throw SpotifyException.BadRequest($"The snapshot does not fit this server: {(e.InnerException ?? e).Message}");
            }
            await ContinueIdentitiesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        db.ChangeTracker.Clear();
        await bus.ResyncEverywhereAsync();
    }

    /// <summary>
    /// PostgreSQL's identity sequences do not follow ids inserted as they were: move each past the
    /// largest id now held, or the next row added would take an id a restored row has. (SQLite's
    /// AUTOINCREMENT already continues after the largest id.)
    /// </summary>
    private async Task ContinueIdentitiesAsync(CancellationToken ct)
    {
        if (db.Database.ProviderName != "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            return;
        }
        foreach (var entityType in UserState.Tables.Select(t => t.EntityType(db)))
        {
            if (entityType.FindPrimaryKey()!.Properties is [{ ValueGenerated: ValueGenerated.OnAdd } key] && key.ClrType == typeof(long))
            {
                var table = entityType.GetTableName()!;
                var column = key.GetColumnName(StoreObjectIdentifier.Table(table, entityType.GetSchema()))!;
                // Identifiers come from the model, not from the request.
#pragma warning disable EF1002
                await db.Database.ExecuteSqlRawAsync(
                    $"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{column}'), COALESCE((SELECT MAX(\"{column}\") FROM \"{table}\"), 0) + 1, false)", ct);
#pragma warning restore EF1002
            }
        }
    }
}
