using Microsoft.Data.Sqlite;
using static SQLitePCL.raw;

namespace Jukebox.Data.Sqlite;

/// <summary>
/// The SQLite errors that mean the database file cannot be used right now: still locked by another
/// writer after the busy timeout, impossible to open, or failing to read or write (such as a full disk).
/// </summary>
public sealed class SqliteOutages : DatabaseOutages
{
    protected override bool IsOutageCause(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: SQLITE_BUSY or SQLITE_CANTOPEN or SQLITE_IOERR or SQLITE_FULL };
}
