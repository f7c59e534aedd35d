using Jukebox.Api.Search;
using Jukebox.Testing;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Jukebox.Api.Tests.Search;

/// <summary>
/// The catalog search finds a page from the first documents of the best tiers; these compare it with
/// scoring and sorting every hit by relevance, then popularity and id hash.
/// </summary>
[Collection(CatalogServer.Name)]
public sealed class SearchTierTests(JukeboxTestServer server)
{
    private static readonly string[] Queries =
    [
        "black", "BLACK", "love", "the", "a", "rock and roll", "\"rock and roll\"", "roll rock", "rock NOT roll", "rock OR jazz",
        "love OR black NOT rock", "a OR the OR music OR rock", "bla*", "lo* ro*", "black sabbath", "the the", "led zeppelin",
        "artist:\"led zeppelin\"", "artist:zeppelin", "album:\"Led Zeppelin II\"", "track:love", "love artist:the",
        "year:1984", "year:1980-1984", "love year:1960-2000", "genre:jazz", "genre:\"hip hop\" love", "genre:rock OR genre:jazz",
        "tag:hipster", "tag:new", "music tag:hipster", "antonio carlos jobim", "nothing-matches-this-zzz", "love NOT love",
    ];

    private static readonly string[] Types = ["track", "album", "artist", "show", "episode", "audiobook"];

    [Fact]
    public async Task Pages_and_totals_are_those_of_scoring_and_sorting_every_hit()
    {
        var (state, today) = await IndexAsync();

        AssertSameAsSortingAll(state, today);
    }

    [Fact]
    public async Task An_index_written_in_parts_and_stored_keeps_the_order_when_opened_again_and_kept_words_change_nothing()
    {
        var catalog = await server.CatalogAsync();
        var today = DateOnly.FromDateTime(server.Clock.GetUtcNow().UtcDateTime);
        var folder = Directory.CreateTempSubdirectory("jukebox-search-");
        try
        {
            var options = new SearchOptions { IndexDirectory = folder.FullName, DocumentsPerPart = 500, CachedWordMinimum = 1 };
            for (var run = 0; run < 2; run++)
            {
                using var index = new CatalogSearchIndex(options, NullLogger<CatalogSearchIndex>.Instance);
                var state = await index.ForAsync(catalog);

                Assert.True(state.Reader.Leaves.Count > 1);
                AssertSameAsSortingAll(state, today);
            }
            Assert.Single(folder.GetDirectories());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static void AssertSameAsSortingAll(CatalogIndexState state, DateOnly today)
    {
        var bySortingAll = new Sort(SortField.FIELD_SCORE, new SortField("rank", SortFieldType.INT64, true));
        var compared = 0;

        foreach (var q in Queries)
        {
            foreach (var type in Types)
            {
                if (SearchQueryCompiler.Compile(SearchQuery.Parse(q), type, today, state.HipsterPopularity) is not { } query)
                {
                    continue;
                }
                var typeOnly = new QueryWrapperFilter(new TermQuery(new Term("type", type)));
                foreach (var (offset, limit) in new[] { (0, 10), (0, 1), (3, 5), (10, 10), (200, 10) })
                {
                    var all = state.Searcher.Search(query.Query, typeOnly, offset + limit, bySortingAll);
                    var expected = all.ScoreDocs.Skip(offset).Select(d => state.Searcher.Doc(d.Doc).Get("id")).ToList();

                    var (ids, total) = state.Search(query, type, null, offset, limit);

                    Assert.True(expected.SequenceEqual(ids), $"{q} ({type}, offset {offset}, limit {limit}): [{string.Join(", ", expected)}] but [{string.Join(", ", ids)}]");
                    Assert.True(all.TotalHits == total, $"{q} ({type}): {all.TotalHits} hits but a total of {total}");
                    compared += ids.Count;
                }
            }
        }
        Assert.True(compared > 1000);
    }

    [Fact]
    public async Task With_a_market_too()
    {
        var (state, today) = await IndexAsync();

        foreach (var q in Queries)
        {
            foreach (var type in Types)
            {
                if (SearchQueryCompiler.Compile(SearchQuery.Parse(q), type, today, state.HipsterPopularity) is not { } query)
                {
                    continue;
                }
                foreach (var market in new[] { "US", "JP", "SE" })
                {
                    var expected = state.Sorted(query.Query, type, market, 0, 10);
                    var actual = state.Search(query, type, market, 0, 10);

                    Assert.Equal(expected.Ids, actual.Ids);
                    Assert.Equal(expected.Total, actual.Total);
                }
            }
        }
    }

    [Theory]
    [InlineData("black", true)]
    [InlineData("velvet echoes", true)]
    [InlineData("artist:garcia", true)]
    [InlineData("harbor year:1990-1995", true)]
    [InlineData("rock OR jazz", true)]
    [InlineData("one two three four five six", false)]
    public void Typical_queries_are_split_into_tiers(string q, bool tiered)
    {
        var query = SearchQueryCompiler.Compile(SearchQuery.Parse(q), "track", new DateOnly(2026, 1, 1), 10);

        Assert.NotNull(query);
        Assert.Equal(tiered, query.Plan is not null);
    }

    private async Task<(CatalogIndexState State, DateOnly Today)> IndexAsync()
    {
        var state = await server.Services.GetRequiredService<CatalogSearchIndex>().ForAsync(await server.CatalogAsync());
        return (state, DateOnly.FromDateTime(server.Clock.GetUtcNow().UtcDateTime));
    }
}
