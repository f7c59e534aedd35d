using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;

namespace Jukebox.Server;

/// <summary>
/// What a test runner needs to start one server per suite: <c>--ephemeral</c> keeps all state in a
/// temporary folder removed at exit, <c>--urls http://127.0.0.1:0</c> takes a free port, and
/// <c>--ready-file</c> names a file that receives the base URL once the server answers.
/// </summary>
internal sealed class ThrowawayRun
{
    private readonly string? _temporaryData;
    private readonly string? _readyFile;

    private ThrowawayRun(string? temporaryData, string? readyFile)
    {
        _temporaryData = temporaryData;
        _readyFile = readyFile;
    }

    /// <summary>
    /// Applies what the options ask for before the server is composed: a temporary data folder for
    /// <see cref="JukeboxOptions.Ephemeral"/>, and a concrete port for every listening URL with port 0.
    /// </summary>
    public static ThrowawayRun Prepare(JukeboxOptions options)
    {
        string? temporary = null;
        if (options.Ephemeral)
        {
            if (!options.Database.Provider.Trim().Equals("sqlite", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException("--ephemeral keeps its state in SQLite in a temporary folder; it cannot be combined with --database postgres.");
            }
            temporary = Directory.CreateTempSubdirectory("jukebox-").FullName;
            options.DataDirectory = temporary;
            options.Database.ConnectionString = "";
            options.Database.SqlitePath = "";
        }
        options.Urls = string.Join(';', options.Urls.Split(';').Select(WithFreePort));
        return new ThrowawayRun(temporary, string.IsNullOrWhiteSpace(options.ReadyFile) ? null : Path.GetFullPath(options.ReadyFile));
    }

    /// <summary>Writes the base URL to the ready file, whole or not at all (written aside, then moved in place).</summary>
    public void AnnounceReady(string baseUrl)
    {
        if (_readyFile is null)
        {
            return;
        }
        var partial = _readyFile + ".partial";
        File.WriteAllText(partial, baseUrl + Environment.NewLine);
        File.Move(partial, _readyFile, overwrite: true);
    }

    /// <summary>Removes the ready file and, with --ephemeral, the temporary folder and everything in it.</summary>
    public void CleanUp()
    {
        if (_readyFile is not null)
        {
            File.Delete(_readyFile);
        }
        if (_temporaryData is not null)
        {
            // The pool keeps the database file open after the host is disposed.
            SqliteConnection.ClearAllPools();
            try
            {
                if (Directory.Exists(_temporaryData))
                {
                    Directory.Delete(_temporaryData, recursive: true);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Said in one line rather than as a crash at exit: the server stopped cleanly otherwise.
                Console.Error.WriteLine($"Could not remove the temporary data folder {_temporaryData}: {e.Message}");
            }
        }
    }

    /// <summary>
    /// Port 0 is resolved here, before the server is composed, because every URL it hands out (links,
    /// the token issuer) is fixed from the listening URL when it starts. The port is found by binding
    /// it once; another process could take it before Kestrel binds, in which case start-up fails
    /// loudly rather than serving on an unexpected port.
    /// </summary>
    private static string WithFreePort(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Port != 0)
        {
            return url;
        }
        var address = IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) ? ip : IPAddress.Loopback;
        using var probe = new TcpListener(address, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new UriBuilder(uri) { Port = port }.Uri.ToString().TrimEnd('/');
    }
}
