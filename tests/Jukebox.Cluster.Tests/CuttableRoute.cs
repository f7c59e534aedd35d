using System.Net;
using System.Net.Sockets;

namespace Jukebox.Cluster.Tests;

/// <summary>
/// A TCP relay on a loopback port to another one, standing for the network between one node and
/// Redis: <see cref="Cut"/> closes its connections and refuses new ones (the node alone loses Redis,
/// the other nodes keep it), <see cref="Mend"/> lets connections through again.
/// </summary>
public sealed class CuttableRoute : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _targetPort;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _accepting;
    private readonly List<TcpClient> _open = [];
    private volatile bool _cut;

    public CuttableRoute(int targetPort)
    {
        _targetPort = targetPort;
        _listener.Start();
        _accepting = Task.Run(AcceptAsync);
    }

    /// <summary>The StackExchange.Redis configuration string that goes through this route.</summary>
    public string Configuration => $"127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    public void Cut()
    {
        _cut = true;
        lock (_open)
        {
            foreach (var client in _open)
            {
                client.Dispose();
            }
            _open.Clear();
        }
    }

    public void Mend() => _cut = false;

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            _ = Task.Run(() => RelayAsync(client));
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using var upstream = new TcpClient();
        try
        {
            if (_cut)
            {
                return;
            }
            await upstream.ConnectAsync(IPAddress.Loopback, _targetPort, _stopping.Token);
            lock (_open)
            {
                if (_cut)
                {
                    return;
                }
                _open.Add(client);
                _open.Add(upstream);
            }
            using var either = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
            var down = client.GetStream().CopyToAsync(upstream.GetStream(), either.Token);
            var up = upstream.GetStream().CopyToAsync(client.GetStream(), either.Token);
            await Task.WhenAny(down, up);
            await either.CancelAsync();
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // One side went away (Redis stopped, the route was cut): the other is closed below.
        }
        finally
        {
            lock (_open)
            {
                _open.Remove(client);
                _open.Remove(upstream);
            }
            client.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        Cut();
        await _accepting;
        _stopping.Dispose();
    }
}
