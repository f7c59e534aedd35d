using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Jukebox.Cluster;

/// <summary>
/// The node's one connection to Redis. It never holds a request up: it is made without failing when
/// Redis is down (and keeps reconnecting on its own), and commands issued while it is disconnected
/// fail at once rather than queue. An outage is logged once at Error level when it starts and once at
/// Warning level when it ends; when the subscription connection is back, <see cref="Restored"/>
/// tells the bus that messages may have been lost.
/// </summary>
public sealed class RedisConnection : IDisposable
{
    private readonly ILogger<RedisConnection> _logger;
    private readonly string _prefix;
    private int _unreachable;

    public RedisConnection(RedisOptions options, ILogger<RedisConnection> logger)
    {
        _logger = logger;
        _prefix = options.Prefix;
        var configuration = ConfigurationOptions.Parse(options.Configuration);
        configuration.AbortOnConnectFail = false;
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        configuration.ClientName ??= "jukebox";
        // Tries again every half second at first, and never waits more than five seconds between tries
        // (the client's default waits up to ten), so a node hears again soon after Redis is back.
        configuration.ReconnectRetryPolicy = new ExponentialRetry(deltaBackOffMilliseconds: 500, maxDeltaBackOffMilliseconds: 5000);
        // Waits for the first attempt only (up to the connect timeout), so a node starts without Redis.
        Multiplexer = ConnectionMultiplexer.Connect(configuration);
        Multiplexer.ConnectionFailed += OnConnectionFailed;
        Multiplexer.ConnectionRestored += OnConnectionRestored;
        if (!Multiplexer.IsConnected)
        {
            ReportUnreachable(null);
        }
    }

    public IConnectionMultiplexer Multiplexer { get; }

    public bool IsConnected => Multiplexer.IsConnected;

    /// <summary>The channel every node publishes to and listens on.</summary>
    public RedisChannel Events => RedisChannel.Literal(_prefix + ":events");

    /// <summary>Raised (on a thread of its own) when the subscription connection is back after an outage.</summary>
    public event Action? Restored;

    /// <summary>Raised (on a thread of its own) when the connection commands and publishes go through is back.</summary>
    public event Action? CommandsRestored;

    public RedisKey Key(string name) => _prefix + ":" + name;

    private void OnConnectionFailed(object? sender, ConnectionFailedEventArgs e) => ReportUnreachable(e.Exception);

    private void ReportUnreachable(Exception? exception)
    {
        if (Interlocked.Exchange(ref _unreachable, 1) == 0)
        {
            _logger.LogError(exception,
                "Redis is unreachable: rate limits are counted per node and changes made on other nodes are not seen until it is back.");
        }
    }

    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e)
    {
        if (Interlocked.Exchange(ref _unreachable, 0) == 1)
        {
            _logger.LogWarning("Redis is reachable again: resynchronising what this node keeps of the other nodes' changes.");
        }
        if (e.ConnectionType == ConnectionType.Subscription && Restored is { } restored)
        {
            // Off the connection's own thread: the resync reads the database.
            _ = Task.Run(restored);
        }
        else if (e.ConnectionType == ConnectionType.Interactive && CommandsRestored is { } commands)
        {
            _ = Task.Run(commands);
        }
    }

    public void Dispose()
    {
        Multiplexer.ConnectionFailed -= OnConnectionFailed;
        Multiplexer.ConnectionRestored -= OnConnectionRestored;
        Multiplexer.Dispose();
    }
}
