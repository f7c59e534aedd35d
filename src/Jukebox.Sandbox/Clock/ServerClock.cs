namespace Jukebox.Sandbox.Clock;

/// <summary>
/// The server's clock: a base clock (the system's, or a test's fake one) moved ahead by the offset the
/// sandbox gives it, so that everything reading the injected <see cref="TimeProvider"/> (token expiry,
/// rate-limit windows, players, history) sees the same later time. Only the date moves: timestamps,
/// timers and the local zone come from the base clock, so durations and waits are unaffected.
/// </summary>
public sealed class ServerClock(TimeProvider baseClock) : TimeProvider
{
    /// <summary>The service key of the base clock; a test host registers its fake clock under it.</summary>
    public const string BaseClockKey = "jukebox:base-clock";

    private long _offsetMilliseconds;

    public long OffsetMilliseconds => Interlocked.Read(ref _offsetMilliseconds);

    public override DateTimeOffset GetUtcNow() => baseClock.GetUtcNow().AddMilliseconds(OffsetMilliseconds);

    public override long GetTimestamp() => baseClock.GetTimestamp();

    public override long TimestampFrequency => baseClock.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => baseClock.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        baseClock.CreateTimer(callback, state, dueTime, period);

    /// <summary>
    /// Takes the offset that the database (or another node) holds. Never steps back: messages from
    /// nodes that moved the clock at once may arrive in either order.
    /// </summary>
    public void MoveTo(long offsetMilliseconds)
    {
        var current = Interlocked.Read(ref _offsetMilliseconds);
        while (offsetMilliseconds > current)
        {
            var seen = Interlocked.CompareExchange(ref _offsetMilliseconds, offsetMilliseconds, current);
            if (seen == current)
            {
                return;
            }
            current = seen;
        }
    }
}
