using Jukebox.Cluster;
using Jukebox.Testing;
using Microsoft.Extensions.Logging;

namespace Jukebox.Cluster.Tests;

/// <summary>Rate-limit windows shared by the nodes through Redis (each test has a redis-server of its own).</summary>
[Trait("Category", "Redis")]
public sealed class RedisRequestWindowsTests : IAsyncLifetime
{
    private readonly string _prefix = $"test-{Guid.NewGuid():N}";
    private readonly List<RedisConnection> _connections = [];
    private RedisServer _redis = null!;

    public async Task InitializeAsync() => _redis = await RedisServer.StartNewAsync();

    public async Task DisposeAsync()
    {
        _connections.ForEach(c => c.Dispose());
        await _redis.DisposeAsync();
    }

    /// <summary>One node's connection to the test's Redis.</summary>
    private RedisConnection Connect(ILogger<RedisConnection>? logger = null)
    {
        var connection = new RedisConnection(new RedisOptions { Configuration = _redis.Configuration, Prefix = _prefix },
            logger ?? new RecordingLogger<RedisConnection>());
        _connections.Add(connection);
        return connection;
    }

    [Fact]
    public async Task Decisions_and_retry_after_are_those_of_the_in_memory_windows()
    {
        var memory = new MemoryRequestWindows();
        var redis = new RedisRequestWindows(Connect());
        // The callers' clock, which the windows are given with each request.
        var now = new DateTimeOffset(2026, 11, 2, 12, 0, 0, TimeSpan.Zero);
        var random = new Random(7);
        var refusals = 0;
        for (var i = 0; i < 600; i++)
        {
            // Mostly bursts within a second, some pauses (a few longer than the window), and now and
            // then a clock that steps back a second, as another node's may.
            var step = random.Next(10) switch
            {
                < 6 => 0,
                < 9 => random.Next(1, 4),
                _ => random.Next(2) == 0 ? -1 : random.Next(20, 40),
            };
            now = now.AddSeconds(step);
            var (key, limit) = random.Next(3) == 0 ? ("app-b", 3) : ("app-a", 7);

            var expected = await memory.TryAcquireAsync(key, limit, now, CancellationToken.None);
            var actual = await redis.TryAcquireAsync(key, limit, now, CancellationToken.None);

            Assert.True(expected == actual, $"Request {i} ({key} at {now:T}): expected {expected}, got {actual}.");
            refusals += expected.Allowed ? 0 : 1;
        }
        Assert.InRange(refusals, 50, 550); // the sequence exercised both answers
    }

    [Fact]
    public async Task Two_nodes_count_each_request_once()
    {
        var nodeA = new RedisRequestWindows(Connect());
        var nodeB = new RedisRequestWindows(Connect());
        var now = new DateTimeOffset(2026, 11, 2, 12, 0, 0, TimeSpan.Zero);

        var decisions = new List<WindowDecision>();
        for (var i = 0; i < 5; i++)
        {
            decisions.Add(await (i % 2 == 0 ? nodeA : nodeB).TryAcquireAsync("shared-app", 4, now.AddSeconds(i), CancellationToken.None));
        }

        Assert.Equal([true, true, true, true, false], decisions.Select(d => d.Allowed));
        // The first request (second 0) leaves the window at second 30, 26 seconds after the refused one.
        Assert.Equal(26, decisions[4].RetryAfterSeconds);
        Assert.True((await nodeA.TryAcquireAsync("shared-app", 4, now.AddSeconds(30), CancellationToken.None)).Allowed);
    }

    [Fact]
    public async Task Without_redis_each_node_counts_on_its_own_and_shares_again_once_it_is_back()
    {
        var log = new RecordingLogger<RedisConnection>();
        var connectionA = Connect(log);
        var nodeA = new RedisRequestWindows(connectionA);
        var nodeB = new RedisRequestWindows(Connect());
        var now = new DateTimeOffset(2026, 11, 2, 12, 0, 0, TimeSpan.Zero);
        async Task<bool[]> RequestsAsync(RedisRequestWindows node, string key, int count)
        {
            var allowed = new bool[count];
            for (var i = 0; i < count; i++)
            {
                allowed[i] = (await node.TryAcquireAsync(key, 2, now, CancellationToken.None)).Allowed;
            }
            return allowed;
        }

        await _redis.StopAsync();
        // The multiplexer reports the failure (and so the log line) a moment after it flips IsConnected.
        await Eventually.HoldsAsync(() => !connectionA.IsConnected && log.Count(LogLevel.Error, "Redis is unreachable") > 0, "node A noticed that Redis is gone");

        Assert.Equal(new[] { true, true, false }, await RequestsAsync(nodeA, "while-down", 3));
        Assert.Equal(new[] { true, true, false }, await RequestsAsync(nodeB, "while-down", 3));
        Assert.Equal(1, log.Count(LogLevel.Error, "Redis is unreachable"));

        await _redis.StartAsync();
        await Eventually.HoldsAsync(() => _connections.All(c => c.IsConnected) && log.Count(LogLevel.Warning, "Redis is reachable again") > 0, "both nodes reconnected");

        Assert.Equal(new[] { true, true }, await RequestsAsync(nodeA, "after", 2));
        Assert.Equal(new[] { false }, await RequestsAsync(nodeB, "after", 1));
        Assert.Equal(1, log.Count(LogLevel.Warning, "Redis is reachable again"));
        Assert.Equal(1, log.Count(LogLevel.Error, "Redis is unreachable"));
    }
}
