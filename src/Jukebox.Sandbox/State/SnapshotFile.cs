using Microsoft.EntityFrameworkCore.Metadata;

namespace Jukebox.Sandbox.State;

/// <summary>
/// The snapshot file: <c>{"format":"jukebox-snapshot","version":1,"created_at":"…","tables":{"users":[{…}],…}}</c>,
/// one member per <see cref="UserState"/> table (named by <see cref="UserTable.Name"/>), each row an
/// object of its columns (property names in snake_case, values as <see cref="RowValues"/> writes them).
/// A table missing from a file has no rows. A server reads the versions up to its own.
/// </summary>
public static class SnapshotFile
{
    public const string Format = "jukebox-snapshot";

    /// <summary>Raise it when a change to the model changes what a file holds, and read the older versions on.</summary>
    public const int Version = 1;

    public const string FileName = "jukebox-snapshot.json";

    public static string ColumnName(IProperty property) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Name);
}

/// <summary>A snapshot as read: every table's rows, ready to be added.</summary>
public sealed record SnapshotContent(IReadOnlyList<SnapshotTable> Tables);

public sealed record SnapshotTable(UserTable Table, IReadOnlyList<SnapshotRow> Rows);

/// <summary>A row's entity (its CLR properties set) and every column's value, shadow ones included (set once the entity is tracked).</summary>
public sealed record SnapshotRow(object Entity, IReadOnlyDictionary<IProperty, object?> Values);
