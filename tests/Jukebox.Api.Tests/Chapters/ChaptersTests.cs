using Jukebox.Testing;

namespace Jukebox.Api.Tests.Chapters;

[Collection(CatalogServer.Name)]
public sealed class ChaptersTests(JukeboxTestServer server)
{
    [Fact]
    public async Task A_chapter_is_served_with_the_audiobook_it_belongs_to()
    {
        var chapter = (await server.CatalogAsync()).Chapters.Values.OrderBy(c => c.Id, StringComparer.Ordinal).First();
        using var client = await server.CreateAppClientAsync();

        var body = await client.GetOkAsync($"/v1/chapters/{chapter.Id}", "/chapters/{id}");

        Assert.Equal(chapter.Id, body.Str("id"));
        Assert.Equal(chapter.Name, body.Str("name"));
        Assert.Equal(chapter.ChapterNumber, body.Int("chapter_number"));
        Assert.Equal($"{server.BaseAddress}v1/chapters/{chapter.Id}", body.Str("href"));
        Assert.Equal(chapter.Audiobook.Id, body.GetProperty("audiobook").Str("id"));
        Assert.Equal(chapter.Audiobook.Markets.Codes, body.Strings("available_markets"));
    }

    [Fact]
    public async Task Several_chapters_come_back_in_request_order()
    {
        var ids = (await server.CatalogAsync()).Chapters.Keys.Order(StringComparer.Ordinal).Take(3).Reverse().ToList();
        using var client = await server.CreateAppClientAsync();

        var body = await client.GetOkAsync($"/v1/chapters?ids={string.Join(',', ids)}", "/chapters", nullableItemsOf: "chapters");

        Assert.Equal(ids, body.Ids("chapters"));
    }

    [Fact]
    public async Task With_a_market_a_chapter_available_there_is_playable()
    {
        var chapter = (await server.CatalogAsync()).Chapters.Values.OrderBy(c => c.Id, StringComparer.Ordinal).First();
        using var client = await server.CreateAppClientAsync();

        var body = await client.GetOkAsync($"/v1/chapters/{chapter.Id}?market=US", "/chapters/{id}");

        Assert.True(body.GetProperty("is_playable").GetBoolean());
        Assert.False(body.Has("restrictions"));
    }
}
