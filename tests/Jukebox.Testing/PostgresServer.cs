using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Jukebox.Testing;

/// <summary>
/// A throwaway PostgreSQL cluster (initdb + pg_ctl; Debian: apt-get install postgresql) on a free
/// loopback port in a temporary directory, owned by one test fixture. <see cref="StopAsync"/> and
/// <see cref="StartAsync"/> let a test take the server away under a running Jukebox and bring it
/// back on the same port with the same data. PostgreSQL refuses to run as root, so as root its
/// programs run as the postgres account (as test.sh does).
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    /// <summary>The superuser initdb creates; every connection trusts it on loopback.</summary>
    public const string User = "jukebox";

    private readonly string _directory;
    private readonly string _bin;

    private PostgresServer(string bin, string directory, int port)
    {
        _bin = bin;
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    public bool IsRunning { get; private set; }

    /// <summary>Connects to the cluster's postgres database as its superuser.</summary>
    public string ConnectionString => ConnectionStringFor("postgres");

    public string ConnectionStringFor(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = User,
        Database = database,
    }.ConnectionString;

    /// <summary>
    /// The directory of initdb and pg_ctl: JUKEBOX_POSTGRES_BIN, else the newest
    /// /usr/lib/postgresql/*/bin (Debian keeps them off the PATH), else pg_ctl's on the PATH.
    /// </summary>
    public static string? BinDirectory
    {
        get
        {
            if (Environment.GetEnvironmentVariable("JUKEBOX_POSTGRES_BIN") is { Length: > 0 } configured)
            {
                return configured;
            }
            if (Directory.Exists("/usr/lib/postgresql"))
            {
                var newest = Directory.GetDirectories("/usr/lib/postgresql")
                    .Select(d => (Dir: Path.Combine(d, "bin"), Version: Version.TryParse(Path.GetFileName(d), out var v) ? v : new Version(0, 0)))
                    .Where(d => File.Exists(Path.Combine(d.Dir, "pg_ctl")))
                    .OrderByDescending(d => d.Version)
                    .Select(d => d.Dir)
                    .FirstOrDefault();
                if (newest is not null)
                {
                    return newest;
                }
            }
            return (Environment.GetEnvironmentVariable("PATH") ?? "")
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .FirstOrDefault(d => File.Exists(Path.Combine(d, "pg_ctl")));
        }
    }

    /// <summary>Creates a new cluster and starts it.</summary>
    public static async Task<PostgresServer> StartNewAsync()
    {
        var bin = BinDirectory ?? throw new InvalidOperationException(
            "PostgreSQL's server programs (initdb, pg_ctl) were not found: install PostgreSQL (Debian: apt-get install postgresql) " +
            "or set JUKEBOX_POSTGRES_BIN to their directory. test.sh leaves these tests out when they are missing, unless JUKEBOX_REQUIRE_POSTGRES=1.");
        var directory = Directory.CreateTempSubdirectory("jukebox-pg.").FullName;
        var server = new PostgresServer(bin, directory, FreePort());
        try
        {
            if (RunningAsRoot)
            {
                await RunAsync("chown", ["postgres", directory]);
            }
            await server.RunPostgresAsync("initdb", ["-D", server.DataDirectory, "-U", User, "-A", "trust", "--no-sync", "--encoding", "UTF8"]);
            await server.StartAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the cluster (again) on its port and waits until it accepts connections.</summary>
    public async Task StartAsync()
    {
        if (IsRunning)
        {
            return;
        }
        var options = string.Join(' ',
            $"-p {Port.ToString(CultureInfo.InvariantCulture)}",
            $"-k {_directory}",
            "-c listen_addresses=127.0.0.1",
            // Nothing here must survive a crash of the machine, so nothing is flushed to disk; but a commit
            // must survive a crash of the server (tests stop it in immediate mode and count what was
            // saved), so synchronous_commit stays on: the commit's WAL reaches the kernel before it returns.
            "-c fsync=off -c full_page_writes=off",
            "-c max_connections=200");
        await RunPostgresAsync("pg_ctl", ["-D", DataDirectory, "-l", Path.Combine(_directory, "server.log"), "-w", "-t", "60", "-o", options, "start"]);
        IsRunning = true;
    }

    /// <summary>
    /// Stops the cluster and waits until its port refuses connections. <paramref name="immediate"/>
    /// kills it as a crash would; otherwise it shuts down as an administrator would (fast mode: open
    /// sessions are told "terminating connection due to administrator command").
    /// </summary>
    public async Task StopAsync(bool immediate = false)
    {
        if (!IsRunning)
        {
            return;
        }
        await RunPostgresAsync("pg_ctl", ["-D", DataDirectory, "-m", immediate ? "immediate" : "fast", "-w", "-t", "60", "stop"]);
        IsRunning = false;
        await WaitUntilClosedAsync();
    }

    /// <summary>Creates a database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        NpgsqlConnection.ClearAllPools();
        return ConnectionStringFor(name);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync(immediate: true);
        }
        finally
        {
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // Left for the temp folder's cleaning.
            }
        }
    }

    /// <summary>The server's own log, for a failing test's message.</summary>
    public string Log => File.Exists(Path.Combine(_directory, "server.log")) ? File.ReadAllText(Path.Combine(_directory, "server.log")) : "";

    private string DataDirectory => Path.Combine(_directory, "data");

    private static bool RunningAsRoot => OperatingSystem.IsLinux() && Environment.UserName == "root";

    private Task RunPostgresAsync(string program, IReadOnlyList<string> arguments)
    {
        var path = Path.Combine(_bin, program);
        return RunningAsRoot ? RunAsync("runuser", ["-u", "postgres", "--", path, .. arguments]) : RunAsync(path, arguments);
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            var text = string.Join('\n', await Task.WhenAll(output, error));
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {text}");
        }
    }

    private async Task WaitUntilClosedAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, Port, timeout.Token);
            }
            catch (SocketException)
            {
                return;
            }
            // Polls the port, not the clock: the process either listens or not.
            await Task.Delay(20, timeout.Token);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
