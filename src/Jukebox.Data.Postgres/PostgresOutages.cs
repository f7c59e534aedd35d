using Npgsql;

namespace Jukebox.Data.Postgres;

/// <summary>The Npgsql errors that mean PostgreSQL cannot be reached, rather than a bad statement or a conflict.</summary>
public sealed class PostgresOutages : DatabaseOutages
{
    protected override bool IsOutageCause(Exception exception) => exception switch
    {
        PostgresException postgres => IsOutageState(postgres.SqlState),
        // Npgsql's own transient errors: connecting failed, the connection broke, a timeout (network or pool).
        NpgsqlException npgsql => npgsql.IsTransient,
        _ => false,
    };

    /// <summary>
    /// Class 08 (connection exception), class 53 (insufficient resources: too many connections, disk
    /// full, out of memory) and the server going away: 57P01 admin_shutdown, 57P02 crash_shutdown,
    /// 57P03 cannot_connect_now (starting up or shutting down). Not PostgresException.IsTransient, which
    /// also counts serialization failures and deadlocks: those are conflicts, not an outage.
    /// </summary>
    public static bool IsOutageState(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal)
        || sqlState.StartsWith("53", StringComparison.Ordinal)
        || sqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow;

    public override void DropPooledConnections() => NpgsqlConnection.ClearAllPools();
}
