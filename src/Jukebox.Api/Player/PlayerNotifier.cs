using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Jukebox.Api.Player;

/// <summary>
/// Tells whoever shows a user's player (the web player page) that the playback state changed, so a
/// command sent through the API shows at once. Behind an interface so that several nodes can share
/// the signal through a message bus; <see cref="InProcessPlayerNotifier"/> serves one node.
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
