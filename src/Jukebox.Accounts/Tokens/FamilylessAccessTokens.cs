using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Jukebox.Accounts.Tokens;

/// <summary>
/// An access token outside any authorization (client credentials: an app acting for itself) gets no
/// database entry. Access tokens are validated without reading their entry, and the one use of an
/// access token's entry is to revoke it with its family (<see cref="TokenFamilies"/>), which such a
/// token does not have; its app's deletion refuses it through <c>AppAccess</c>. OpenIddict would
/// otherwise write one row per token request, which was the largest share of the endpoint's cost and
/// grew the table without bound. Tokens of an authorization (user tokens, codes, refresh tokens)
/// keep their entries.
/// </summary>
public sealed class FamilylessAccessTokens : IOpenIddictServerHandler<GenerateTokenContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<GenerateTokenContext>()
            .UseSingletonHandler<FamilylessAccessTokens>()
            .SetOrder(OpenIddictServerHandlers.Protection.CreateTokenEntry.Descriptor.Order - 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(GenerateTokenContext context)
    {
        if (context.TokenType == TokenTypeIdentifiers.AccessToken && string.IsNullOrEmpty(context.Principal?.GetAuthorizationId()))
        {
            context.CreateTokenEntry = false;
        }
        return ValueTask.CompletedTask;
    }
}
