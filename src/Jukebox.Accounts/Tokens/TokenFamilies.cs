using Jukebox.Accounts.Apps;
using Jukebox.Cluster;
using Jukebox.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.EntityFrameworkCore.Models;

namespace Jukebox.Accounts.Tokens;

/// <summary>
/// Revokes token families: every token issued under one authorization (the code, the access and
/// refresh tokens it bought and those their refreshes bought). Each authorize request gets an
/// authorization of its own, so a family is exactly one code's descendants. The entries are revoked
/// in the database through OpenIddict, which the validation of a token no node has cached checks;
/// then every node drops the family's cached access tokens (this one at once, the others through
/// the cluster bus; after messages may have been lost they drop all they cached). A node also reads
/// the families revoked while it was not listening (when it starts, and after lost messages), so that
/// it refuses their access tokens, which need no database to validate, as every other node does.
/// </summary>
public sealed class TokenFamilies : IHostedService, IDisposable
{
    private readonly IValidatedTokens _validated;
    private readonly IClusterBus _bus;
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;
    private readonly ILogger<TokenFamilies> _logger;
    private readonly IDisposable[] _subscriptions;

    public TokenFamilies(IValidatedTokens validated, IClusterBus bus, IServiceScopeFactory scopes, TimeProvider clock, ILogger<TokenFamilies> logger)
    {
        _validated = validated;
        _bus = bus;
        _scopes = scopes;
        _clock = clock;
        _logger = logger;
        _subscriptions =
        [
            bus.Subscribe(ClusterTopics.TokenFamily, authorizationId =>
            {
                validated.EvictFamily(authorizationId);
                return Task.CompletedTask;
            }),
            bus.OnResync(() =>
            {
                validated.EvictAll();
                return ReadRevokedFamiliesAsync(CancellationToken.None);
            }),
        ];
    }

    public async Task RevokeAsync(IOpenIddictTokenManager tokens, string authorizationId, CancellationToken ct)
    {
        await tokens.RevokeByAuthorizationIdAsync(authorizationId, ct);
        _validated.EvictFamily(authorizationId);
        _bus.Publish(ClusterTopics.TokenFamily, authorizationId);
    }

    /// <summary>Marks, on this node, every family with a revoked token that has not expired yet.</summary>
    public async Task ReadRevokedFamiliesAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<JukeboxDbContext>();
            var now = _clock.GetUtcNow().UtcDateTime;
            var families = await db.Set<OpenIddictEntityFrameworkCoreToken>().AsNoTracking()
                .Where(t => t.Status == OpenIddictConstants.Statuses.Revoked && t.ExpirationDate > now && t.Authorization != null)
                .Select(t => t.Authorization!.Id!)
                .Distinct()
                .ToListAsync(ct);
            foreach (var authorizationId in families)
            {
                _validated.EvictFamily(authorizationId);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The node serves on; it hears the revocations made from now on through the cluster bus.
            _logger.LogWarning(e, "Could not read the revoked token families.");
        }
    }

    // Made when the node starts, so that it hears revocations from the first request on, and reads
    // those made before it started.
    Task IHostedService.StartAsync(CancellationToken cancellationToken) => ReadRevokedFamiliesAsync(cancellationToken);

    Task IHostedService.StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }
    }
}
