using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Jukebox.Accounts.Tokens;

/// <summary>
/// A code or rotating refresh token presented after it was redeemed has been replayed, by an attacker
/// or by a client that leaked it: its whole family is revoked (RFC 6749 §4.1.2, RFC 9700 §4.14.2),
/// access tokens included, on every node (<see cref="TokenFamilies"/>). Runs just before OpenIddict's
/// own token entry check, which would revoke the family's database entries too but cannot tell the
/// nodes' caches, and which lets a redeemed refresh token through within its reuse leeway.
/// </summary>
public sealed class RevokeReplayedFamilies(IOpenIddictTokenManager tokens, TokenFamilies families) : IOpenIddictServerHandler<ValidateTokenContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
            .AddFilter<OpenIddictServerHandlerFilters.RequireDegradedModeDisabled>()
            .AddFilter<OpenIddictServerHandlerFilters.RequireTokenStorageEnabled>()
            .AddFilter<OpenIddictServerHandlerFilters.RequireTokenIdResolved>()
            .UseScopedHandler<RevokeReplayedFamilies>()
            .SetOrder(OpenIddictServerHandlers.Protection.ValidateTokenEntry.Descriptor.Order - 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ValidateTokenContext context)
    {
        var type = context.Principal?.GetTokenType();
        if (type is not (TokenTypeIdentifiers.Private.AuthorizationCode or TokenTypeIdentifiers.RefreshToken) ||
            await tokens.FindByIdAsync(context.TokenId!) is not { } token ||
            !await tokens.HasStatusAsync(token, Statuses.Redeemed))
        {
            return;
        }
        if (!string.IsNullOrEmpty(context.AuthorizationId))
        {
            await families.RevokeAsync(tokens, context.AuthorizationId, context.CancellationToken);
        }
        context.Reject(
            error: Errors.InvalidGrant,
            description: type == TokenTypeIdentifiers.Private.AuthorizationCode ? "Invalid authorization code" : "Invalid refresh token");
    }
}
