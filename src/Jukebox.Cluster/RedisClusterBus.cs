using Jukebox.Cluster;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Jukebox.Cluster;

/// <summary>
/// The cluster bus over Redis pub/sub: one channel, each message "node id, topic, payload" on three
/// lines (the payload may hold more), so that a node skips its own messages. Messages are handled off
/// the connection's thread; the handlers do not depend on their order (counts add up, the others
/// re-read the database). Pub/sub keeps nothing for a node that is disconnected, hence the resync
/// when the subscription is back.
/// </summary>
public sealed class RedisClusterBus : IClusterBus, IDisposable
{
    private readonly RedisConnection _redis;
    private readonly ILogger<RedisClusterBus> _logger;
    private readonly ClusterSubscriptions _subscriptions;
    private readonly string _node = Guid.NewGuid().ToString("N");

    public RedisClusterBus(RedisConnection redis, ILogger<RedisClusterBus> logger)
    {
        _redis = redis;
        _logger = logger;
        _subscriptions = new ClusterSubscriptions(logger);
        _subscriptions.Add(ClusterTopics.Resync, _ => _subscriptions.ResyncAsync());
        redis.Restored += OnRestored;
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
            return; // lost; the other nodes resync when Redis is back
        }
        try
        {
            _redis.Multiplexer.GetSubscriber().Publish(_redis.Events, $"{_node}\n{topic}\n{payload}", CommandFlags.FireAndForget);
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException)
        {
            _logger.LogDebug(e, "A {Topic} message was not sent.", topic);
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
        _ = Task.Run(() => _subscriptions.DeliverAsync(topic, payload));
    }

    private void OnRestored() => _ = _subscriptions.ResyncAsync();

    public void Dispose()
    {
        _redis.Restored -= OnRestored;
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
