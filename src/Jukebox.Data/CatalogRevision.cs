using System.Data;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Jukebox.Data;

/// <summary>
/// Which state of the catalog tables the database holds: a random generation made with the table and a
/// number the database's own triggers move on every insert, update or delete of a catalog row, whoever
/// writes it (the server, an import, a hand edit). Equal stamps mean the same catalog rows, so what was
/// built from the catalog at one stamp may be reused at the same stamp. On SQLite, whose writers take
/// turns anyway, the number is raised in place; on PostgreSQL it counts the committed transactions that
/// changed the catalog (see that provider's CatalogRevisions migration).
/// </summary>
public static class CatalogRevision
{
    public const string Table = "CatalogRevisions";

    /// <summary>PostgreSQL only: one row per committed transaction that changed a catalog table.</summary>
    public const string ChangesTable = "CatalogChanges";

    /// <summary>The tables the catalog in memory is built from; a change to any of them changes the stamp.</summary>
    public static readonly IReadOnlyList<string> CatalogTables =
    [
        "Artists", "Albums", "AlbumArtists", "Tracks", "TrackArtists", "Shows", "Episodes", "Audiobooks", "Chapters",
        "Categories", "CategoryNames",
    ];

    /// <summary>The stamp, or null when the database has none (its row was removed by hand).</summary>
    public static async Task<string?> ReadAsync(JukeboxDbContext db, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(ct);
        }
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = db.Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL"
                ? $"SELECT \"Generation\", (SELECT count(*) FROM \"{ChangesTable}\") FROM \"{Table}\" WHERE \"Id\" = 1"
                : $"SELECT \"Generation\", \"Value\" FROM \"{Table}\" WHERE \"Id\" = 1";
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await reader.ReadAsync(ct)
                ? reader.GetString(0) + "." + reader.GetInt64(1).ToString(CultureInfo.InvariantCulture)
                : null;
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }
}
