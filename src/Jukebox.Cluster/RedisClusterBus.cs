using Jukebox.Cluster;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Jukebox.Cluster;

/// <summary>
/// The cluster bus over Redis pub/sub: one channel, each message "node id, topic, payload" on three
/// lines (the payload may hold more), so that a node skips its own messages. Messages are handled off
/// the connection's thread; the handlers do not depend on their order (counts add up, the others
/// re-read the database). Pub/sub keeps nothing for a node that is disconnected, hence the resync
/// when the subscription is back. The nodes reconnect at different moments, so that is not enough: a
/// node still cut off drops what it publishes while the others, already back, have resynced. So a
/// node that may have lost messages (it was disconnected, or a publish failed) owes the others a
/// resync, and announces it (the <see cref="ResyncTopic"/> message) as soon as it can publish again;
/// every node that hears it runs its resync handlers. Unsent messages are not kept for later instead:
/// a follow count's change replayed after the others' resync would be counted twice.
/// </summary>
public sealed class RedisClusterBus : IClusterBus, IDisposable
{
    private readonly RedisConnection _redis;
    private readonly ILogger<RedisClusterBus> _logger;
    private readonly ClusterSubscriptions _subscriptions;
    private readonly string _node = Guid.NewGuid().ToString("N");

    /// <summary>The topic of "resync" (messages from me may have been lost, or user data was replaced); no handler subscribes to it.</summary>
    public const string ResyncTopic = ClusterTopics.Resync;

    /// <summary>1 while this node owes the others a resync announcement.</summary>
    private int _owesResync;

    public RedisClusterBus(RedisConnection redis, ILogger<RedisClusterBus> logger)
    {
        _redis = redis;
        _logger = logger;
        _subscriptions = new ClusterSubscriptions(logger);
        redis.Restored += OnRestored;
        redis.CommandsRestored += OnCommandsRestored;
        try
        {
            redis.Multiplexer.GetSubscriber().Subscribe(redis.Events, OnMessage);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // Redis is down as the node starts. The handler is registered before the SUBSCRIBE is sent,
            // so the connection subscribes it when Redis is reachable (and the resync follows).
        }
    }

    public void Publish(string topic, string payload)
    {
        if (!_redis.IsConnected)
        {
            Volatile.Write(ref _owesResync, 1); // lost; the others resync when this node is back
            return;
        }
        if (Volatile.Read(ref _owesResync) == 1)
        {
            _ = AnnounceResyncAsync();
        }
        try
        {
            _redis.Multiplexer.GetSubscriber().Publish(_redis.Events, $"{_node}\n{topic}\n{payload}", CommandFlags.FireAndForget);
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException)
        {
            Volatile.Write(ref _owesResync, 1);
            _logger.LogDebug(e, "A {Topic} message was not sent.", topic);
        }
    }

    /// <summary>
    /// Tells the other nodes to resync, once Redis has taken the message; until then the debt stays,
    /// and the next restored connection or publish tries again.
    /// </summary>
    private async Task AnnounceResyncAsync()
    {
        if (Interlocked.Exchange(ref _owesResync, 0) == 0)
        {
            return;
        }
        try
        {
            await _redis.Multiplexer.GetSubscriber().PublishAsync(_redis.Events, $"{_node}\n{ResyncTopic}\n");
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException)
        {
            Volatile.Write(ref _owesResync, 1);
            _logger.LogDebug(e, "The resync announcement was not sent.");
        }
    }

    public IDisposable Subscribe(string topic, Func<string, Task> handler) => _subscriptions.Add(topic, handler);

    public IDisposable OnResync(Func<Task> handler) => _subscriptions.AddResync(handler);

    public async Task ResyncEverywhereAsync()
    {
        Publish(ClusterTopics.Resync, "");
        await _subscriptions.ResyncAsync();
    }

    private void OnMessage(RedisChannel channel, RedisValue message)
    {
        var text = (string?)message ?? "";
        var first = text.IndexOf('\n', StringComparison.Ordinal);
        var second = first < 0 ? -1 : text.IndexOf('\n', first + 1);
        if (second < 0 || text.AsSpan(0, first).SequenceEqual(_node))
        {
            return;
        }
        var (topic, payload) = (text[(first + 1)..second], text[(second + 1)..]);
        _ = topic == ResyncTopic
            ? Task.Run(_subscriptions.ResyncAsync)
            : Task.Run(() => _subscriptions.DeliverAsync(topic, payload));
    }

    /// <summary>
    /// Back after an outage: what the others published meanwhile is lost to this node (it resyncs), and
    /// what this node published just before it noticed may be lost to them (they are told to).
    /// </summary>
    private void OnRestored() => _ = ResyncBothWaysAsync();

    private async Task ResyncBothWaysAsync()
    {
        Volatile.Write(ref _owesResync, 1);
        await Task.WhenAll(AnnounceResyncAsync(), _subscriptions.ResyncAsync());
    }

    private void OnCommandsRestored() => _ = AnnounceResyncAsync();

    public void Dispose()
    {
        _redis.Restored -= OnRestored;
        _redis.CommandsRestored -= OnCommandsRestored;
        try
        {
            _redis.Multiplexer.GetSubscriber().Unsubscribe(_redis.Events, OnMessage, CommandFlags.FireAndForget);
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException)
        {
            // Redis is gone or the connection closed first: nothing to unsubscribe from.
        }
    }
}
