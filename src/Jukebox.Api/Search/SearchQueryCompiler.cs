using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Jukebox.Api.Search;

/// <summary>
/// A query for one type: <paramref name="Query"/> matches and scores every hit; <paramref name="Plan"/>,
/// when not null, says the same in terms of bit sets (see <see cref="SearchPlan"/>).
/// </summary>
internal sealed record CompiledQuery(Query Query, SearchPlan? Plan);

/// <summary>
/// The hits of a query as set operations on the documents of simple queries (words, phrases, filters).
/// The hits are those matching one of the levels of every <see cref="Required"/> clause and none of
/// <see cref="Excluded"/>. <see cref="Tiers"/> split them by score, best first: each tier holds the
/// hits matching one of its combinations (and none of <see cref="Excluded"/>).
/// </summary>
internal sealed record SearchPlan(
    IReadOnlyList<IReadOnlyList<Level>> Tiers, IReadOnlyList<IReadOnlyList<Level>> Required, IReadOnlyList<Query> Excluded);

/// <summary>
/// One way a clause (or several) can match, and what it then adds to the score: a document is at this
/// level when it matches every query of <paramref name="Include"/> and none of <paramref name="Exclude"/>.
/// </summary>
internal sealed record Level(float Score, IReadOnlyList<Query> Include, IReadOnlyList<Query> Exclude)
{
    public Level And(Level other) => new(Score + other.Score, [.. Include, .. other.Include], [.. Exclude, .. other.Exclude]);
}

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
    public static CompiledQuery? Compile(SearchQuery query, string type, DateOnly today, int hipsterPopularity)
    {
        var context = new Context(type, today, hipsterPopularity);
        var result = new BooleanQuery(disableCoord: true);
        var units = new List<List<Level>?>();
        foreach (var term in query.Required)
        {
            if (Compile(term, context) is { } clause)
            {
                result.Add(clause.Query, Occur.MUST);
                units.Add(clause.Levels);
            }
        }
        var required = units.Count;
        if (units.Count == 0)
        {
            return null;
        }
        var excluded = new List<Query>();
        foreach (var term in query.Excluded)
        {
            if (Compile(term, context) is { } clause)
            {
                result.Add(clause.Query, Occur.MUST_NOT);
                excluded.Add(clause.Query);
            }
        }
        if (ExactName(query, type) is { Length: > 0 } exact)
        {
            var match = new TermQuery(new Term(SearchFields.Exact, exact));
            result.Add(new ConstantScoreQuery(match) { Boost = ExactBoost }, Occur.SHOULD);
            units.Add([new Level(ExactBoost, [match], []), new Level(0, [], [match])]);
        }
        var tiers = Tiers(units);
        return new CompiledQuery(result, tiers is null ? null : new SearchPlan(tiers, [.. units.Take(required).Select(l => (IReadOnlyList<Level>)l!)], excluded));
    }

    /// <summary>
    /// The score of a hit is the sum of what each clause gives it, and each clause gives one of a few
    /// constants (its levels), so the hits fall into a few classes by score: the tiers, best first,
    /// each the combinations of levels that add up to its score. The first page is then the first
    /// documents of the first tiers in index order, without scoring or sorting every hit.
    /// Null when the clauses have too many combinations to be worth splitting (or cannot be split).
    /// </summary>
    private static List<IReadOnlyList<Level>>? Tiers(List<List<Level>?> units)
    {
        List<Level> combinations = [new Level(0, [], [])];
        foreach (var levels in units)
        {
            if (levels is null || combinations.Count * levels.Count > MaxCombinations)
            {
                return null;
            }
            combinations = [.. combinations.SelectMany(c => levels.Select(c.And))];
        }
        return [.. combinations.GroupBy(c => c.Score).OrderByDescending(g => g.Key).Select(g => (IReadOnlyList<Level>)[.. g])];
    }

    /// <summary>Beyond this many combinations of levels the query is scored and sorted as a whole instead.</summary>
    private const int MaxCombinations = 64;

    private static BooleanQuery AnyOf(IEnumerable<Query> options)
    {
        var any = new BooleanQuery(disableCoord: true);
        foreach (var option in options)
        {
            any.Add(option, Occur.SHOULD);
        }
        return any;
    }

    /// <summary>A compiled clause and its levels (null when it cannot be split into levels).</summary>
    private sealed record Clause(Query Query, List<Level>? Levels);

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

    private static Clause? Compile(SearchTerm term, Context context) => term switch
    {
        TextTerm text => Text(text, context.Type),
        FilterTerm filter => Filter(filter, context),
        AnyOfTerm any => AnyOf(any, context),
        _ => null,
    };

    private static Clause? AnyOf(AnyOfTerm any, Context context)
    {
        var options = any.Options.Select(o => Compile(o, context)).OfType<Clause>().ToList();
        if (options.Count <= 1)
        {
            return options.FirstOrDefault();
        }
        // Options add up: the levels are every combination of the options' levels or their absence,
        // except all absent.
        List<Level>? levels = [new Level(0, [], [])];
        foreach (var option in options)
        {
            if (levels is null || option.Levels is null || levels.Count * (option.Levels.Count + 1) > MaxCombinations)
            {
                levels = null;
                break;
            }
            var absent = new Level(0, [], [option.Query]);
            levels = [.. levels.SelectMany(l => option.Levels.Append(absent).Select(l.And))];
        }
        levels?.RemoveAll(l => l.Include.Count == 0);
        return new Clause(AnyOf(options.Select(o => o.Query)), levels);
    }

    /// <summary>Free text: the best field it matches in counts.</summary>
    private static Clause? Text(TextTerm term, string type)
    {
        var words = SearchAnalyzer.Words(term.Text);
        if (words.Count == 0)
        {
            return null;
        }
        var fields = TextFields[type];
        var best = new DisjunctionMaxQuery(tieBreakerMultiplier: 0f);
        var matches = new Query[fields.Length];
        for (var i = 0; i < fields.Length; i++)
        {
            matches[i] = term.Prefix && words.Count == 1
                ? new PrefixQuery(new Term(fields[i], words[0]))
                : Words(fields[i], words, phrase: true);
            best.Add(new ConstantScoreQuery(matches[i]) { Boost = i == 0 ? NameBoost : OtherBoost });
        }
        // In the name; or, not in the name, in one of the other fields.
        List<Level> levels = [new Level(NameBoost, [matches[0]], [])];
        if (fields.Length > 1)
        {
            levels.Add(new Level(OtherBoost, [fields.Length == 2 ? matches[1] : AnyOf(matches.Skip(1))], [matches[0]]));
        }
        return new Clause(best, levels);
    }

    /// <summary>A filter, or null when it does not apply to the type (Spotify's table in the search reference).</summary>
    private static Clause? Filter(FilterTerm filter, Context context)
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
        return match is null ? null : new Clause(new ConstantScoreQuery(match) { Boost = OtherBoost }, [new Level(OtherBoost, [match], [])]);
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
