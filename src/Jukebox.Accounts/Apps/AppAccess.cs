using Jukebox.Data;
using Jukebox.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace Jukebox.Accounts.Apps;

/// <summary>
/// Who may use an app's user tokens: anyone for an app in extended quota mode; in development mode
/// only its owner and the users on its allowlist (the Quota modes page). Answers are cached briefly
/// per node so API calls do not each cost a database round trip; a change is seen within
/// <see cref="CacheFor"/>.
/// </summary>
public sealed class AppAccess(IServiceScopeFactory scopes, IMemoryCache cache)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);

    private sealed record Policy(bool Extended, string OwnerId, HashSet<string> Allowed);

    public async Task<bool> AllowsAsync(string clientId, string userId, CancellationToken ct)
    {
        var policy = await PolicyAsync(clientId, ct);
        // An OAuth client without Jukebox app settings (registered by hand) is not restricted.
        return policy is null || policy.Extended || policy.OwnerId == userId || policy.Allowed.Contains(userId);
    }

    /// <summary>Whether the app is in extended quota mode (an OAuth client without Jukebox app settings counts as one).</summary>
    public async Task<bool> IsExtendedAsync(string clientId, CancellationToken ct) =>
        await PolicyAsync(clientId, ct) is not { Extended: false };

    private async Task<Policy?> PolicyAsync(string clientId, CancellationToken ct) =>
        await cache.GetOrCreateAsync(("app-access", clientId), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<JukeboxDbContext>();
            var app = await db.DeveloperApps.AsNoTracking().Include(a => a.Users).FirstOrDefaultAsync(a => a.ClientId == clientId, ct);
            return app is null
                ? null
                : new Policy(app.QuotaMode == QuotaModes.Extended, app.OwnerId, app.Users.Select(u => u.UserId).ToHashSet(StringComparer.Ordinal));
        });

    public void Forget(string clientId) => cache.Remove(("app-access", clientId));
}
