using System.Globalization;
using System.Security.Cryptography;
using Jukebox.Api.Http;
using Jukebox.Data;

namespace Jukebox.Sandbox.Catalog;

/// <summary>
/// The checks every fixture field gets, each refusing with a 400 that names the field, and the
/// defaults of the fields left out: popularity 0, no genres, every market, a generated id, ISRC or UPC.
/// </summary>
internal static class FixtureRules
{
    /// <summary>As long as the database keeps a name (or a label).</summary>
    public const int MaxNameLength = 512;

    public static SpotifyException Invalid(string message) => SpotifyException.BadRequest(message);

    /// <summary>The given id (22 base62 characters), or a new random one.</summary>
    public static string IdOrNew(string? id) => id is null ? Base62.RandomId() : RequireId(id);

    public static string RequireId(string id) => SpotifyIds.IsValid(id) ? id : throw Invalid(SpotifyErrors.InvalidId);

    /// <summary>A PUT's body may repeat the path's id, not name another.</summary>
    public static void SameId(string? bodyId, string pathId)
    {
        if (bodyId is not null && bodyId != pathId)
        {
            throw Invalid("The id in the body is not the id in the path");
        }
    }

    public static void TypeIs(string? type, string expected)
    {
        if (type is not null && type != expected)
        {
            throw Invalid($"type must be {expected}");
        }
    }

    public static string Name(string? name, string field = "name")
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw Invalid($"{field} is required");
        }
        return name.Length <= MaxNameLength ? name : throw Invalid($"{field} is longer than {MaxNameLength} characters");
    }

    public static int Popularity(int? popularity) =>
        popularity is null or (>= 0 and <= 100) ? popularity ?? 0 : throw Invalid("popularity must be 0 to 100");

    public static List<string> Genres(IReadOnlyList<string?>? genres) =>
        genres is null ? [] : [.. genres.Select(g => string.IsNullOrWhiteSpace(g) ? throw Invalid("genres must be non-empty strings") : g!)];

    /// <summary>ISO 3166-1 alpha-2 codes of markets the service knows, each once; every market when left out.</summary>
    public static List<string> Markets(IReadOnlyList<string?>? markets)
    {
        if (markets is null)
        {
            return [.. Data.Markets.All];
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var code in markets)
        {
            if (code is null || !Data.Markets.IsKnown(code))
            {
                throw Invalid($"{SpotifyErrors.InvalidMarket} in available_markets: {code ?? "null"}");
            }
            if (!seen.Add(code))
            {
                throw Invalid($"available_markets names {code} twice");
            }
        }
        return [.. markets.Select(c => c!)];
    }

    /// <summary>Ids of related objects: at least one, each valid and named once.</summary>
    public static List<string> Ids(IReadOnlyList<IdFixture?>? related, string field)
    {
        if (related is null || related.Count == 0)
        {
            throw Invalid($"{field} must name at least one {field.TrimEnd('s')} by id");
        }
        var ids = new List<string>(related.Count);
        foreach (var item in related)
        {
            var id = item?.Id ?? throw Invalid($"Every one of {field} needs an id");
            if (ids.Contains(id))
            {
                throw Invalid($"{field} names {id} twice");
            }
            ids.Add(RequireId(id));
        }
        return ids;
    }

    public static int AtLeast(int? value, int minimum, int fallback, string field) =>
        value is null ? fallback : value >= minimum ? value.Value : throw Invalid($"{field} must be {minimum} or more");

    public static string? Url(string? url, string field) =>
        url is null || (Uri.TryCreate(url, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https")
            ? url
            : throw Invalid($"{field} must be an absolute http or https URL");

    /// <summary>The International Standard Recording Code: 12 letters and digits (e.g. USRC17607839).</summary>
    public static string Isrc(string? isrc)
    {
        if (isrc is null)
        {
            // ZZ is no country, so a generated code never looks like a real recording's.
            return "ZZJBX" + RandomNumberGenerator.GetInt32(10_000_000).ToString("D7", CultureInfo.InvariantCulture);
        }
        return isrc.Length == 12 && isrc.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c))
            ? isrc
            : throw Invalid("external_ids.isrc must be 12 upper-case letters and digits");
    }

    public static string Upc(string? upc) =>
        upc is null ? "0" + RandomNumberGenerator.GetInt32(100_000_000).ToString("D11", CultureInfo.InvariantCulture)
        : upc.Length is >= 12 and <= 14 && upc.All(char.IsAsciiDigit) ? upc
        : throw Invalid("external_ids.upc must be 12 to 14 digits");

    public static string? Ean(string? ean) =>
        ean is null || (ean.Length == 13 && ean.All(char.IsAsciiDigit)) ? ean : throw Invalid("external_ids.ean must be 13 digits");

    /// <summary>
    /// A release date and its precision (year, month or day), the precision read from the date's form
    /// when left out; today (the server clock's) when both are.
    /// </summary>
    public static (string Date, string Precision) ReleaseDate(string? date, string? precision, DateTimeOffset now)
    {
        if (date is null)
        {
            return precision is null
                ? (now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "day")
                : throw Invalid("release_date_precision needs a release_date");
        }
        var formats = new (string Format, string Precision)[] { ("yyyy", "year"), ("yyyy-MM", "month"), ("yyyy-MM-dd", "day") };
        var (_, found) = formats.FirstOrDefault(f => DateTime.TryParseExact(date, f.Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out _));
        if (found is null)
        {
            throw Invalid("release_date must be YYYY, YYYY-MM or YYYY-MM-DD");
        }
        return precision is null || precision == found
            ? (date, found)
            : throw Invalid($"release_date_precision must be {found} for release_date {date}");
    }
}
