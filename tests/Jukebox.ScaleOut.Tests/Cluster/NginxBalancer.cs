using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Jukebox.ScaleOut.Tests.Cluster;

/// <summary>
/// Debian's nginx in the foreground, balancing over the nodes with the repository's sample
/// configuration (deploy/nginx/jukebox.conf), its ports replaced by the nodes' and a free one of its own.
/// Everything it writes (pid, logs, temporary files) stays in a temporary folder.
/// </summary>
public sealed class NginxBalancer : IAsyncDisposable
{
    /// <summary>The addresses the sample names for its three nodes, and what it listens on.</summary>
    private static readonly string[] SampleNodes = ["127.0.0.1:5001", "127.0.0.1:5002", "127.0.0.1:5003"];
    private const string SampleListen = "listen 8080;";

    private readonly string _directory;
    private Process? _process;

    private NginxBalancer(string directory, int port)
    {
        _directory = directory;
        BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
    }

    public Uri BaseAddress { get; }

    public static string SamplePath => Path.Combine(Repository.Root, "deploy", "nginx", "jukebox.conf");

    /// <summary>JUKEBOX_NGINX, else Debian's /usr/sbin/nginx, else nginx on the PATH.</summary>
    public static string? Executable =>
        Environment.GetEnvironmentVariable("JUKEBOX_NGINX") is { Length: > 0 } configured ? configured
        : File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx"
        : Programs.Find("nginx");

    /// <summary>A port for the balancer, chosen before the nodes start so that they can be told their public URL.</summary>
    public static NginxBalancer Reserve() =>
        new(Directory.CreateTempSubdirectory("jukebox-scaleout-nginx.").FullName, Programs.FreePort());

    public async Task StartAsync(IReadOnlyList<Uri> nodes)
    {
        var nginx = Executable ?? throw new InvalidOperationException(
            "The scale-out tests need nginx and found none. Install it with `apt-get install nginx` (.ci/run does), or set JUKEBOX_NGINX.");
        if (nodes.Count != SampleNodes.Length)
        {
            throw new ArgumentException($"The sample balances {SampleNodes.Length} nodes.", nameof(nodes));
        }
        var configuration = Path.Combine(_directory, "nginx.conf");
        await File.WriteAllTextAsync(configuration, Configuration(await File.ReadAllTextAsync(SamplePath), nodes));
        var errorLog = Path.Combine(_directory, "error.log");
        var start = new ProcessStartInfo(nginx, ["-p", _directory, "-c", configuration, "-e", errorLog])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("nginx did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = Stopwatch.StartNew();
        while (!await AcceptsAsync())
        {
            if (_process.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(20))
            {
                throw new InvalidOperationException($"nginx did not start listening on {BaseAddress}: {ErrorLog}\nConfiguration:\n{await File.ReadAllTextAsync(configuration)}");
            }
            // Polls the port: nginx listens once it has read its configuration.
            await Task.Delay(20);
        }
    }

    /// <summary>What nginx logged (errors and warnings), for failure messages.</summary>
    public string ErrorLog => File.Exists(Path.Combine(_directory, "error.log")) ? File.ReadAllText(Path.Combine(_directory, "error.log")) : "";

    /// <summary>
    /// A complete nginx.conf around the sample: the sample is an http-block file (a Debian "site"),
    /// taken as it is apart from its ports.
    /// </summary>
    private string Configuration(string sample, IReadOnlyList<Uri> nodes)
    {
        var site = new StringBuilder(sample);
        for (var i = 0; i < SampleNodes.Length; i++)
        {
            Replace(site, SampleNodes[i], nodes[i].Authority);
        }
        Replace(site, SampleListen, $"listen {BaseAddress.Authority};");
        var d = _directory;
        // As root, nginx would hand its workers to "nobody", who may not write to the temporary folder.
        var user = Environment.UserName == "root" ? "user root;" : "";
        return $$"""
            daemon off;
            {{user}}
            worker_processes 1;
            pid {{d}}/nginx.pid;
            error_log {{d}}/error.log warn;
            events { worker_connections 1024; }
            http {
                access_log {{d}}/access.log;
                client_body_temp_path {{d}}/client_body;
                proxy_temp_path {{d}}/proxy;
                fastcgi_temp_path {{d}}/fastcgi;
                uwsgi_temp_path {{d}}/uwsgi;
                scgi_temp_path {{d}}/scgi;
            {{site}}
            }
            """;
    }

    private static void Replace(StringBuilder site, string sample, string actual)
    {
        if (!site.ToString().Contains(sample, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{SamplePath} no longer contains '{sample}', which the tests replace.");
        }
        site.Replace(sample, actual);
    }

    private async Task<bool> AcceptsAsync()
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, BaseAddress.Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            if (!_process.HasExited)
            {
                // nginx's master stops its workers on TERM; kill the tree in case it does not.
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
            _process.Dispose();
        }
        Directory.Delete(_directory, recursive: true);
    }
}

/// <summary>Finding programs and free ports.</summary>
public static class Programs
{
    /// <summary>The program's full path when it is an executable file on the PATH.</summary>
    public static string? Find(string name) =>
        Path.IsPathRooted(name)
            ? (File.Exists(name) ? name : null)
            : (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
                .Where(d => d.Length > 0)
                .Select(d => Path.Combine(d, name))
                .FirstOrDefault(File.Exists);

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
