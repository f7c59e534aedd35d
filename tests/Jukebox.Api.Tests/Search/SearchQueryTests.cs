using Jukebox.Api.Search;

namespace Jukebox.Api.Tests.Search;

public sealed class SearchQueryTests
{
    [Fact]
    public void Words_phrases_and_filters_are_told_apart()
    {
        var query = SearchQuery.Parse("remaster track:Doxy artist:\"Miles Davis\" \"kind of blue\" year:1955-1960");

        Assert.Equal<SearchTerm>(
        [
            new TextTerm("remaster", Phrase: false),
            new FilterTerm("track", "Doxy", Quoted: false),
            new FilterTerm("artist", "Miles Davis", Quoted: true),
            new TextTerm("kind of blue", Phrase: true),
            new FilterTerm("year", "1955-1960", Quoted: false),
        ], query.Required);
        Assert.Empty(query.Excluded);
    }

    [Fact]
    public void Not_excludes_the_next_term_and_or_joins_its_neighbours()
    {
        var query = SearchQuery.Parse("roadhouse NOT blues genre:rock OR genre:jazz");

        Assert.Equal(2, query.Required.Count);
        Assert.Equal(new TextTerm("roadhouse", false), query.Required[0]);
        var any = Assert.IsType<AnyOfTerm>(query.Required[1]);
        Assert.Equal<SearchTerm>([new FilterTerm("genre", "rock", false), new FilterTerm("genre", "jazz", false)], any.Options);
        Assert.Equal<SearchTerm>([new TextTerm("blues", false)], query.Excluded);
    }

    [Fact]
    public void Operators_count_only_in_upper_case()
    {
        var query = SearchQuery.Parse("rock not roll or blues");

        Assert.Equal(["rock", "not", "roll", "or", "blues"], query.Required.Cast<TextTerm>().Select(t => t.Text));
    }

    [Fact]
    public void Unknown_fields_and_lucene_syntax_are_plain_text()
    {
        var query = SearchQuery.Parse("mood:happy +(ac/dc)~ title:x");

        Assert.Equal(["mood:happy", "+(ac/dc)~", "title:x"], query.Required.Cast<TextTerm>().Select(t => t.Text));
    }

    [Fact]
    public void At_most_two_wildcards_count_and_never_a_leading_one()
    {
        var query = SearchQuery.Parse("bea* roll* sto* *");

        Assert.Equal([true, true, false, false], query.Required.Cast<TextTerm>().Select(t => t.Prefix));
    }

    [Fact]
    public void An_empty_filter_value_is_ignored()
    {
        Assert.Empty(SearchQuery.Parse("artist: album:\"\"").Required);
    }
}
