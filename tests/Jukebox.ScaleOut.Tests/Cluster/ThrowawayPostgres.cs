using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Jukebox.ScaleOut.Tests.Cluster;

/// <summary>
/// A PostgreSQL cluster of its own (initdb in a temporary folder, a free loopback port, trust
/// authentication, no fsync), which a test can stop and start again on the same port and data.
/// Needs PostgreSQL's server programs (Debian: apt-get install postgresql); runs them as the postgres
/// account when the tests run as root, since PostgreSQL refuses root.
/// </summary>
public sealed class ThrowawayPostgres : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _directory;

    private ThrowawayPostgres(string bin, string directory, int port)
    {
        _bin = bin;
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    /// <summary>An administrator's connection string to the cluster's postgres database.</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=jukebox;Database=postgres";

    private string DataDirectory => Path.Combine(_directory, "data");

    /// <summary>JUKEBOX_POSTGRES_BIN, else the newest /usr/lib/postgresql/*/bin, else the folder of pg_ctl on the PATH.</summary>
    public static string? ProgramsFolder
    {
        get
        {
            if (Environment.GetEnvironmentVariable("JUKEBOX_POSTGRES_BIN") is { Length: > 0 } configured)
            {
                return configured;
            }
            var debian = Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql")
                    .Select(d => Path.Combine(d, "bin"))
                    .Where(d => File.Exists(Path.Combine(d, "pg_ctl")))
                    .OrderByDescending(d => Version.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : new Version(0, 0))
                    .FirstOrDefault()
                : null;
            return debian ?? (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
                .FirstOrDefault(d => d.Length > 0 && File.Exists(Path.Combine(d, "pg_ctl")));
        }
    }

    public static async Task<ThrowawayPostgres> StartNewAsync()
    {
        var bin = ProgramsFolder is { } found && File.Exists(Path.Combine(found, "initdb"))
            ? found
            : throw new InvalidOperationException(
                "The scale-out tests need PostgreSQL's server programs (initdb, pg_ctl) and found none. Install them with " +
                "`apt-get install postgresql` (.ci/run does), or set JUKEBOX_POSTGRES_BIN to the folder holding them.");
        var directory = Directory.CreateTempSubdirectory("jukebox-scaleout-pg.").FullName;
        var server = new ThrowawayPostgres(bin, directory, FreePort());
        if (RunningAsRoot)
        {
            await RunAsync("chown", ["postgres", directory], asPostgres: false);
        }
        await RunAsync(Path.Combine(bin, "initdb"), ["-D", server.DataDirectory, "-U", "jukebox", "-A", "trust", "--no-sync"]);
        await server.StartAsync();
        return server;
    }

    /// <summary>Starts the cluster (again) and returns once it accepts connections.</summary>
    public Task StartAsync() => RunAsync(Path.Combine(_bin, "pg_ctl"),
    [
        "-D", DataDirectory, "-l", Path.Combine(_directory, "server.log"), "-w", "-t", "60",
        "-o", $"-p {Port.ToString(CultureInfo.InvariantCulture)} -k {_directory} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300",
        "start",
    ]);

    /// <summary>Stops the server the way an outage would look to its clients: every connection is cut at once.</summary>
    public Task StopAsync() => RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", DataDirectory, "-m", "immediate", "-w", "stop"]);

    public async ValueTask DisposeAsync()
    {
        if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            try
            {
                await StopAsync();
            }
            catch (InvalidOperationException)
            {
                // Already stopped; the folder goes anyway.
            }
        }
        Directory.Delete(_directory, recursive: true);
    }

    private static bool RunningAsRoot => Environment.UserName == "root";

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asPostgres = true)
    {
        var start = asPostgres && RunningAsRoot
            ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", program, .. arguments])
            : new ProcessStartInfo(program, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await output}{await errors}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
