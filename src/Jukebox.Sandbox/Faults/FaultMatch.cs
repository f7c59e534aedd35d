using System.Text.RegularExpressions;
using Jukebox.Data.Entities;

namespace Jukebox.Sandbox.Faults;

/// <summary>
/// Whether a rule matches a request. A path with a parameter ("{…}") is a route template, compared
/// with the route that served the request whatever its parameters are named ("/v1/tracks/{id}" matches
/// the route "/v1/tracks/{id}" and would match "/v1/tracks/{track_id}"); any other path is a prefix of the
/// request's path, ending at a segment's end ("/v1/me" matches "/v1/me" and "/v1/me/player", not "/v1/meow").
/// </summary>
public static partial class FaultMatch
{
    public static bool Matches(FaultRule rule, RequestFacts request, string? clientId, string? userId, DateTimeOffset now) =>
        (rule.ExpiresAt is not { } expires || expires > now)
        && (rule.ClientId is null || rule.ClientId == clientId)
        && (rule.UserId is null || rule.UserId == userId)
        && (rule.Method is null || string.Equals(rule.Method, request.Method, StringComparison.OrdinalIgnoreCase))
        && PathMatches(rule.Path, request);

    public static bool PathMatches(string rulePath, RequestFacts request)
    {
        if (rulePath.Contains('{', StringComparison.Ordinal))
        {
            return request.Route is { } route && string.Equals(Template(rulePath), Template(route), StringComparison.OrdinalIgnoreCase);
        }
        var prefix = rulePath.TrimEnd('/');
        var path = request.Path;
        return prefix.Length == 0
            || (path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && (path.Length == prefix.Length || path[prefix.Length] == '/'));
    }

    /// <summary>The template with its parameters unnamed and no trailing slash.</summary>
    private static string Template(string template) => Parameter().Replace(template, "{}").TrimEnd('/');

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Parameter();
}
