using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Jukebox.Api.Search;

/// <summary>
/// Turns a parsed <see cref="SearchQuery"/> into the Lucene query for one result type. Every clause
/// scores a constant, so the score says how a hit matched (which fields, an exact name) rather than
/// how often a word occurs; hits that match equally well are then ordered by popularity.
/// </summary>
internal static class SearchQueryCompiler
{
    /// <summary>A word found in the item's name counts this much more than one found in its artist, album or description.</summary>
    private const float NameBoost = 4f;
    private const float OtherBoost = 1f;

    /// <summary>An item whose whole name is the query comes before every other.</summary>
    private const float ExactBoost = 100f;

    /// <summary>The free-text fields of each type, the name first.</summary>
    private static readonly Dictionary<string, string[]> TextFields = new(StringComparer.Ordinal)
    {
        ["track"] = [SearchFields.Name, SearchFields.Artist, SearchFields.Album],
        ["album"] = [SearchFields.Name, SearchFields.Artist],
        ["artist"] = [SearchFields.Name],
        ["playlist"] = [SearchFields.Name, SearchFields.Other],
        ["show"] = [SearchFields.Name, SearchFields.Other],
        ["episode"] = [SearchFields.Name, SearchFields.Other],
        ["audiobook"] = [SearchFields.Name, SearchFields.Other],
    };

    /// <summary>The filter whose value is the name of items of the type (artist:… for artists, and so on).</summary>
    private static readonly Dictionary<string, string> OwnNameFilter = new(StringComparer.Ordinal)
    {
        ["track"] = "track", ["album"] = "album", ["artist"] = "artist",
    };

    /// <param name="today">tag:new means released in the two weeks up to this day.</param>
    /// <param name="hipsterPopularity">tag:hipster means an album popularity at or below this.</param>
    /// <returns>The query, or null when nothing of this type can match (only filters that do not apply to it).</returns>
    public static Query? Compile(SearchQuery query, string type, DateOnly today, int hipsterPopularity)
    {
        var context = new Context(type, today, hipsterPopularity);
        var result = new BooleanQuery(disableCoord: true);
        var positive = 0;
        foreach (var term in query.Required)
        {
            if (Compile(term, context) is { } clause)
            {
                result.Add(clause, Occur.MUST);
                positive++;
            }
        }
        if (positive == 0)
        {
            return null;
        }
        foreach (var term in query.Excluded)
        {
            if (Compile(term, context) is { } clause)
            {
                result.Add(clause, Occur.MUST_NOT);
            }
        }
        if (ExactName(query, type) is { Length: > 0 } exact)
        {
            result.Add(new ConstantScoreQuery(new TermQuery(new Term(SearchFields.Exact, exact))) { Boost = ExactBoost }, Occur.SHOULD);
        }
        return result;
    }

    private sealed record Context(string Type, DateOnly Today, int HipsterPopularity);

    /// <summary>The free text (or, without any, the value of the type's own name filter), folded.</summary>
    private static string ExactName(SearchQuery query, string type)
    {
        var text = query.Required.OfType<TextTerm>().Select(t => t.Text).ToList();
        if (text.Count == 0 && OwnNameFilter.TryGetValue(type, out var own))
        {
            text = [.. query.Required.OfType<FilterTerm>().Where(f => f.Field == own).Select(f => f.Value)];
        }
        return SearchAnalyzer.Exact(string.Join(' ', text));
    }

    private static Query? Compile(SearchTerm term, Context context) => term switch
    {
        TextTerm text => Text(text, context.Type),
        FilterTerm filter => Filter(filter, context),
        AnyOfTerm any => AnyOf(any, context),
        _ => null,
    };

    private static Query? AnyOf(AnyOfTerm any, Context context)
    {
        var options = any.Options.Select(o => Compile(o, context)).OfType<Query>().ToList();
        if (options.Count <= 1)
        {
            return options.FirstOrDefault();
        }
        var result = new BooleanQuery(disableCoord: true);
        foreach (var option in options)
        {
            result.Add(option, Occur.SHOULD);
        }
        return result;
    }

    /// <summary>Free text: the best field it matches in counts.</summary>
    private static Query? Text(TextTerm term, string type)
    {
        var words = SearchAnalyzer.Words(term.Text);
        if (words.Count == 0)
        {
            return null;
        }
        var fields = TextFields[type];
        var best = new DisjunctionMaxQuery(tieBreakerMultiplier: 0f);
        for (var i = 0; i < fields.Length; i++)
        {
            var match = term.Prefix && words.Count == 1
                ? new PrefixQuery(new Term(fields[i], words[0]))
                : Words(fields[i], words, phrase: true);
            best.Add(new ConstantScoreQuery(match) { Boost = i == 0 ? NameBoost : OtherBoost });
        }
        return best;
    }

    /// <summary>A filter, or null when it does not apply to the type (Spotify's table in the search reference).</summary>
    private static Query? Filter(FilterTerm filter, Context context)
    {
        var type = context.Type;
        Query? match = (filter.Field, type) switch
        {
            ("artist", "track" or "album") => Words(SearchFields.Artist, SearchAnalyzer.Words(filter.Value), filter.Quoted),
            ("artist", "artist") => Words(SearchFields.Name, SearchAnalyzer.Words(filter.Value), filter.Quoted),
            ("album", "album") => Words(SearchFields.Name, SearchAnalyzer.Words(filter.Value), filter.Quoted),
            ("album", "track") => Words(SearchFields.Album, SearchAnalyzer.Words(filter.Value), filter.Quoted),
            ("track", "track") => Words(SearchFields.Name, SearchAnalyzer.Words(filter.Value), filter.Quoted),
            ("year", "track" or "album" or "artist") => Year(filter.Value),
            ("genre", "track" or "artist") => Genre(filter.Value),
            ("isrc", "track") => new TermQuery(new Term(SearchFields.Isrc, filter.Value.ToLowerInvariant())),
            ("upc", "album") => new TermQuery(new Term(SearchFields.Upc, filter.Value.ToLowerInvariant())),
            ("tag", "album") => Tag(filter.Value, context),
            _ => null,
        };
        return match is null ? null : new ConstantScoreQuery(match) { Boost = OtherBoost };
    }

    /// <summary>All the words in the field; as a phrase (in order, adjacent) when asked or when one typed word made several.</summary>
    private static Query Words(string field, List<string> words, bool phrase)
    {
        if (words.Count == 0)
        {
            return new BooleanQuery(); // nothing to look for matches nothing
        }
        if (words.Count == 1)
        {
            return new TermQuery(new Term(field, words[0]));
        }
        if (phrase)
        {
            var query = new PhraseQuery();
            foreach (var word in words)
            {
                query.Add(new Term(field, word));
            }
            return query;
        }
        var all = new BooleanQuery(disableCoord: true);
        foreach (var word in words)
        {
            all.Add(new TermQuery(new Term(field, word)), Occur.MUST);
        }
        return all;
    }

    /// <summary><c>year:1984</c> or <c>year:1955-1960</c> (inclusive); anything else matches nothing.</summary>
    private static Query Year(string value)
    {
        var parts = value.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length is 1 or 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var from)
            && int.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var to))
        {
            return NumericRangeQuery.NewInt32Range(SearchFields.Year, Math.Min(from, to), Math.Max(from, to), true, true);
        }
        return new BooleanQuery();
    }

    /// <summary>Genres are single terms such as <c>hip-hop</c>; <c>genre:"hip hop"</c> finds it too.</summary>
    private static Query Genre(string value)
    {
        var genre = string.Join('-', value.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return new TermQuery(new Term(SearchFields.Genre, genre));
    }

    private static Query Tag(string value, Context context) => value.ToLowerInvariant() switch
    {
        "new" => NumericRangeQuery.NewInt32Range(SearchFields.Released, Day(context.Today.AddDays(-14)), Day(context.Today), true, true),
        "hipster" => NumericRangeQuery.NewInt32Range(SearchFields.Popularity, 0, context.HipsterPopularity, true, true),
        _ => new BooleanQuery(),
    };

    private static int Day(DateOnly date) => date.Year * 10_000 + date.Month * 100 + date.Day;
}
