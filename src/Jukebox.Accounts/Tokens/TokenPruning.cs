using Jukebox.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;

namespace Jukebox.Accounts.Tokens;

/// <summary>
/// Deletes the token rows nobody can use any more, once an hour on the server's clock: OpenIddict's
/// own pruning (<see cref="IOpenIddictTokenManager.PruneAsync"/>) of the rows made more than
/// <see cref="AccountsOptions.PruneTokensAfter"/> ago that have expired, were redeemed or revoked, or
/// whose authorization is no longer valid. Without it every user token, code and refresh leaves a row
/// for good (client-credentials tokens have none, see <see cref="FamilylessAccessTokens"/>).
/// </summary>
/// <remarks>
/// The retention is also how far back a replayed refresh token is recognised: once its row is gone, a
/// replay is refused as an unknown token (<c>invalid_grant</c>) without revoking its family. Valid
/// refresh tokens are never pruned before they expire. Authorization rows are kept: there is one per
/// consent, not per token, and a node that starts reads revoked families from their tokens
/// (<see cref="TokenFamilies"/>). Every node prunes; the deletes are idempotent.
/// </remarks>
public sealed class TokenPruning(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<AccountsOptions> options, DatabaseOutages outages, ILogger<TokenPruning> logger)
    : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await PruneAsync(stoppingToken);
        }
    }

    /// <summary>Prunes once; returns how many rows went (0 when the database could not be reached).</summary>
    public async Task<long> PruneAsync(CancellationToken ct)
    {
        var threshold = clock.GetUtcNow() - options.Value.PruneTokensAfter;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var pruned = await scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>().PruneAsync(threshold, ct);
            if (pruned > 0)
            {
                logger.LogInformation("Pruned {Count} token rows made before {Threshold:u} that can no longer be used.", pruned, threshold);
            }
            return pruned;
        }
        catch (Exception e) when (outages.Recognize(e))
        {
            logger.LogWarning("Could not prune token rows, the database is unavailable ({Cause}); trying again in {Every}.",
                DatabaseOutages.Describe(e), Every);
            return 0;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A failed pruning must not stop the server; the next one tries again.
            logger.LogError(e, "Pruning token rows failed; trying again in {Every}.", Every);
            return 0;
        }
    }
}
