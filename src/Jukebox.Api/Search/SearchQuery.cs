namespace Jukebox.Api.Search;

/// <summary>One part of a search query.</summary>
public abstract record SearchTerm;

/// <summary>Free text: a word (a trailing <c>*</c> makes it a prefix) or a quoted phrase.</summary>
public sealed record TextTerm(string Text, bool Phrase, bool Prefix = false) : SearchTerm;

/// <summary>A field filter such as <c>artist:Miles</c>, <c>year:1955-1960</c> or <c>tag:new</c>.</summary>
public sealed record FilterTerm(string Field, string Value, bool Quoted) : SearchTerm;

/// <summary>Terms joined by <c>OR</c>: any one of them may match.</summary>
public sealed record AnyOfTerm(IReadOnlyList<SearchTerm> Options) : SearchTerm;

/// <summary>
/// A query in Spotify's search language (the "Writing a Query" guidelines): words match in any
/// order, quotes require a phrase, field filters narrow by field, <c>NOT</c> excludes the next term,
/// <c>OR</c> joins the terms on either side. Operators count only in upper case; in lower case they
/// are ordinary words. Spotify's own grammar, not Lucene's, so that characters Lucene treats as
/// syntax (<c>+ - ! ( ) ~ ^ [ ]</c>) are plain text here, as they are to Spotify.
/// </summary>
public sealed record SearchQuery(IReadOnlyList<SearchTerm> Required, IReadOnlyList<SearchTerm> Excluded)
{
    public static readonly IReadOnlySet<string> Fields =
        new HashSet<string>(["album", "artist", "track", "year", "upc", "isrc", "genre", "tag"], StringComparer.Ordinal);

    /// <summary>Spotify allows at most two wildcards in a query; further ones are ignored.</summary>
    private const int MaxWildcards = 2;

    public static SearchQuery Parse(string q)
    {
        var required = new List<SearchTerm>();
        var excluded = new List<SearchTerm>();
        bool not = false, or = false;
        var wildcards = 0;
        foreach (var token in Lex(q))
        {
            switch (token)
            {
                case Operator { Name: "NOT" }:
                    not = true;
                    continue;
                case Operator { Name: "OR" }:
                    or = required.Count > 0 && !not;
                    continue;
                case Operator:
                    continue; // AND is what juxtaposition means anyway
            }
            var term = (SearchTerm)token;
            if (term is TextTerm { Prefix: true } prefix && ++wildcards > MaxWildcards)
            {
                term = prefix with { Prefix = false };
            }
            if (not)
            {
                excluded.Add(term);
            }
            else if (or)
            {
                var left = required[^1];
                required[^1] = new AnyOfTerm(left is AnyOfTerm any ? [.. any.Options, term] : [left, term]);
            }
            else
            {
                required.Add(term);
            }
            not = or = false;
        }
        return new SearchQuery(required, excluded);
    }

    private sealed record Operator(string Name);

    private static IEnumerable<object> Lex(string q)
    {
        var i = 0;
        while (i < q.Length)
        {
            if (char.IsWhiteSpace(q[i]))
            {
                i++;
                continue;
            }
            if (q[i] == '"')
            {
                var phrase = ReadQuoted(q, ref i);
                if (phrase.Length > 0)
                {
                    yield return new TextTerm(phrase, Phrase: true);
                }
                continue;
            }
            var start = i;
            while (i < q.Length && !char.IsWhiteSpace(q[i]) && !(q[i] == '"' && i > start && q[i - 1] == ':'))
            {
                i++;
            }
            var word = q[start..i];
            var colon = word.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && Fields.Contains(word[..colon].ToLowerInvariant()))
            {
                var field = word[..colon].ToLowerInvariant();
                var quoted = i < q.Length && q[i] == '"' && colon == word.Length - 1;
                var value = quoted ? ReadQuoted(q, ref i) : word[(colon + 1)..];
                if (value.Trim().Length > 0)
                {
                    yield return new FilterTerm(field, value.Trim(), quoted);
                }
                continue;
            }
            if (word is "NOT" or "OR" or "AND")
            {
                yield return new Operator(word);
                continue;
            }
            // A wildcard counts only at the end of a word and never as its first character.
            var prefix = word.Length > 1 && word[^1] == '*';
            yield return new TextTerm(prefix ? word.TrimEnd('*') : word, Phrase: false, prefix);
        }
    }

    /// <summary>Reads from the opening quote at <paramref name="i"/> to the closing one (or the end).</summary>
    private static string ReadQuoted(string q, ref int i)
    {
        var close = q.IndexOf('"', i + 1);
        var text = close < 0 ? q[(i + 1)..] : q[(i + 1)..close];
        i = close < 0 ? q.Length : close + 1;
        return text.Trim();
    }
}
