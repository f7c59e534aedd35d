using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Jukebox.Api.Search;

/// <summary>
/// How names and queries are cut into words: Unicode word boundaries, lower case, and accents and
/// other marks folded to ASCII ("Beyoncé" and "beyonce" are the same word). No stop words: a band
/// called "The The" must be findable.
/// </summary>
public sealed class SearchAnalyzer : Analyzer
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public static SearchAnalyzer Instance { get; } = new();

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(Version, reader) { MaxTokenLength = 255 };
        TokenStream stream = new LowerCaseFilter(Version, tokenizer);
        stream = new ASCIIFoldingFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }

    /// <summary>Keeps a phrase from matching across two values of a field (two artists of a track).</summary>
    public override int GetPositionIncrementGap(string fieldName) => 100;

    /// <summary>The words of <paramref name="text"/> as the index holds them.</summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        using var stream = Instance.GetTokenStream("", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            words.Add(term.ToString());
        }
        stream.End();
        return words;
    }

    /// <summary>The folded form exact-name matching compares: the words joined by single spaces.</summary>
    public static string Exact(string text) => string.Join(' ', Words(text));
}
