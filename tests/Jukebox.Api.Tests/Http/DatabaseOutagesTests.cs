using System.Net.Sockets;
using Jukebox.Data.Postgres;
using Jukebox.Data.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Jukebox.Api.Tests.Http;

/// <summary>
/// Which failures answer 503 "Service unavailable" (the database cannot be reached) rather than 500
/// or a conflict, however deeply EF Core and OpenIddict wrap them.
/// </summary>
public sealed class DatabaseOutagesTests
{
    private static readonly PostgresOutages Postgres = new();
    private static readonly SqliteOutages Sqlite = new();

    private static PostgresException ServerError(string sqlState) => new("message", "FATAL", "FATAL", sqlState);

    public static readonly TheoryData<string> OutageStates = ["08006", "08001", "53300", "53100", "57P01", "57P02", "57P03"];

    public static readonly TheoryData<string> OtherStates = ["23505", "40001", "40P01", "42P01", "57014", "22P02"];

    [Theory]
    [MemberData(nameof(OutageStates))]
    public void A_server_going_away_or_out_of_connections_is_an_outage(string sqlState)
    {
        Assert.True(Postgres.Recognize(ServerError(sqlState)));
        Assert.True(Postgres.Recognize(new InvalidOperationException("An exception has been raised that is likely due to a transient failure.", ServerError(sqlState))));
    }

    [Theory]
    [MemberData(nameof(OtherStates))]
    public void Bad_statements_conflicts_and_cancelled_queries_are_not(string sqlState)
    {
        Assert.False(Postgres.Recognize(ServerError(sqlState)));
        Assert.False(Postgres.Recognize(new DbUpdateException("An error occurred while saving the entity changes.", ServerError(sqlState))));
    }

    [Fact]
    public void A_refused_or_broken_connection_or_a_timeout_is_an_outage_however_it_is_wrapped()
    {
        var refused = new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused));
        var broken = new NpgsqlException("Exception while reading from stream", new EndOfStreamException());
        var timeout = new NpgsqlException("Exception while connecting", new TimeoutException());

        Assert.True(Postgres.Recognize(refused));
        Assert.True(Postgres.Recognize(new DbUpdateException("An error occurred while saving the entity changes.", broken)));
        Assert.True(Postgres.Recognize(new InvalidOperationException("outer", new InvalidOperationException("inner", timeout))));
        Assert.True(Postgres.Recognize(new AggregateException(new ArgumentException("unrelated"), refused)));
    }

    [Fact]
    public void Failures_without_a_database_error_inside_are_not_an_outage()
    {
        Assert.False(Postgres.Recognize(new InvalidOperationException("Sequence contains no elements")));
        Assert.False(Postgres.Recognize(new TimeoutException("not from the database")));
        Assert.False(Sqlite.Recognize(new NpgsqlException("Failed to connect", new SocketException())));
    }

    [Fact]
    public void On_SQLite_a_locked_unopenable_or_failing_file_is_an_outage_and_a_constraint_is_not()
    {
        Assert.True(Sqlite.Recognize(new DbUpdateException("saving", new SqliteException("database is locked", SQLitePCL.raw.SQLITE_BUSY))));
        Assert.True(Sqlite.Recognize(new SqliteException("unable to open database file", SQLitePCL.raw.SQLITE_CANTOPEN)));
        Assert.True(Sqlite.Recognize(new SqliteException("disk I/O error", SQLitePCL.raw.SQLITE_IOERR)));
        Assert.False(Sqlite.Recognize(new DbUpdateException("saving", new SqliteException("UNIQUE constraint failed", SQLitePCL.raw.SQLITE_CONSTRAINT))));
    }
}
