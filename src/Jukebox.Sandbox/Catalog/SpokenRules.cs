using System.Net;
using System.Text.RegularExpressions;

namespace Jukebox.Sandbox.Catalog;

/// <summary>
/// The checks and defaults of the fields shows, episodes, audiobooks and chapters have and music has
/// not: descriptions, languages, media types, their one copyright, durations.
/// </summary>
internal static partial class SpokenRules
{
    /// <summary>What a show or an audiobook speaks when the body does not say.</summary>
    public static readonly IReadOnlyList<string> DefaultLanguages = ["en"];

    private static readonly string[] MediaTypes = ["audio", "video", "mixed"];

    /// <summary>The description (empty when left out) and its HTML (the description escaped, in a paragraph, when left out).</summary>
    public static (string Text, string Html) Description(string? description, string? html)
    {
        var text = description ?? "";
        return (text, html ?? (text.Length == 0 ? "" : $"<p>{WebUtility.HtmlEncode(text)}</p>"));
    }

    /// <summary>ISO 639 codes, optionally with a region (en, en-US), each once; <paramref name="fallback"/> when left out.</summary>
    public static List<string> Languages(IReadOnlyList<string?>? languages, IReadOnlyList<string> fallback)
    {
        if (languages is null)
        {
            return [.. fallback];
        }
        var seen = new List<string>(languages.Count);
        foreach (var code in languages)
        {
            if (code is null || !LanguageCode().IsMatch(code))
            {
                throw FixtureRules.Invalid($"languages must be language codes such as en or en-US, not {code ?? "null"}");
            }
            if (seen.Contains(code))
            {
                throw FixtureRules.Invalid($"languages names {code} twice");
            }
            seen.Add(code);
        }
        return seen;
    }

    public static string MediaType(string? mediaType) =>
        mediaType is null ? "audio" : MediaTypes.Contains(mediaType) ? mediaType : throw FixtureRules.Invalid("media_type must be audio, video or mixed");

    /// <summary>The text of the one copyright (type C) a show or an audiobook lists; empty when none is given.</summary>
    public static string Copyright(IReadOnlyList<CopyrightFixture?>? copyrights)
    {
        if (copyrights is null || copyrights.Count == 0)
        {
            return "";
        }
        if (copyrights.Count > 1 || copyrights[0]?.Type is not (null or "C"))
        {
            throw FixtureRules.Invalid("copyrights may hold one, of type C");
        }
        return copyrights[0]!.Text ?? throw FixtureRules.Invalid("copyrights need a text");
    }

    public static string Publisher(string? publisher) => publisher is null or "" ? "" : FixtureRules.Name(publisher, "publisher");

    public static int DurationMs(int? duration) =>
        duration is null ? throw FixtureRules.Invalid("duration_ms is required")
        : duration > 0 ? duration.Value : throw FixtureRules.Invalid("duration_ms must be more than zero");

    /// <summary>Names of authors or narrators, each non-empty.</summary>
    public static List<string> People(IReadOnlyList<PersonFixture?>? people, string field) =>
        people is null ? [] : [.. people.Select(p => string.IsNullOrWhiteSpace(p?.Name) ? throw FixtureRules.Invalid($"Every one of {field} needs a name") : p.Name)];

    [GeneratedRegex("^[a-z]{2,3}(-[A-Za-z0-9]{2,4})?$")]
    private static partial Regex LanguageCode();
}
