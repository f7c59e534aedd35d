using System.Collections.Concurrent;
using System.Security.Claims;
using Jukebox.Accounts;
using Jukebox.Accounts.Apps;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Jukebox.Api.Http;

/// <summary>
/// Access tokens already validated on this node, until they expire. Safe to lose: a miss only costs
/// one validation. The entries of one app can be dropped at once (<see cref="Evict"/>, when the app
/// is deleted), through a cancellation token per app that each of its entries expires with.
/// </summary>
public sealed class ValidatedTokenCache(IOptions<AccountsOptions> options) : IValidatedTokens
{
    private readonly MemoryCache? _entries = options.Value.ValidatedTokenCacheSize > 0
        ? new(new MemoryCacheOptions { SizeLimit = options.Value.ValidatedTokenCacheSize })
        : null;

    private readonly ConcurrentDictionary<string, CancellationTokenSource> _apps = new(StringComparer.Ordinal);

    /// <summary>A validated token's principal and the <see cref="Caller"/> read from it once.</summary>
    public sealed record Entry(ClaimsPrincipal Principal, Caller Caller, DateTimeOffset ExpiresAt);

    public bool TryGet(string token, out Entry entry)
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
        var entry = new MemoryCacheEntryOptions { Size = 1, AbsoluteExpiration = expiresAt.AddMinutes(5) };
        entry.AddExpirationToken(new CancellationChangeToken(app.Token));
        _entries.Set(token, new Entry(principal, caller, expiresAt), entry);
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

    public void EvictAll()
    {
        foreach (var clientId in _apps.Keys)
        {
            Evict(clientId);
        }
    }
}
