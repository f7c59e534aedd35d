using System.Collections.Concurrent;
using Jukebox.Cluster;
using Jukebox.Data;
using Jukebox.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;

namespace Jukebox.Accounts.Apps;

/// <summary>What <see cref="AppAccess"/> says about a token's app and user.</summary>
public enum AppVerdict
{
    Allowed,

    /// <summary>A development-mode app, and the user is neither its owner nor on its allowlist.</summary>
    UserNotAllowed,

    /// <summary>No such OAuth client (any more): the app was deleted, so its tokens are worthless.</summary>
    UnknownApp,

    /// <summary>A development-mode app under the 2026 rules whose owner has no Premium: it stops working.</summary>
    OwnerNotPremium,
}

/// <summary>
/// Who may use an app's tokens: nobody once the app is deleted; anyone for an app in extended quota
/// mode; in development mode only its owner and the users on its allowlist (the Quota modes page),
/// and under the 2026 rules only while the owner has Premium.
/// Answers are cached per node so API calls do not each cost a database round trip. A change made
/// through <see cref="Forget"/> is seen at once on this node and, through the cluster bus, on the
/// others (with the app's validated tokens dropped as well); should a message be lost, answers
/// expire after <see cref="CacheFor"/>. It is asked on every API request, so a cached answer costs
/// one dictionary probe and no allocation.
/// </summary>
public sealed class AppAccess : IDisposable
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);

    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;
    private readonly IValidatedTokens _tokens;
    private readonly VerifiedSecrets _secrets;
    private readonly KnownClients _clients;
    private readonly IClusterBus _bus;
    private readonly IDisposable[] _subscriptions;
    private readonly ConcurrentDictionary<string, Cached> _policies = new(StringComparer.Ordinal);

    public AppAccess(IServiceScopeFactory scopes, TimeProvider clock, IValidatedTokens tokens, VerifiedSecrets secrets, KnownClients clients, IClusterBus bus)
    {
        _scopes = scopes;
        _clock = clock;
        _tokens = tokens;
        _secrets = secrets;
        _clients = clients;
        _bus = bus;
        _subscriptions =
        [
            bus.Subscribe(ClusterTopics.App, clientId =>
            {
                ForgetHere(clientId);
                return Task.CompletedTask;
            }),
            bus.OnResync(() =>
            {
                // Apps may have gone without a message (or all at once, by a sandbox reset): their tokens too.
                _policies.Clear();
                _tokens.EvictAll();
                _secrets.ForgetAll();
                _clients.ForgetAll();
                return Task.CompletedTask;
            }),
        ];
    }

    /// <summary>An app's rules; <see cref="Unrestricted"/> for an OAuth client without Jukebox app settings (registered by hand).</summary>
    private sealed record Policy(bool Extended, string OwnerId, HashSet<string> Allowed, string Profile, bool OwnerPremium)
    {
        public static readonly Policy Unrestricted = new(true, "", [], ApiProfiles.Full, true);
    }

    /// <summary>An app's policy (null: no such client) until the timestamp.</summary>
    private sealed record Cached(Policy? Policy, long ExpiresAt);

    public async ValueTask<AppVerdict> CheckAsync(string clientId, string? userId, CancellationToken ct) =>
        await PolicyAsync(clientId, ct) switch
        {
            null => AppVerdict.UnknownApp,
            { Extended: true } => AppVerdict.Allowed,
            { Profile: ApiProfiles.Development2026, OwnerPremium: false } => AppVerdict.OwnerNotPremium,
            var policy when userId is null || policy.OwnerId == userId || policy.Allowed.Contains(userId) => AppVerdict.Allowed,
            _ => AppVerdict.UserNotAllowed,
        };

    /// <summary>Whether the app is in extended quota mode (an OAuth client without Jukebox app settings counts as one).</summary>
    public async ValueTask<bool> IsExtendedAsync(string clientId, CancellationToken ct) =>
        await PolicyAsync(clientId, ct) is not { Extended: false };

    /// <summary>The regime of the Web API the app is served under (<see cref="ApiProfiles"/>; full for a client without app settings).</summary>
    public async ValueTask<string> ProfileAsync(string clientId, CancellationToken ct) =>
        (await PolicyAsync(clientId, ct))?.Profile ?? ApiProfiles.Full;

    /// <summary>The developer account whose daily development-mode quota the app's requests count against, if they count against one.</summary>
    public async ValueTask<string?> DailyQuotaOwnerAsync(string clientId, CancellationToken ct) =>
        await PolicyAsync(clientId, ct) is { Extended: false, Profile: ApiProfiles.Development2026 } policy ? policy.OwnerId : null;

    private ValueTask<Policy?> PolicyAsync(string clientId, CancellationToken ct) =>
        _policies.TryGetValue(clientId, out var cached) && cached.ExpiresAt > _clock.GetTimestamp()
            ? ValueTask.FromResult(cached.Policy)
            : LoadAsync(clientId, ct);

    private async ValueTask<Policy?> LoadAsync(string clientId, CancellationToken ct)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JukeboxDbContext>();
        var app = await db.DeveloperApps.AsNoTracking().Include(a => a.Users).FirstOrDefaultAsync(a => a.ClientId == clientId, ct);
        Policy? policy;
        if (app is not null)
        {
            var ownerProduct = await db.Users.Where(u => u.Id == app.OwnerId).Select(u => u.Product).FirstOrDefaultAsync(ct);
            policy = new Policy(
                app.QuotaMode == QuotaModes.Extended, app.OwnerId, app.Users.Select(u => u.UserId).ToHashSet(StringComparer.Ordinal), app.ApiProfile,
                ownerProduct == "premium");
        }
        else
        {
            var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
            policy = await applications.FindByClientIdAsync(clientId, ct) is null ? null : Policy.Unrestricted;
        }
        _policies[clientId] = new Cached(policy, _clock.GetTimestamp() + (long)(CacheFor.TotalSeconds * _clock.TimestampFrequency));
        return policy;
    }

    /// <summary>Drops what every node cached about the app (after its settings or secret changed, or it was deleted).</summary>
    public void Forget(string clientId)
    {
        ForgetHere(clientId);
        _bus.Publish(ClusterTopics.App, clientId);
    }

    private void ForgetHere(string clientId)
    {
        _policies.TryRemove(clientId, out _);
        _tokens.Evict(clientId);
        _secrets.Forget(clientId);
        _clients.Forget(clientId);
    }

    public void Dispose()
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }
    }
}
