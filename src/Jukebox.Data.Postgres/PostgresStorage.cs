using Microsoft.EntityFrameworkCore;

namespace Jukebox.Data.Postgres;

public static class PostgresStorage
{
    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql
            .MigrationsAssembly(typeof(PostgresStorage).Assembly.GetName().Name));
}
