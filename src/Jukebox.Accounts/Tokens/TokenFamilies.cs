using Jukebox.Accounts.Apps;
using Jukebox.Cluster;
using Microsoft.Extensions.Hosting;
using OpenIddict.Abstractions;

namespace Jukebox.Accounts.Tokens;

/// <summary>
/// Revokes token families: every token issued under one authorization (the code, the access and
/// refresh tokens it bought and those their refreshes bought). Each authorize request gets an
/// authorization of its own, so a family is exactly one code's descendants. The entries are revoked
/// in the database through OpenIddict, which the validation of a token no node has cached checks;
/// then every node drops the family's cached access tokens (this one at once, the others through
/// the cluster bus; after messages may have been lost they drop all they cached).
/// </summary>
public sealed class TokenFamilies : IHostedService, IDisposable
{
    private readonly IValidatedTokens _validated;
    private readonly IClusterBus _bus;
    private readonly IDisposable[] _subscriptions;

    public TokenFamilies(IValidatedTokens validated, IClusterBus bus)
    {
        _validated = validated;
        _bus = bus;
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
                return Task.CompletedTask;
            }),
        ];
    }

    public async Task RevokeAsync(IOpenIddictTokenManager tokens, string authorizationId, CancellationToken ct)
    {
        await tokens.RevokeByAuthorizationIdAsync(authorizationId, ct);
        _validated.EvictFamily(authorizationId);
        _bus.Publish(ClusterTopics.TokenFamily, authorizationId);
    }

    // A hosted service only to be made when the node starts, so that it hears revocations from the
    // first request on.
    Task IHostedService.StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    Task IHostedService.StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }
    }
}
