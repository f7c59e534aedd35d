using Jukebox.Testing;
using Microsoft.Extensions.Logging;

namespace Jukebox.Cluster.Tests;

[Trait("Category", "Redis")]
public sealed class RedisConnectionTests
{
    [Fact]
    public async Task A_node_started_without_redis_says_so_once_and_joins_the_others_when_redis_appears()
    {
        await using var redis = await RedisServer.StartNewAsync();
        await redis.StopAsync();
        var options = new RedisOptions { Configuration = redis.Configuration };
        var log = new RecordingLogger<RedisConnection>();

        using var connection = new RedisConnection(options, log);
        using var bus = new RedisClusterBus(connection, new RecordingLogger<RedisClusterBus>());
        var resynced = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onResync = bus.OnResync(() => Task.FromResult(resynced.TrySetResult()));
        bus.Publish("greeting", "nobody hears this"); // neither throws nor waits

        Assert.False(connection.IsConnected);
        Assert.Equal(1, log.Count(LogLevel.Error, "Redis is unreachable"));

        await redis.StartAsync();
        await resynced.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await Eventually.HoldsAsync(() => connection.IsConnected, "connected");
        Assert.Equal(1, log.Count(LogLevel.Warning, "Redis is reachable again"));
        Assert.Equal(1, log.Count(LogLevel.Error, "Redis is unreachable"));

        // Another node's messages arrive.
        using var otherConnection = new RedisConnection(options, new RecordingLogger<RedisConnection>());
        using var other = new RedisClusterBus(otherConnection, new RecordingLogger<RedisClusterBus>());
        var heard = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var listening = bus.Subscribe("greeting", payload => Task.FromResult(heard.TrySetResult(payload)));
        await Eventually.HoldsAsync(() =>
        {
            other.Publish("greeting", "hello\nacross");
            return heard.Task.IsCompleted;
        }, "the message from the other node arrived");
        Assert.Equal("hello\nacross", await heard.Task);
    }
}
