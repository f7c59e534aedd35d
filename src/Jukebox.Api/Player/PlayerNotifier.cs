using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
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

    /// <summary>Yields once per change of the user's player, until <paramref name="ct"/> is cancelled.</summary>
    IAsyncEnumerable<bool> ListenAsync(string userId, CancellationToken ct);
}

public sealed class InProcessPlayerNotifier : IPlayerNotifier
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Channel<bool>, byte>> _listeners = new(StringComparer.Ordinal);

    public ValueTask PublishAsync(string userId, CancellationToken ct = default)
    {
        if (_listeners.TryGetValue(userId, out var channels))
        {
            foreach (var channel in channels.Keys)
            {
                channel.Writer.TryWrite(true);
            }
        }
        return ValueTask.CompletedTask;
    }

    public async IAsyncEnumerable<bool> ListenAsync(string userId, [EnumeratorCancellation] CancellationToken ct)
    {
        // One pending signal is enough: the listener reads the whole state when it wakes.
        var channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        var channels = _listeners.GetOrAdd(userId, _ => new ConcurrentDictionary<Channel<bool>, byte>());
        channels.TryAdd(channel, 0);
        try
        {
            while (await channel.Reader.WaitToReadAsync(ct))
            {
                while (channel.Reader.TryRead(out var signal))
                {
                    yield return signal;
                }
            }
        }
        finally
        {
            channels.TryRemove(channel, out _);
        }
    }
}
