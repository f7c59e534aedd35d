using Microsoft.AspNetCore;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Jukebox.Sandbox;

/// <summary>
/// Puts the sandbox grant at /api/token behind <see cref="SandboxGuard"/>, as the /sandbox API is.
/// It runs once OpenIddict has authenticated the client, so the refusal is RFC 6749's
/// unauthorized_client ("the authenticated client is not authorized to use this authorization grant
/// type"), with status 400 like every token error Spotify answers.
/// </summary>
public sealed class SandboxGrantGuard(SandboxGuard guard) : IOpenIddictServerHandler<ValidateTokenRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenRequestContext>()
            .UseSingletonHandler<SandboxGrantGuard>()
            .SetOrder(OpenIddictServerHandlers.Exchange.ValidateAuthentication.Descriptor.Order + 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ValidateTokenRequestContext context)
    {
        if (context.Request.GrantType != SandboxUserGrant.Type || context.Transaction.GetHttpRequest() is not { } request)
        {
            return ValueTask.CompletedTask;
        }
        switch (guard.Check(request))
        {
            case SandboxRefusal.Disabled:
                context.Reject(error: Errors.UnsupportedGrantType, description: "grant_type parameter is invalid");
                break;
            case SandboxRefusal.CrossOrigin:
                context.Reject(error: Errors.UnauthorizedClient, description: SandboxGuard.CrossOriginMessage);
                break;
            case SandboxRefusal.InvalidAdminKey:
                context.Reject(error: Errors.UnauthorizedClient, description: SandboxGuard.InvalidAdminKeyMessage);
                break;
        }
        return ValueTask.CompletedTask;
    }
}
