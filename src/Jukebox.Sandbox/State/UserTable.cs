using Jukebox.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Jukebox.Sandbox.State;

/// <summary>The demo app and user a reset seeds again, or null when the server has none (Demo:Enabled=false).</summary>
public sealed record DemoIds(string ClientId, string UserId);

/// <summary>
/// A reference from a row to something the catalog must hold (a column without a foreign key);
/// <paramref name="Entity"/> null when the value names no kind of catalog item at all.
/// </summary>
public sealed record CatalogReference(Type? Entity, string Column, string Id);

/// <summary>
/// One table of <see cref="UserState"/>: which of its rows are user-made (the rest are the catalog's),
/// which of those a reset keeps, and what in the catalog its rows refer to beyond their foreign keys.
/// </summary>
public abstract class UserTable
{
    public abstract Type Entity { get; }

    /// <summary>The table's name in a snapshot file (fixed here, so that renaming a class does not change the format).</summary>
    public abstract string Name { get; }

    public IEntityType EntityType(JukeboxDbContext db) =>
        db.Model.FindEntityType(Entity) ?? throw new InvalidOperationException($"{Entity.Name} is not in the model");

    /// <summary>Deletes the user-made rows (all of them, or for a reset those it does not keep).</summary>
    public abstract Task DeleteAsync(JukeboxDbContext db, DemoIds? resetKeeping, CancellationToken ct);

    /// <summary>The user-made rows, tracked (so that shadow properties can be read), in key order.</summary>
    public abstract Task<List<object>> ReadAsync(JukeboxDbContext db, CancellationToken ct);

    public abstract IEnumerable<CatalogReference> CatalogReferences(object row);
}

public sealed class UserTable<T>(
    string name,
    Func<JukeboxDbContext, IQueryable<T>> rows,
    Func<JukeboxDbContext, DemoIds, IQueryable<T>>? deletedByReset = null,
    Func<T, IEnumerable<CatalogReference>>? catalogReferences = null) : UserTable
    where T : class
{
    public override Type Entity => typeof(T);

    public override string Name => name;

    public override Task DeleteAsync(JukeboxDbContext db, DemoIds? resetKeeping, CancellationToken ct) =>
        (resetKeeping is not null && deletedByReset is not null ? deletedByReset(db, resetKeeping) : rows(db)).ExecuteDeleteAsync(ct);

    public override async Task<List<object>> ReadAsync(JukeboxDbContext db, CancellationToken ct)
    {
        var read = await rows(db).ToListAsync(ct);
        var key = EntityType(db).FindPrimaryKey()!.Properties;
        return [.. read.OrderBy(row => KeyOf(db, row, key), KeyComparer.Instance)];
    }

    public override IEnumerable<CatalogReference> CatalogReferences(object row) => catalogReferences?.Invoke((T)row) ?? [];

    private static object?[] KeyOf(JukeboxDbContext db, T row, IReadOnlyList<IProperty> key)
    {
        var entry = db.Entry(row);
        return [.. key.Select(p => entry.Property(p.Name).CurrentValue)];
    }

    private sealed class KeyComparer : IComparer<object?[]>
    {
        public static readonly KeyComparer Instance = new();

        public int Compare(object?[]? x, object?[]? y)
        {
            for (var i = 0; i < x!.Length; i++)
            {
                var order = x[i] is string a && y![i] is string b
                    ? string.CompareOrdinal(a, b)
                    : Comparer<object?>.Default.Compare(x[i], y![i]);
                if (order != 0)
                {
                    return order;
                }
            }
            return 0;
        }
    }
}
