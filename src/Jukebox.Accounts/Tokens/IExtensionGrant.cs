using System.Security.Claims;
using OpenIddict.Abstractions;

namespace Jukebox.Accounts.Tokens;

/// <summary>
/// A grant type of our own at /api/token (RFC 6749 §4.5), such as the sandbox's user grant. OpenIddict
/// has authenticated the client when it is asked; it names the principal to issue tokens for.
/// </summary>
public interface IExtensionGrant
{
    /// <summary>The absolute URI of the grant type.</summary>
    string GrantType { get; }

    /// <summary>Whether the grant may be used now (a disabled grant answers unsupported_grant_type).</summary>
    bool IsEnabled { get; }

    ValueTask<ExtensionGrantResult> IssueAsync(OpenIddictRequest request, CancellationToken ct);
}

/// <summary>Either the principal to issue tokens for, or an OAuth error and its description.</summary>
public sealed record ExtensionGrantResult(ClaimsPrincipal? Principal, string? Error = null, string? Description = null)
{
    public static ExtensionGrantResult Reject(string error, string description) => new(null, error, description);
}
