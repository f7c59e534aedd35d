using StackExchange.Redis;

namespace Jukebox.Cluster;

/// <summary>
/// The daily counts of every node in Redis: a key per count and day, counted and checked by one Lua
/// script (atomic in Redis), expiring a day after the day it counts. While Redis cannot be reached,
/// each node counts in its own memory instead.
/// </summary>
public sealed class RedisDailyCounts(RedisConnection redis) : IDailyCounts
{
    private const string Script = """
        local count = tonumber(redis.call('GET', KEYS[1]) or '0')
        if count >= tonumber(ARGV[1]) then return 0 end
        redis.call('INCR', KEYS[1])
        redis.call('EXPIRE', KEYS[1], 172800)
        return 1
        """;

    private readonly MemoryDailyCounts _fallback = new();

    public async ValueTask<bool> TryCountAsync(string key, long limit, DateTimeOffset now, CancellationToken ct)
    {
        if (redis.IsConnected)
        {
            try
            {
                var day = now.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                var result = await redis.Multiplexer.GetDatabase().ScriptEvaluateAsync(Script, [redis.Key($"day:{day}:{key}")], [limit]);
                return (int)result == 1;
            }
            catch (Exception e) when (e is RedisConnectionException or TimeoutException)
            {
                // Redis went away during the call; this request is counted on this node instead.
            }
        }
        return await _fallback.TryCountAsync(key, limit, now, ct);
    }
}
