using System.Text.Json;
using Jukebox.Api.Http;
using Jukebox.Data;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Jukebox.Sandbox.State;

/// <summary>
/// Reads a <see cref="SnapshotFile"/> into entities, or refuses it (400) with the reason: not JSON,
/// another format, a newer version, an unknown table or column, a missing column or a value of the
/// wrong type. What the rows refer to is checked against the database later (<see cref="SnapshotReferences"/>).
/// </summary>
public sealed class SnapshotReader(JukeboxDbContext db)
{
    public async Task<SnapshotContent> ReadAsync(Stream body, CancellationToken ct)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(body, cancellationToken: ct);
        }
        catch (JsonException e)
        {
            throw SpotifyException.BadRequest($"The snapshot is not valid JSON: {e.Message}");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String || format.GetString() != SnapshotFile.Format)
            {
                throw SpotifyException.BadRequest($"Not a Jukebox snapshot: \"format\" must be \"{SnapshotFile.Format}\"");
            }
            if (!root.TryGetProperty("version", out var version) || !version.TryGetInt32Safe(out var number) || number < 1)
            {
                throw SpotifyException.BadRequest("The snapshot's \"version\" must be a positive integer");
            }
            if (number > SnapshotFile.Version)
            {
                throw SpotifyException.BadRequest($"The snapshot is of version {number}; this server reads version {SnapshotFile.Version} and older");
            }
            if (!root.TryGetProperty("tables", out var tables) || tables.ValueKind != JsonValueKind.Object)
            {
                throw SpotifyException.BadRequest("The snapshot's \"tables\" must be an object");
            }
            return new SnapshotContent(ReadTables(tables));
        }
    }

    private List<SnapshotTable> ReadTables(JsonElement tables)
    {
        var known = UserState.Tables.ToDictionary(t => t.Name, StringComparer.Ordinal);
        foreach (var name in tables.EnumerateObject().Select(t => t.Name).Where(name => !known.ContainsKey(name)))
        {
            throw SpotifyException.BadRequest($"Unknown table \"{name}\" in the snapshot");
        }
        return
        [
            .. UserState.Tables.Select(table => new SnapshotTable(table,
                tables.TryGetProperty(table.Name, out var rows) ? ReadRows(table, rows) : [])),
        ];
    }

    private List<SnapshotRow> ReadRows(UserTable table, JsonElement rows)
    {
        if (rows.ValueKind != JsonValueKind.Array)
        {
            throw SpotifyException.BadRequest($"Table \"{table.Name}\" must be an array of rows");
        }
        var columns = table.EntityType(db).GetProperties().ToDictionary(SnapshotFile.ColumnName, StringComparer.Ordinal);
        var read = new List<SnapshotRow>();
        foreach (var row in rows.EnumerateArray())
        {
            read.Add(ReadRow(table, columns, row, read.Count));
        }
        return read;
    }

    private static SnapshotRow ReadRow(UserTable table, Dictionary<string, IProperty> columns, JsonElement row, int index)
    {
        var where = $"{table.Name}[{index}]";
        if (row.ValueKind != JsonValueKind.Object)
        {
            throw SpotifyException.BadRequest($"{where} must be an object");
        }
        var values = new Dictionary<IProperty, object?>();
        foreach (var column in row.EnumerateObject())
        {
            if (!columns.TryGetValue(column.Name, out var property))
            {
                throw SpotifyException.BadRequest($"{where}: unknown column \"{column.Name}\"");
            }
            if (!RowValues.TryRead(column.Value, property.ClrType, out var value, out var error)
                || (value is null && !property.IsNullable))
            {
                throw SpotifyException.BadRequest($"{where}.{column.Name} {error ?? "must not be null"}");
            }
            values[property] = value;
        }
        foreach (var (name, property) in columns.Where(c => !values.ContainsKey(c.Value)))
        {
            if (!property.IsNullable)
            {
                throw SpotifyException.BadRequest($"{where}: column \"{name}\" is missing");
            }
            values[property] = null;
        }
        var entity = Activator.CreateInstance(table.Entity)!;
        foreach (var (property, value) in values.Where(v => !v.Key.IsShadowProperty()))
        {
            if (property.PropertyInfo is { } clr)
            {
                clr.SetValue(entity, value);
            }
            else
            {
                property.FieldInfo!.SetValue(entity, value);
            }
        }
        return new SnapshotRow(entity, values);
    }
}

internal static class JsonNumbers
{
    public static bool TryGetInt32Safe(this JsonElement element, out int value)
    {
        value = 0;
        return element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out value);
    }
}
