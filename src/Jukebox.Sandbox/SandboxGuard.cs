using System.Security.Cryptography;
using System.Text;
using Jukebox.Api.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Jukebox.Sandbox;

/// <summary>Why a sandbox call (the /sandbox API or the sandbox grant) is refused.</summary>
public enum SandboxRefusal
{
    /// <summary>Sandbox:Enabled is false: the sandbox does not exist.</summary>
    Disabled,

    /// <summary>A browser page of another origin made the call.</summary>
    CrossOrigin,

    /// <summary>Sandbox:AdminKey is set and the request did not send it.</summary>
    InvalidAdminKey,
}

/// <summary>
/// The one decision whether a request may use the sandbox, for its API and its grant alike: the
/// sandbox is enabled, the request comes from no browser page of another origin, and it carries
/// the admin key when one is set.
/// </summary>
/// <remarks>
/// The demo app's credentials are public and the Web API answers CORS for any origin, so without the
/// origin check any web page could create users and mint tokens on a Jukebox running on the visitor's
/// machine. Browsers send Origin on every cross-origin request that could change something (and on
/// every POST), and Sec-Fetch-Site where they support it; clients that are not browsers send neither.
/// </remarks>
public sealed class SandboxGuard(IOptions<SandboxOptions> options, PublicUrls urls)
{
    public const string AdminKeyHeader = "X-Jukebox-Admin-Key";

    public const string CrossOriginMessage = "Cross-origin sandbox requests are not allowed";

    public const string InvalidAdminKeyMessage = "Invalid admin key";

    private readonly string _publicOrigin = OriginOf(urls.Base);

    /// <summary>Whether the sandbox exists on this server (Sandbox:Enabled).</summary>
    public bool IsEnabled => options.Value.Enabled;

    /// <summary>Whether sandbox calls must carry the admin key (Sandbox:AdminKey is set).</summary>
    public bool RequiresKey => options.Value.AdminKey.Length > 0;

    /// <summary>Null when the request may use the sandbox, else why not.</summary>
    public SandboxRefusal? Check(HttpRequest request)
    {
        var sandbox = options.Value;
        if (!sandbox.Enabled)
        {
            return SandboxRefusal.Disabled;
        }
        if (IsCrossOrigin(request))
        {
            return SandboxRefusal.CrossOrigin;
        }
        if (sandbox.AdminKey.Length > 0 && !HasKey(request))
        {
            return SandboxRefusal.InvalidAdminKey;
        }
        return null;
    }

    /// <summary>Whether a browser page of another origin made the request.</summary>
    public bool IsCrossOrigin(HttpRequest request)
    {
        // "same-site" is another origin too (e.g. another port of 127.0.0.1); "same-origin" and "none"
        // (typed into the address bar) are not.
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Equals("cross-site", StringComparison.OrdinalIgnoreCase) || site.Equals("same-site", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        if (!request.Headers.TryGetValue("Origin", out var origins))
        {
            return false;
        }
        // Several Origin headers, or "null" (sandboxed frames, file: pages), are never this server.
        if (origins.Count != 1 || origins[0] is not { Length: > 0 } origin)
        {
            return true;
        }
        var own = $"{request.Scheme}://{request.Host.Value}";
        return !origin.Equals(own, StringComparison.OrdinalIgnoreCase) && !origin.Equals(_publicOrigin, StringComparison.OrdinalIgnoreCase);
    }

    private bool HasKey(HttpRequest request)
    {
        var sent = request.Headers[AdminKeyHeader];
        return sent.Count == 1 && IsAdminKey(sent[0]);
    }

    /// <summary>Whether <paramref name="key"/> is the admin key (false when none is set), compared in constant time.</summary>
    public bool IsAdminKey(string? key) =>
        key is not null && options.Value.AdminKey is { Length: > 0 } adminKey &&
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(adminKey));

    private static string OriginOf(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : "";
}
