using Jukebox.Api.Http;
using Jukebox.Cluster;
using Jukebox.Data;
using Jukebox.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;

namespace Jukebox.Sandbox.Faults;

/// <summary>
/// The sandbox's fault rules. The database holds them for every node; each node keeps them in memory
/// (reloaded after its own changes, when another node announces one on <see cref="ClusterTopics.Faults"/>,
/// and on a resync), so a request costs no database read while no rule exists, nor while none
/// matches. A rule with a count is the one exception: the count is shared, so using it up is an atomic
/// decrement in the database (the request that takes the last one also deletes the rule).
/// </summary>
public sealed class FaultRules : IDisposable
{
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;
    private readonly IClusterBus _bus;
    private readonly FaultChance _chance;
    private readonly IDisposable[] _subscriptions;
    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile FaultRule[] _rules = [];

    public FaultRules(IServiceScopeFactory scopes, TimeProvider clock, IClusterBus bus, FaultChance chance)
    {
        _scopes = scopes;
        _clock = clock;
        _bus = bus;
        _chance = chance;
        _subscriptions = [bus.Subscribe(ClusterTopics.Faults, _ => ReloadAsync(CancellationToken.None)), bus.OnResync(() => ReloadAsync(CancellationToken.None))];
    }

    /// <summary>Whether any rule is loaded: when none is, requests skip everything else here.</summary>
    public bool IsEmpty => _rules.Length == 0;

    /// <summary>The first rule, oldest first, that matches the request, wins its draw and still has a count left; it is used up by one.</summary>
    public async ValueTask<FaultRule?> PickAsync(RequestFacts request, string? clientId, string? userId, CancellationToken ct)
    {
        var now = _clock.GetUtcNow();
        foreach (var rule in _rules)
        {
            if (!FaultMatch.Matches(rule, request, clientId, userId, now) || !_chance.Roll(rule.Probability))
            {
                continue;
            }
            if (rule.Remaining is null || await TryUseAsync(rule.Id, ct))
            {
                return rule;
            }
        }
        return null;
    }

    public async Task<FaultRule> AddAsync(FaultRequest body, CancellationToken ct)
    {
        var rule = FaultValidation.ToRule(body, Base62.RandomId(), _clock.GetUtcNow());
        await using var scope = _scopes.CreateAsyncScope();
        if (rule.ClientId is { } clientId && await scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>().FindByClientIdAsync(clientId, ct) is null)
        {
            throw SpotifyException.BadRequest($"client_id {clientId} names no app");
        }
        var db = scope.ServiceProvider.GetRequiredService<JukeboxDbContext>();
        if (rule.UserId is { } userId && !await db.Users.AnyAsync(u => u.Id == userId, ct))
        {
            throw SpotifyException.BadRequest($"user_id {userId} names no user");
        }
        db.FaultRules.Add(rule);
        await db.SaveChangesAsync(ct);
        await ChangedAsync();
        return rule;
    }

    /// <summary>The rules in force (expired ones are deleted on the way), oldest first; optionally one app's.</summary>
    public async Task<IReadOnlyList<FaultRule>> ListAsync(string? clientId, CancellationToken ct)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JukeboxDbContext>();
        var now = _clock.GetUtcNow();
        if (await db.FaultRules.Where(r => r.ExpiresAt != null && r.ExpiresAt <= now).ExecuteDeleteAsync(ct) > 0)
        {
            await ChangedAsync();
        }
        return await db.FaultRules.AsNoTracking().Where(r => clientId == null || r.ClientId == clientId)
            .OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).ToListAsync(ct);
    }

    /// <summary>Removes one rule (false: no such rule), or with <paramref name="clientId"/> only one of that app's.</summary>
    public async Task<bool> RemoveAsync(string id, string? clientId, CancellationToken ct)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var removed = await scope.ServiceProvider.GetRequiredService<JukeboxDbContext>().FaultRules
            .Where(r => r.Id == id && (clientId == null || r.ClientId == clientId)).ExecuteDeleteAsync(ct);
        if (removed > 0)
        {
            await ChangedAsync();
        }
        return removed > 0;
    }

    public async Task ClearAsync(CancellationToken ct)
    {
        await using var scope = _scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<JukeboxDbContext>().FaultRules.ExecuteDeleteAsync(ct);
        await ChangedAsync();
    }

    /// <summary>Reads every rule from the database into this node's memory.</summary>
    public async Task ReloadAsync(CancellationToken ct)
    {
        await _loading.WaitAsync(ct);
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<JukeboxDbContext>();
            _rules = [.. await db.FaultRules.AsNoTracking().OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).ToListAsync(ct)];
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>Takes one of the rule's count for this request; false when another request (on any node) took the last.</summary>
    private async Task<bool> TryUseAsync(string id, CancellationToken ct)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JukeboxDbContext>();
        var taken = await db.FaultRules.Where(r => r.Id == id && r.Remaining > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Remaining, r => r.Remaining - 1), ct);
        // The request that took the last one deletes the rule; a rule gone or spent is dropped here too.
        var gone = taken == 0 || await db.FaultRules.Where(r => r.Id == id && r.Remaining == 0).ExecuteDeleteAsync(ct) > 0;
        if (gone)
        {
            await ChangedAsync();
        }
        return taken > 0;
    }

    /// <summary>After a change has committed: reloads here (even when the request is gone), then tells the other nodes.</summary>
    private async Task ChangedAsync()
    {
        await ReloadAsync(CancellationToken.None);
        _bus.Publish(ClusterTopics.Faults, "");
    }

    public void Dispose()
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }
    }
}
