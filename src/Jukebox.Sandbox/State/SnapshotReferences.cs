using System.Data.Common;
using Jukebox.Api.Http;
using Jukebox.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Jukebox.Sandbox.State;

/// <summary>
/// Refuses (400) a snapshot whose rows refer to what neither the snapshot nor the catalog holds: a
/// foreign key (a playlist's track, a follow's artist or playlist, an app's owner) or a catalog id
/// kept without one (a saved item, a played track, an episode's resume point). Run after the
/// user-made rows are deleted, so that what the database still holds is the catalog's.
/// </summary>
public static class SnapshotReferences
{
    public static async Task CheckAsync(JukeboxDbContext db, SnapshotContent snapshot, CancellationToken ct)
    {
        var inFile = snapshot.Tables.ToDictionary(t => t.Table.Entity, t => t.Rows);
        var wanted = new Dictionary<IEntityType, Dictionary<string, string>>();
        foreach (var (table, rows) in snapshot.Tables.Select(t => (t.Table, t.Rows)))
        {
            var entityType = table.EntityType(db);
            foreach (var key in entityType.GetForeignKeys())
            {
                var principalKey = key.PrincipalKey.Properties.Single();
                var held = inFile.TryGetValue(key.PrincipalEntityType.ClrType, out var principals)
                    ? principals.Select(p => p.Values[principalKey] as string).ToHashSet(StringComparer.Ordinal)
                    : [];
                foreach (var value in rows.Select(r => r.Values[key.Properties.Single()] as string).OfType<string>().Where(v => !held.Contains(v)))
                {
                    Want(wanted, key.PrincipalEntityType, value, $"{table.Name}.{SnapshotFile.ColumnName(key.Properties.Single())}");
                }
            }
            foreach (var reference in rows.SelectMany(r => table.CatalogReferences(r.Entity)))
            {
                var column = $"{table.Name}.{System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(reference.Column)}";
                if (reference.Entity is null)
                {
                    throw SpotifyException.BadRequest($"{column} \"{reference.Id}\" names nothing the catalog holds");
                }
                Want(wanted, db.Model.FindEntityType(reference.Entity)!, reference.Id, column);
            }
        }
        foreach (var (entityType, ids) in wanted)
        {
            var existing = await ExistingAsync(db, entityType, ids.Keys, ct);
            if (ids.FirstOrDefault(id => !existing.Contains(id.Key)) is { Key: not null } missing)
            {
                throw SpotifyException.BadRequest(
                    $"{missing.Value} \"{missing.Key}\": no such {entityType.ClrType.Name} in the snapshot or the catalog");
            }
        }
    }

    private static void Want(Dictionary<IEntityType, Dictionary<string, string>> wanted, IEntityType entityType, string id, string where)
    {
        if (!wanted.TryGetValue(entityType, out var ids))
        {
            wanted[entityType] = ids = new Dictionary<string, string>(StringComparer.Ordinal);
        }
        ids.TryAdd(id, where);
    }

    /// <summary>Which of the ids the table holds, asked in chunks (the catalog may be large, the snapshot too).</summary>
    private static async Task<HashSet<string>> ExistingAsync(JukeboxDbContext db, IEntityType entityType, IEnumerable<string> ids, CancellationToken ct)
    {
        var table = entityType.GetTableName()!;
        var column = entityType.FindPrimaryKey()!.Properties.Single().GetColumnName(StoreObjectIdentifier.Table(table, entityType.GetSchema()))!;
        var existing = new HashSet<string>(StringComparer.Ordinal);
        var connection = db.Database.GetDbConnection();
        foreach (var chunk in ids.Chunk(500))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            var names = new List<string>();
            foreach (var id in chunk)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = $"@p{names.Count}";
                parameter.Value = id;
                command.Parameters.Add(parameter);
                names.Add(parameter.ParameterName);
            }
            command.CommandText = $"SELECT \"{column}\" FROM \"{table}\" WHERE \"{column}\" IN ({string.Join(", ", names)})";
            await using DbDataReader reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                existing.Add(reader.GetString(0));
            }
        }
        return existing;
    }
}
