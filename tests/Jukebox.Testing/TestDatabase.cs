using Npgsql;

namespace Jukebox.Testing;

/// <summary>
/// Where a test server keeps its data: a new SQLite file, or a new database on the PostgreSQL server
/// named by JUKEBOX_TEST_POSTGRES when JUKEBOX_TEST_DATABASE=postgres (test.sh starts one).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _adminConnectionString;
    private readonly string? _databaseName;
    private readonly string? _directory;

    private TestDatabase(string provider, string connectionString, string? admin, string? name, string? directory)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _adminConnectionString = admin;
        _databaseName = name;
        _directory = directory;
    }

    public string Provider { get; }
    public string ConnectionString { get; }

    public static string ConfiguredProvider =>
        Environment.GetEnvironmentVariable("JUKEBOX_TEST_DATABASE") is { Length: > 0 } p ? p.ToLowerInvariant() : "sqlite";

    public static async Task<TestDatabase> CreateAsync()
    {
        if (ConfiguredProvider == "postgres")
        {
            var admin = Environment.GetEnvironmentVariable("JUKEBOX_TEST_POSTGRES")
                ?? throw new InvalidOperationException("JUKEBOX_TEST_DATABASE=postgres needs JUKEBOX_TEST_POSTGRES (an admin connection string).");
            return await CreateOnPostgresAsync(admin);
        }
        var directory = Path.Combine(Path.GetTempPath(), "jukebox-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return new TestDatabase("sqlite", $"Data Source={Path.Combine(directory, "jukebox.db")};Pooling=True", null, null, directory);
    }

    /// <summary>A new database on the PostgreSQL server that <paramref name="admin"/> connects to.</summary>
    public static async Task<TestDatabase> CreateOnPostgresAsync(string admin)
    {
        var name = $"jukebox_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase("postgres", builder.ConnectionString, admin, name, null);
    }

    public async ValueTask DisposeAsync()
    {
        if (_adminConnectionString is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_adminConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        if (_directory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open is cleaned with the temp folder.
            }
        }
    }
}
