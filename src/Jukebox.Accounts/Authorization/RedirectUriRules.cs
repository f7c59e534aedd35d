namespace Jukebox.Accounts.Authorization;

/// <summary>
/// The Redirect URIs concept page as code: exact matching; https unless the host is a loopback IP
/// literal (http://127.0.0.1 or http://[::1]); "localhost" never; and a loopback URI registered
/// without a port matches that URI with any port (RFC 8252 §7.3).
/// </summary>
public static class RedirectUriRules
{
    /// <summary>Why <paramref name="uri"/> cannot be registered or used, or null when it can.</summary>
    public static string? Problem(string uri)
    {
        // On Unix, "/callback" parses as an absolute file: URI; a redirect URI names its scheme.
        if (!uri.Contains("://", StringComparison.Ordinal) || !Uri.TryCreate(uri, UriKind.Absolute, out var parsed))
        {
            return "The redirect URI must be an absolute URI.";
        }
        if (parsed.Scheme is "file" or "javascript" or "data")
        {
            return "The redirect URI's scheme is not allowed.";
        }
        if (!string.IsNullOrEmpty(parsed.Fragment))
        {
            return "The redirect URI must not contain a fragment.";
        }
        if (parsed.Scheme is not ("http" or "https"))
        {
            // Custom schemes of mobile and desktop apps (my-app://callback) are allowed.
            return null;
        }
        if (string.Equals(parsed.Host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return "localhost is not allowed as redirect URI; use http://127.0.0.1 or http://[::1].";
        }
        if (parsed.Scheme == "http" && !IsLoopbackLiteral(parsed))
        {
            return "The redirect URI must use https unless it is a loopback address (http://127.0.0.1 or http://[::1]).";
        }
        return null;
    }

    /// <summary>Whether a request's <paramref name="requested"/> URI is allowed by the <paramref name="registered"/> one.</summary>
    public static bool Matches(string registered, string requested)
    {
        if (string.Equals(registered, requested, StringComparison.Ordinal))
        {
            return true;
        }
        if (!Uri.TryCreate(registered, UriKind.Absolute, out var reg) || !Uri.TryCreate(requested, UriKind.Absolute, out var req))
        {
            return false;
        }
        // Only a loopback literal registered without a port accepts a port chosen at run time.
        return reg.Scheme == "http" && IsLoopbackLiteral(reg) && !HasExplicitPort(registered) &&
               req.Scheme == "http" && string.Equals(reg.Host, req.Host, StringComparison.OrdinalIgnoreCase) &&
               string.Equals(reg.PathAndQuery, req.PathAndQuery, StringComparison.Ordinal) &&
               HasExplicitPort(requested) && Problem(requested) is null;
    }

    public static bool IsAllowed(IEnumerable<string> registered, string requested) =>
        Problem(requested) is null && registered.Any(r => Matches(r, requested));

    private static bool IsLoopbackLiteral(Uri uri) => uri.HostNameType switch
    {
        UriHostNameType.IPv4 => uri.Host == "127.0.0.1",
        UriHostNameType.IPv6 => uri.Host == "[::1]",
        _ => false,
    };

    private static bool HasExplicitPort(string uri)
    {
        // Uri.Port reports the scheme's default port when none is written, so look at the authority text.
        var authorityStart = uri.IndexOf("://", StringComparison.Ordinal) + 3;
        var authorityEnd = uri.IndexOfAny(['/', '?', '#'], authorityStart);
        var authority = authorityEnd < 0 ? uri[authorityStart..] : uri[authorityStart..authorityEnd];
        var afterHost = authority.StartsWith('[') ? authority[(authority.IndexOf(']') + 1)..] : authority;
        return afterHost.Contains(':');
    }
}
