using System.Collections.Concurrent;

namespace Jukebox.Cluster;

/// <summary>The outcome of asking for one more request in a window.</summary>
/// <param name="RetryAfterSeconds">When refused: whole seconds until a request would be accepted, if no other request is made meanwhile.</param>
/// <param name="Remaining">When accepted: how many more the window takes now.</param>
public readonly record struct WindowDecision(bool Allowed, int RetryAfterSeconds, int Remaining = 0);

/// <summary>
/// Rolling 30-second request windows, by key (an app, or an app and an endpoint). One node keeps them
/// in memory; several nodes share them through a store they all reach.
/// </summary>
public interface IRequestWindows
{
    ValueTask<WindowDecision> TryAcquireAsync(string key, int limit, DateTimeOffset now, CancellationToken ct);
}

/// <summary>
/// In-process windows. Written by hand rather than with System.Threading.RateLimiting's
/// SlidingWindowRateLimiter because that limiter replenishes on its own timer (not the server's
/// TimeProvider, so it cannot be tested with a fake clock) and only estimates Retry-After, where
/// Spotify's clients rely on an exact one.
///
/// Semantics: time is cut into whole seconds of the clock; the window at second s holds the accepted
/// requests of seconds s-29..s. A request is accepted while that count is below the limit, and then
/// counted; a refused request is not counted, so waiting is always enough to get through. When refused,
/// Retry-After is the smallest k such that, at second s+k, enough of the oldest seconds have left the
/// window for the count to be below the limit.
/// </summary>
public sealed class MemoryRequestWindows : IRequestWindows
{
    private const int Seconds = 30;
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    public ValueTask<WindowDecision> TryAcquireAsync(string key, int limit, DateTimeOffset now, CancellationToken ct) =>
        ValueTask.FromResult(_windows.GetOrAdd(key, static _ => new Window()).TryAcquire(limit, now.ToUnixTimeSeconds()));

    /// <summary>
    /// Thirty one-second slots and their running total. After <see cref="Advance"/> to second s the
    /// slots hold exactly the seconds s-29..s, so an accepted request costs one slot increment; the
    /// slots are only walked to compute a Retry-After.
    /// </summary>
    private sealed class Window
    {
        private readonly int[] _count = new int[Seconds];
        private readonly Lock _gate = new();
        private long _last = long.MinValue;
        private int _total;

        public WindowDecision TryAcquire(int limit, long now)
        {
            lock (_gate)
            {
                // The current second: now, or the last one seen should the clock have stepped back.
                Advance(now);
                if (_total < limit)
                {
                    _count[Slot(_last)]++;
                    _total++;
                    return new WindowDecision(true, 0, limit - _total);
                }
                return new WindowDecision(false, RetryAfter(_total - limit + 1, _last));
            }
        }

        /// <summary>Empties the slots of the seconds that left the window since the last request.</summary>
        private void Advance(long now)
        {
            if (now <= _last)
            {
                return;
            }
            if (_last == long.MinValue || now - _last >= Seconds)
            {
                Array.Clear(_count);
                _total = 0;
            }
            else
            {
                for (var second = _last + 1; second <= now; second++)
                {
                    // This slot last held second-30, which has just left the window.
                    var slot = Slot(second);
                    _total -= _count[slot];
                    _count[slot] = 0;
                }
            }
            _last = now;
        }

        /// <summary>Seconds until at least <paramref name="excess"/> accepted requests have left the window.</summary>
        private int RetryAfter(int excess, long now)
        {
            var leaving = 0;
            for (var k = 1; k <= Seconds; k++)
            {
                // At second now+k the window starts at now+k-29: second now+k-30, in slot (now+k) % 30, has just left it.
                leaving += _count[Slot(now + k)];
                if (leaving >= excess)
                {
                    return k;
                }
            }
            return Seconds;
        }

        private static int Slot(long second) => (int)(((second % Seconds) + Seconds) % Seconds);
    }
}
