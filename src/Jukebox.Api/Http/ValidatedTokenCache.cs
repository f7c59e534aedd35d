using System.Collections.Concurrent;
using System.Security.Claims;
using Jukebox.Accounts;
using Jukebox.Accounts.Apps;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using OpenIddict.Abstractions;

namespace Jukebox.Api.Http;

/// <summary>
/// Access tokens already validated on this node, until they expire. Safe to lose: a miss only costs
/// one validation. Entries are dropped early in groups, through a cancellation token per group that
/// each of its entries expires with: an app's (<see cref="Evict"/>, when the app is deleted) and an
/// authorization's (<see cref="EvictFamily"/>, when its tokens are revoked). A lookup stays one probe.
/// </summary>
public sealed class ValidatedTokenCache(IOptions<AccountsOptions> options, TimeProvider clock) : IValidatedTokens
{
    private static readonly TimeSpan Overstay = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(1);

    private readonly MemoryCache? _entries = options.Value.ValidatedTokenCacheSize > 0
        ? new(new MemoryCacheOptions { SizeLimit = options.Value.ValidatedTokenCacheSize })
        : null;

    private readonly ConcurrentDictionary<string, CancellationTokenSource> _apps = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Family> _families = new(StringComparer.Ordinal);
    private long _nextSweep;

    /// <summary>A validated token's principal and the <see cref="Caller"/> read from it once.</summary>
    public sealed record Entry(ClaimsPrincipal Principal, Caller Caller, DateTimeOffset ExpiresAt);

    /// <summary>The cached tokens of one authorization, kept until the last of them can have expired.</summary>
    private sealed class Family
    {
        private long _keepUntil;

        public CancellationTokenSource Revoked { get; } = new();

        public long KeepUntil => Interlocked.Read(ref _keepUntil);

        public void KeepAtLeastUntil(DateTimeOffset until)
        {
            var ticks = until.UtcTicks;
            var seen = Interlocked.Read(ref _keepUntil);
            while (seen < ticks && Interlocked.CompareExchange(ref _keepUntil, ticks, seen) != seen)
            {
                seen = Interlocked.Read(ref _keepUntil);
            }
        }
    }

    public bool TryGet(ReadOnlySpan<char> token, out Entry entry)
    {
        entry = null!;
        return _entries is not null && _entries.TryGetValue(token, out entry!);
    }

    public void Add(string token, ClaimsPrincipal principal, Caller caller, DateTimeOffset expiresAt)
    {
        if (_entries is null)
        {
            return;
        }
        var app = _apps.GetOrAdd(caller.ClientId, static _ => new CancellationTokenSource());
        var entry = new MemoryCacheEntryOptions { Size = 1, AbsoluteExpiration = expiresAt + Overstay };
        entry.AddExpirationToken(new CancellationChangeToken(app.Token));
        if (principal.GetAuthorizationId() is { Length: > 0 } authorizationId)
        {
            var family = Join(authorizationId, expiresAt + Overstay);
            // Already revoked (a revocation raced this validation): the entry expires at once.
            entry.AddExpirationToken(new CancellationChangeToken(family.Revoked.Token));
        }
        _entries.Set(token, new Entry(principal, caller, expiresAt), entry);
        SweepFamilies();
    }

    /// <summary>Drops every cached token of the app.</summary>
    public void Evict(string clientId)
    {
        // Cancelled, not disposed: an Add racing with this may still read the source's token, and an
        // entry added with a cancelled token simply expires at once.
        if (_apps.TryRemove(clientId, out var app))
        {
            app.Cancel();
        }
    }

    /// <summary>Whether this node has heard that the tokens of the authorization were revoked.</summary>
    public bool IsRevoked(ClaimsPrincipal principal) =>
        principal.GetAuthorizationId() is { Length: > 0 } authorizationId
        && _families.TryGetValue(authorizationId, out var family) && family.Revoked.IsCancellationRequested;

    public void EvictFamily(string authorizationId)
    {
        // Kept, cancelled, while a token of the family may still be presented, so that an Add racing
        // with the revocation finds it cancelled.
        Join(authorizationId, clock.GetUtcNow() + options.Value.AccessTokenLifetime + Overstay).Revoked.Cancel();
    }

    /// <summary>The authorization's family, kept at least until the time, and still the one in the dictionary after.</summary>
    private Family Join(string authorizationId, DateTimeOffset until)
    {
        while (true)
        {
            var family = _families.GetOrAdd(authorizationId, static _ => new Family());
            family.KeepAtLeastUntil(until);
            // A sweep that removed it before seeing the new time cancels it (see SweepFamilies); one
            // that removed it earlier is caught here, and the next lap makes a new family.
            if (_families.TryGetValue(authorizationId, out var current) && ReferenceEquals(current, family))
            {
                return family;
            }
        }
    }

    public void EvictAll()
    {
        _entries?.Clear();
    }

    /// <summary>Forgets, at most once a minute, the families whose tokens have all expired.</summary>
    private void SweepFamilies()
    {
        var now = clock.GetUtcNow().UtcTicks;
        var due = Interlocked.Read(ref _nextSweep);
        if (now < due || Interlocked.CompareExchange(ref _nextSweep, now + SweepEvery.Ticks, due) != due)
        {
            return;
        }
        foreach (var (id, family) in _families)
        {
            if (family.KeepUntil < now && _families.TryRemove(KeyValuePair.Create(id, family)) && family.KeepUntil >= now)
            {
                // Joined while being removed: its entries may be linked to a family nobody can revoke
                // any more, so they go now (they only cost a validation each).
                family.Revoked.Cancel();
            }
        }
    }
}
