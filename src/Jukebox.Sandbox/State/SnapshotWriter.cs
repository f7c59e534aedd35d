using System.Data;
using System.Text.Json;
using Jukebox.Data;
using Microsoft.EntityFrameworkCore;

namespace Jukebox.Sandbox.State;

/// <summary>Writes every user-made row (<see cref="UserState"/>) into a <see cref="SnapshotFile"/>, read in one transaction so the file is consistent.</summary>
public sealed class SnapshotWriter(JukeboxDbContext db, TimeProvider clock)
{
    public async Task<byte[]> WriteAsync(CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("format", SnapshotFile.Format);
            json.WriteNumber("version", SnapshotFile.Version);
            json.WriteString("created_at", clock.GetUtcNow());
            json.WriteStartObject("tables");
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            await using (await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct))
            {
                foreach (var table in UserState.Tables)
                {
                    await WriteTableAsync(json, table, ct);
                }
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        db.ChangeTracker.Clear();
        return buffer.ToArray();
    }

    private async Task WriteTableAsync(Utf8JsonWriter json, UserTable table, CancellationToken ct)
    {
        var properties = table.EntityType(db).GetProperties().ToList();
        json.WriteStartArray(table.Name);
        foreach (var row in await table.ReadAsync(db, ct))
        {
            var entry = db.Entry(row);
            json.WriteStartObject();
            foreach (var property in properties)
            {
                json.WritePropertyName(SnapshotFile.ColumnName(property));
                RowValues.Write(json, entry.Property(property.Name).CurrentValue);
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }
}
