using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Jukebox.Accounts.Users;

/// <summary>
/// Slows down password guessing without letting anyone lock a user out. Failures are counted per
/// client address and account name as typed; after <see cref="AccountsOptions.FailedSignInsBeforeWait"/>
/// of them that client must wait before trying that name again, first
/// <see cref="AccountsOptions.FirstSignInWait"/>, doubling with each further failure up to
/// <see cref="AccountsOptions.LongestSignInWait"/>. Other clients, the owner included, are not
/// affected; an attacker's attempts from one address are also capped per minute by the login page's
/// rate limit. A success forgets the client's failures, and so does a quiet spell of the longest wait.
///
/// Written by hand: ASP.NET Core Identity only offers a lockout per account (the thing this replaces),
/// and System.Threading.RateLimiting has no growing delay, no reset on success and no TimeProvider.
/// Kept per node, in memory: behind several nodes an attacker gets an allowance from each.
/// </summary>
public sealed class SignInThrottle(IOptions<AccountsOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Failures> _failures = new(StringComparer.Ordinal);
    private readonly Lock _sweep = new();
    private DateTimeOffset _nextSweep;

    private sealed class Failures
    {
        public int Count;
        public DateTimeOffset Last;
        public DateTimeOffset WaitUntil;
    }

    /// <summary>How long the client must still wait before trying the name again (zero: it may try now).</summary>
    public TimeSpan WaitFor(string client, string login)
    {
        if (!_failures.TryGetValue(Key(client, login), out var failures))
        {
            return TimeSpan.Zero;
        }
        lock (failures)
        {
            var left = failures.WaitUntil - clock.GetUtcNow();
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }

    public void Failed(string client, string login)
    {
        var now = clock.GetUtcNow();
        var settings = options.Value;
        var failures = _failures.GetOrAdd(Key(client, login), static _ => new Failures());
        lock (failures)
        {
            if (now - failures.Last > settings.LongestSignInWait)
            {
                failures.Count = 0;
            }
            failures.Count++;
            failures.Last = now;
            var beyond = failures.Count - settings.FailedSignInsBeforeWait;
            if (beyond >= 0)
            {
                var wait = settings.FirstSignInWait * Math.Pow(2, Math.Min(beyond, 30));
                failures.WaitUntil = now + (wait < settings.LongestSignInWait ? wait : settings.LongestSignInWait);
            }
        }
        Sweep(now);
    }

    public void Succeeded(string client, string login) => _failures.TryRemove(Key(client, login), out _);

    private static string Key(string client, string login) => client + "\n" + login.Trim().ToUpperInvariant();

    /// <summary>Forgets, at most once a minute, the failures that no longer count.</summary>
    private void Sweep(DateTimeOffset now)
    {
        lock (_sweep)
        {
            if (now < _nextSweep)
            {
                return;
            }
            _nextSweep = now + SweepEvery;
        }
        var quiet = options.Value.LongestSignInWait;
        foreach (var (key, failures) in _failures)
        {
            bool stale;
            lock (failures)
            {
                stale = now - failures.Last > quiet && now >= failures.WaitUntil;
            }
            if (stale)
            {
                _failures.TryRemove(KeyValuePair.Create(key, failures));
            }
        }
    }
}
