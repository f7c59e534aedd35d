using System.Security.Cryptography;
using Jukebox.Sandbox;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;

namespace Jukebox.Web.Pages.Dashboard;

/// <summary>
/// How a person gives the dashboard the admin key once: with <c>Sandbox:AdminKey</c> set, the
/// dashboard's sandbox controls (the sandbox page, an app's faults) stay locked until the key is
/// entered on the sandbox page. The key is then kept in a browser-session cookie, encrypted and signed
/// with ASP.NET Core Data Protection, and checked against the current key on every request, so a
/// changed key locks the dashboard again.
/// </summary>
public sealed class SandboxKeyCookie(SandboxGuard guard, IDataProtectionProvider protection)
{
    public const string Name = "jukebox_sandbox_key";

    private readonly IDataProtector _protector = protection.CreateProtector("Jukebox.Dashboard.SandboxKey");

    /// <summary>Whether the request may use the dashboard's sandbox controls: no key is set, or its cookie holds the key.</summary>
    public bool Unlocks(HttpRequest request) =>
        !guard.RequiresKey || request.Cookies[Name] is { Length: > 0 } value && guard.IsAdminKey(Unprotect(value));

    /// <summary>Keeps <paramref name="key"/> for the browser session when it is the admin key; false otherwise.</summary>
    public bool TryUnlock(string? key, HttpRequest request, HttpResponse response)
    {
        if (!guard.IsAdminKey(key))
        {
            return false;
        }
        response.Cookies.Append(Name, _protector.Protect(key!), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = request.IsHttps,
            Path = "/dashboard",
            IsEssential = true,
        });
        return true;
    }

    private string? Unprotect(string value)
    {
        try
        {
            return _protector.Unprotect(value);
        }
        catch (CryptographicException)
        {
            // Made with a key ring this server no longer has, or not made by it at all.
            return null;
        }
    }
}
