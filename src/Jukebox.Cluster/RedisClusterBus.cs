using Jukebox.Api.Cluster;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Jukebox.Cluster;

/// <summary>
/// The cluster bus over Redis pub/sub: one channel, each message "node id, topic, payload" on three
/// lines (the payload may hold more), so that a node skips its own messages. Messages are handled one
/// at a time in the order they arrive. Pub/sub keeps nothing for a node that is disconnected, hence
/// the resync when the subscription is back.
/// </summary>
public sealed class RedisClusterBus : IClusterBus, IDisposable
{
    private readonly RedisConnection _redis;
    private readonly ILogger<RedisClusterBus> _logger;
    private readonly ClusterSubscriptions _subscriptions;
    private readonly string _node = Guid.NewGuid().ToString("N");
    private readonly ChannelMessageQueue _queue;

    public RedisClusterBus(RedisConnection redis, ILogger<RedisClusterBus> logger)
    {
        _redis = redis;
        _logger = logger;
        _subscriptions = new ClusterSubscriptions(logger);
        _queue = redis.Multiplexer.GetSubscriber().Subscribe(redis.Events);
        _queue.OnMessage(OnMessageAsync);
        redis.Restored += OnRestored;
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

    private Task OnMessageAsync(ChannelMessage message)
    {
        var text = (string?)message.Message ?? "";
        var first = text.IndexOf('\n', StringComparison.Ordinal);
        var second = first < 0 ? -1 : text.IndexOf('\n', first + 1);
        if (second < 0 || text.AsSpan(0, first).SequenceEqual(_node))
        {
            return Task.CompletedTask;
        }
        return _subscriptions.DeliverAsync(text[(first + 1)..second], text[(second + 1)..]);
    }

    private void OnRestored() => _ = _subscriptions.ResyncAsync();

    public void Dispose()
    {
        _redis.Restored -= OnRestored;
        try
        {
            _queue.Unsubscribe();
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException)
        {
            // Redis is gone or the connection closed first: nothing to unsubscribe from.
        }
    }
}
