using Jukebox.Accounts.Tokens;
using Jukebox.Data;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Jukebox.Sandbox;

/// <summary>
/// The sandbox grant at /api/token: a user token for any user, with the scopes asked for, without a
/// browser. Only while the sandbox is enabled, and only for the requests <see cref="SandboxGrantGuard"/>
/// lets through.
/// </summary>
public sealed class SandboxUserGrant(JukeboxDbContext db, IOptions<SandboxOptions> options) : IExtensionGrant
{
    public const string Type = "urn:jukebox:params:oauth:grant-type:sandbox-user";

    public string GrantType => Type;

    public bool IsEnabled => options.Value.Enabled;

    public async ValueTask<ExtensionGrantResult> IssueAsync(OpenIddictRequest request, CancellationToken ct)
    {
        var user = await db.Users.FindAsync([request.GetParameter("user_id")?.ToString()], ct);
        return user is null
            ? ExtensionGrantResult.Reject(Errors.InvalidGrant, "Unknown user_id")
            : new ExtensionGrantResult(UserPrincipals.Create(user, request.ClientId!, request.GetScopes(), pkce: false));
    }
}
