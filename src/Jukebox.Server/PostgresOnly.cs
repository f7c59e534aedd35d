using System.Runtime.CompilerServices;
using Jukebox.Data;
using Jukebox.Data.Postgres;
using Microsoft.EntityFrameworkCore;

namespace Jukebox.Server;

/// <summary>
/// The server's calls into the PostgreSQL provider, kept out of the methods that every start runs: a
/// method that names a type of Jukebox.Data.Postgres loads that assembly when it is compiled or first
/// run, on SQLite too. Called only when the provider is postgres, these load it only then.
/// </summary>
internal static class PostgresOnly
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Configure(DbContextOptionsBuilder db, string connectionString) => PostgresStorage.Configure(db, connectionString);

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static DatabaseOutages Outages() => new PostgresOutages();

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Task<IAsyncDisposable> LockInitializationAsync(string connectionString, CancellationToken ct) =>
        PostgresStorage.LockInitializationAsync(connectionString, ct);
}
