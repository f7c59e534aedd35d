using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Jukebox.Testing;

/// <summary>
/// A real redis-server (Debian: apt-get install redis-server) on a free loopback port, started for a
/// test and thrown away after it, with nothing saved to disk. <see cref="StopAsync"/> and
/// <see cref="StartAsync"/> let a test take it away and bring it back on the same port.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private Process? _process;

    private RedisServer(int port) => Port = port;

    public int Port { get; }

    /// <summary>The StackExchange.Redis configuration string of this server.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    public static string Executable =>
        Environment.GetEnvironmentVariable("JUKEBOX_REDIS_SERVER") is { Length: > 0 } path ? path : "redis-server";

    public static async Task<RedisServer> StartNewAsync()
    {
        var server = new RedisServer(FreePort());
        await server.StartAsync();
        return server;
    }

    public async Task StartAsync()
    {
        if (_process is { HasExited: false })
        {
            return;
        }
        var start = new ProcessStartInfo(Executable)
        {
            ArgumentList =
            {
                "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--bind", "127.0.0.1",
                "--save", "",
                "--appendonly", "no",
                "--daemonize", "no",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilAsync(accepting: true);
    }

    /// <summary>Kills the server (as a crash would) and waits until its port refuses connections.</summary>
    public async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        _process = null;
        await WaitUntilAsync(accepting: false);
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task WaitUntilAsync(bool accepting)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            if (await AcceptsAsync() == accepting)
            {
                return;
            }
            if (accepting && _process is { HasExited: true })
            {
                throw new InvalidOperationException($"redis-server exited with {_process.ExitCode} on port {Port}.");
            }
            // Polls the port, not the clock: the process either listens or not.
            await Task.Delay(20, timeout.Token);
        }
    }

    private async Task<bool> AcceptsAsync()
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
