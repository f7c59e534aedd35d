using Jukebox.Testing;

namespace Jukebox.Api.Tests.Http;

/// <summary>The limit and offset rules every paged operation shares.</summary>
[Collection(CatalogServer.Name)]
public sealed class PagingTests(JukeboxTestServer server)
{
    [Theory]
    [MemberData(nameof(Routes.Paged), MemberType = typeof(Routes))]
    public async Task A_limit_outside_one_to_the_maximum_or_not_a_number_is_a_400(string template, string specPath, int defaultLimit, int maxLimit)
    {
        _ = (specPath, defaultLimit);
        var url = Routes.Fill(await server.CatalogAsync(), template);
        using var client = await server.CreateAppClientAsync();

        foreach (var limit in new[] { "0", $"{maxLimit + 1}", "-1", "ten", "2.5" })
        {
            await client.AssertBadRequestAsync(url.With($"limit={limit}"), "Invalid limit");
        }
    }

    [Theory]
    [MemberData(nameof(Routes.Paged), MemberType = typeof(Routes))]
    public async Task An_offset_that_is_not_a_whole_number_is_a_400(string template, string specPath, int defaultLimit, int maxLimit)
    {
        _ = (specPath, defaultLimit, maxLimit);
        var url = Routes.Fill(await server.CatalogAsync(), template);
        using var client = await server.CreateAppClientAsync();

        foreach (var offset in new[] { "-1", "first", "1.5" })
        {
            await client.AssertBadRequestAsync(url.With($"offset={offset}"), "Invalid offset");
        }
    }

    [Theory]
    [MemberData(nameof(Routes.Paged), MemberType = typeof(Routes))]
    public async Task Without_a_limit_a_page_holds_the_default_number_of_items(string template, string specPath, int defaultLimit, int maxLimit)
    {
        _ = maxLimit;
        var url = Routes.Fill(await server.CatalogAsync(), template);
        using var client = await server.CreateAppClientAsync();

        var page = PagingOf(await client.GetOkAsync(url, specPath));

        Assert.Equal(defaultLimit, page.Int("limit"));
        Assert.Equal(0, page.Int("offset"));
        Assert.Equal(Math.Min(defaultLimit, page.Int("total")), page.Array().Count);
        Assert.Equal($"{server.BaseAddress}{url[1..]}?offset=0&limit={defaultLimit}", page.Str("href"));
    }

    [Theory]
    [MemberData(nameof(Routes.Paged), MemberType = typeof(Routes))]
    public async Task The_maximum_limit_is_accepted(string template, string specPath, int defaultLimit, int maxLimit)
    {
        _ = defaultLimit;
        var url = Routes.Fill(await server.CatalogAsync(), template);
        using var client = await server.CreateAppClientAsync();

        var page = PagingOf(await client.GetOkAsync(url.With($"limit={maxLimit}"), specPath));

        Assert.Equal(maxLimit, page.Int("limit"));
        Assert.Equal(Math.Min(maxLimit, page.Int("total")), page.Array().Count);
    }

    [Theory]
    [MemberData(nameof(Routes.Paged), MemberType = typeof(Routes))]
    public async Task An_offset_past_the_end_gives_an_empty_page_that_links_back(string template, string specPath, int defaultLimit, int maxLimit)
    {
        _ = (defaultLimit, maxLimit);
        var url = Routes.Fill(await server.CatalogAsync(), template);
        using var client = await server.CreateAppClientAsync();
        var total = PagingOf(await client.GetOkAsync(url, specPath)).Int("total");

        var page = PagingOf(await client.GetOkAsync(url.With($"offset={total}&limit=2"), specPath));

        Assert.Empty(page.Array());
        Assert.Equal(total, page.Int("total"));
        Assert.Equal(total, page.Int("offset"));
        Assert.Null(page.GetProperty("next").GetString());
        Assert.Contains($"offset={total - 2}&limit=2", page.Str("previous"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Routes.Paged), MemberType = typeof(Routes))]
    public async Task The_largest_possible_offset_gives_an_empty_last_page(string template, string specPath, int defaultLimit, int maxLimit)
    {
        _ = (defaultLimit, maxLimit);
        var url = Routes.Fill(await server.CatalogAsync(), template);
        using var client = await server.CreateAppClientAsync();

        var page = PagingOf(await client.GetOkAsync(url.With($"offset={int.MaxValue}"), specPath));

        Assert.Empty(page.Array());
        Assert.Null(page.GetProperty("next").GetString());
    }

    /// <summary>The paging object of a body: the body itself, or the one object it wraps (categories, playlists, albums).</summary>
    internal static System.Text.Json.JsonElement PagingOf(System.Text.Json.JsonElement body) =>
        body.Has("items") ? body : body.EnumerateObject().Single(p => p.Value.ValueKind == System.Text.Json.JsonValueKind.Object).Value;
}
