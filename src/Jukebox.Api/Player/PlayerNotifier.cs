using System.Collections.Concurrent;
using System.Threading.Channels;
using Jukebox.Cluster;

namespace Jukebox.Api.Player;

/// <summary>
/// Tells whoever shows a user's player (the web player page) that the playback state changed, so a
/// command sent through the API shows at once, whichever node the command and the page reached
/// (<see cref="ClusterPlayerNotifier"/>).
/// </summary>
public interface IPlayerNotifier
{
    ValueTask PublishAsync(string userId, CancellationToken ct = default);

    /// <summary>Starts listening at once: every change published from now on wakes the listener.</summary>
    IPlayerListener Listen(string userId);
}

public interface IPlayerListener : IDisposable
{
    /// <summary>Waits for the next change (changes that came meanwhile count as one); false once disposed.</summary>
    ValueTask<bool> WaitAsync(CancellationToken ct);
}

/// <summary>The listeners of this node.</summary>
public sealed class InProcessPlayerNotifier : IPlayerNotifier
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Listener, byte>> _listeners = new(StringComparer.Ordinal);

    public ValueTask PublishAsync(string userId, CancellationToken ct = default)
    {
        if (_listeners.TryGetValue(userId, out var listeners))
        {
            foreach (var listener in listeners.Keys)
            {
                listener.Signal();
            }
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>Wakes every listener, as if each user's playback had changed.</summary>
    public void PublishToAll()
    {
        foreach (var listeners in _listeners.Values)
        {
            foreach (var listener in listeners.Keys)
            {
                listener.Signal();
            }
        }
    }

    public IPlayerListener Listen(string userId)
    {
        var listeners = _listeners.GetOrAdd(userId, _ => new ConcurrentDictionary<Listener, byte>());
        var listener = new Listener();
        listener.OnDispose = () => listeners.TryRemove(listener, out _);
        listeners.TryAdd(listener, 0);
        return listener;
    }

    private sealed class Listener : IPlayerListener
    {
        // One pending signal is enough: the listener reads the whole state when it wakes.
        private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

        public Action? OnDispose { get; set; }

        public void Signal() => _channel.Writer.TryWrite(true);

        public async ValueTask<bool> WaitAsync(CancellationToken ct)
        {
            var ready = await _channel.Reader.WaitToReadAsync(ct);
            _channel.Reader.TryRead(out _);
            return ready;
        }

        public void Dispose()
        {
            OnDispose?.Invoke();
            _channel.Writer.TryComplete();
        }
    }
}

/// <summary>
/// Wakes this node's listeners and tells the other nodes to wake theirs. After a resync every
/// listener wakes: a page reads the whole state when woken, so a lost message costs nothing more.
/// </summary>
public sealed class ClusterPlayerNotifier : IPlayerNotifier, IDisposable
{
    private readonly InProcessPlayerNotifier _local = new();
    private readonly IClusterBus _bus;
    private readonly IDisposable[] _subscriptions;

    public ClusterPlayerNotifier(IClusterBus bus)
    {
        _bus = bus;
        _subscriptions =
        [
            bus.Subscribe(ClusterTopics.Player, async userId => await _local.PublishAsync(userId)),
            bus.OnResync(() =>
            {
                _local.PublishToAll();
                return Task.CompletedTask;
            }),
        ];
    }

    public async ValueTask PublishAsync(string userId, CancellationToken ct = default)
    {
        await _local.PublishAsync(userId, ct);
        _bus.Publish(ClusterTopics.Player, userId);
    }

    public IPlayerListener Listen(string userId) => _local.Listen(userId);

    public void Dispose()
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }
    }
}
