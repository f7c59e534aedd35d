using Jukebox.Cluster;
using StackExchange.Redis;

namespace Jukebox.Cluster;

/// <summary>
/// The request windows of every node in Redis, with exactly the semantics of
/// <see cref="MemoryRequestWindows"/> (whole seconds of the caller's clock, 30 of them in a window,
/// refused requests not counted, the same Retry-After). Each decision is one Lua script, which Redis
/// runs atomically, over a hash per window: a field per second that holds accepted requests, and the
/// latest second seen (the clock of a node may step back, or lag another's). Seconds that left the
/// window are deleted by the script, and an idle window's key expires on its own.
/// While Redis cannot be reached, each node counts in its own memory instead; it goes back to Redis
/// as soon as Redis answers again.
/// </summary>
public sealed class RedisRequestWindows(RedisConnection redis) : IRequestWindows
{
    /// <summary>
    /// Longer than the window: the key's lifetime runs on Redis's clock, the window on the caller's,
    /// and the script ignores seconds that left the window anyway.
    /// </summary>
    private const int KeySeconds = 120;

    private const string Script = """
        local key = KEYS[1]
        local now = tonumber(ARGV[1])
        local limit = tonumber(ARGV[2])
        local stored = redis.call('HGETALL', key)
        local counts = {}
        for i = 1, #stored, 2 do
          if stored[i] == 'last' then
            local last = tonumber(stored[i + 1])
            if last > now then now = last end
          else
            counts[tonumber(stored[i])] = tonumber(stored[i + 1])
          end
        end
        local total = 0
        local gone = {}
        for second, count in pairs(counts) do
          if second <= now - 30 then
            gone[#gone + 1] = second
            counts[second] = nil
          else
            total = total + count
          end
        end
        if #gone > 0 then redis.call('HDEL', key, unpack(gone)) end
        redis.call('HSET', key, 'last', now)
        redis.call('EXPIRE', key, tonumber(ARGV[3]))
        if total < limit then
          redis.call('HINCRBY', key, now, 1)
          return {1, 0, limit - total - 1}
        end
        local excess = total - limit + 1
        local leaving = 0
        for k = 1, 30 do
          leaving = leaving + (counts[now + k - 30] or 0)
          if leaving >= excess then return {0, k} end
        end
        return {0, 30}
        """;

    private readonly MemoryRequestWindows _fallback = new();

    public async ValueTask<WindowDecision> TryAcquireAsync(string key, int limit, DateTimeOffset now, CancellationToken ct)
    {
        if (redis.IsConnected)
        {
            try
            {
                var result = (RedisResult[])(await redis.Multiplexer.GetDatabase().ScriptEvaluateAsync(
                    Script,
                    [redis.Key("rate:" + key)],
                    [now.ToUnixTimeSeconds(), limit, KeySeconds]))!;
                return new WindowDecision((int)result[0] == 1, (int)result[1], result.Length > 2 ? (int)result[2] : 0);
            }
            catch (Exception e) when (e is RedisConnectionException or TimeoutException)
            {
                // Redis went away during the call; this request is counted on this node instead.
            }
        }
        return await _fallback.TryAcquireAsync(key, limit, now, ct);
    }

}
