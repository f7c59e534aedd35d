using Jukebox.Data;

namespace Jukebox.Api.Http;

/// <summary>Spotify ids (22 base62 characters) and URIs (<c>spotify:{type}:{id}</c>).</summary>
public static class SpotifyIds
{
    public const int Length = Base62.IdLength;

    public static bool IsValid(ReadOnlySpan<char> id) => Base62.IsId(id);

    /// <summary>The id of a path segment, or a 400 with Spotify's message when it is not base62.</summary>
    public static string Require(string id) =>
        IsValid(id) ? id : throw SpotifyException.BadRequest(SpotifyErrors.InvalidId);

    /// <summary>
    /// Parses the comma-separated <c>ids</c> of a multi-get: 400 when missing, malformed or over
    /// <paramref name="max"/>.
    /// </summary>
    public static IReadOnlyList<string> RequireList(string? ids, int max)
    {
        if (string.IsNullOrWhiteSpace(ids))
        {
            throw SpotifyException.BadRequest("invalid id");
        }
        var parts = ids.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length > max)
        {
            throw SpotifyException.BadRequest(SpotifyErrors.TooManyIds);
        }
        foreach (var part in parts)
        {
            Require(part);
        }
        return parts;
    }

    public static string Uri(string type, string id) => $"spotify:{type}:{id}";

    private static readonly Link.Prefixes UriPrefixes = new(type => $"spotify:{type}:");

    /// <summary><see cref="Uri"/> as a <see cref="Link"/>, for the objects a response is built of.</summary>
    public static Link UriLink(string type, string id) => new(UriPrefixes.For(type), id);

    /// <summary>Splits <c>spotify:{type}:{id}</c>; false for anything else, including a bad id.</summary>
    public static bool TryParseUri(string? uri, out string type, out string id)
    {
        type = id = "";
        if (uri is null)
        {
            return false;
        }
        var parts = uri.Split(':');
        if (parts is not ["spotify", var t, var i] || t.Length == 0 || !IsValid(i))
        {
            return false;
        }
        (type, id) = (t, i);
        return true;
    }
}
