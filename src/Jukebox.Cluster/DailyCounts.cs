using System.Collections.Concurrent;

namespace Jukebox.Cluster;

/// <summary>
/// Counts per key over one UTC day of the caller's clock (a developer account's requests, for the
/// development-mode quota). One node keeps them in memory; several nodes share them through Redis.
/// </summary>
public interface IDailyCounts
{
    /// <summary>Counts one more for the key today and says whether it is within the limit (a refused one is not counted).</summary>
    ValueTask<bool> TryCountAsync(string key, long limit, DateTimeOffset now, CancellationToken ct);
}

/// <summary>In-process daily counts; a new day starts each key at zero and drops the days before.</summary>
public sealed class MemoryDailyCounts : IDailyCounts
{
    private readonly ConcurrentDictionary<(string Key, DateOnly Day), long> _counts = new();
    private DateOnly _today;

    public ValueTask<bool> TryCountAsync(string key, long limit, DateTimeOffset now, CancellationToken ct)
    {
        var day = DateOnly.FromDateTime(now.UtcDateTime);
        if (day != _today)
        {
            _today = day;
            foreach (var old in _counts.Keys.Where(k => k.Day < day))
            {
                _counts.TryRemove(old, out _);
            }
        }
        while (true)
        {
            var count = _counts.GetOrAdd((key, day), 0);
            if (count >= limit)
            {
                return ValueTask.FromResult(false);
            }
            if (_counts.TryUpdate((key, day), count + 1, count))
            {
                return ValueTask.FromResult(true);
            }
        }
    }
}
