using System.Collections.Concurrent;
using Jukebox.Data;
using Jukebox.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jukebox.Accounts.Apps;

/// <summary>
/// Who may use an app's user tokens: anyone for an app in extended quota mode; in development mode
/// only its owner and the users on its allowlist (the Quota modes page). Answers are cached per node
/// so API calls do not each cost a database round trip: this node's changes are seen at once
/// (<see cref="Forget"/>), another node's within <see cref="CacheFor"/>. It is asked on every API
/// request (the rate limit depends on the quota mode), so a cached answer costs one dictionary probe
/// and no allocation.
/// </summary>
public sealed class AppAccess(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, Cached> _policies = new(StringComparer.Ordinal);

    private sealed record Policy(bool Extended, string OwnerId, HashSet<string> Allowed);

    /// <summary>An app's policy (null: an OAuth client without Jukebox app settings) until the timestamp.</summary>
    private sealed record Cached(Policy? Policy, long ExpiresAt);

    public async ValueTask<bool> AllowsAsync(string clientId, string userId, CancellationToken ct)
    {
        var policy = await PolicyAsync(clientId, ct);
        // An OAuth client without Jukebox app settings (registered by hand) is not restricted.
        return policy is null || policy.Extended || policy.OwnerId == userId || policy.Allowed.Contains(userId);
    }

    /// <summary>Whether the app is in extended quota mode (an OAuth client without Jukebox app settings counts as one).</summary>
    public async ValueTask<bool> IsExtendedAsync(string clientId, CancellationToken ct) =>
        await PolicyAsync(clientId, ct) is not { Extended: false };

    private ValueTask<Policy?> PolicyAsync(string clientId, CancellationToken ct) =>
        _policies.TryGetValue(clientId, out var cached) && cached.ExpiresAt > clock.GetTimestamp()
            ? ValueTask.FromResult(cached.Policy)
            : LoadAsync(clientId, ct);

    private async ValueTask<Policy?> LoadAsync(string clientId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JukeboxDbContext>();
        var app = await db.DeveloperApps.AsNoTracking().Include(a => a.Users).FirstOrDefaultAsync(a => a.ClientId == clientId, ct);
        var policy = app is null
            ? null
            : new Policy(app.QuotaMode == QuotaModes.Extended, app.OwnerId, app.Users.Select(u => u.UserId).ToHashSet(StringComparer.Ordinal));
        _policies[clientId] = new Cached(policy, clock.GetTimestamp() + (long)(CacheFor.TotalSeconds * clock.TimestampFrequency));
        return policy;
    }

    public void Forget(string clientId) => _policies.TryRemove(clientId, out _);
}
