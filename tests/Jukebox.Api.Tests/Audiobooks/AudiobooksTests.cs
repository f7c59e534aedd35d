using Jukebox.Api.Catalog;
using Jukebox.Testing;

namespace Jukebox.Api.Tests.Audiobooks;

[Collection(CatalogServer.Name)]
public sealed class AudiobooksTests(JukeboxTestServer server)
{
    [Fact]
    public async Task An_audiobook_is_served_with_its_authors_narrators_and_chapters()
    {
        var book = await LongestBookAsync();
        using var client = await server.CreateAppClientAsync();

        var body = await client.GetOkAsync($"/v1/audiobooks/{book.Id}", "/audiobooks/{id}");

        Assert.Equal(book.Id, body.Str("id"));
        Assert.Equal(book.Name, body.Str("name"));
        Assert.Equal("audiobook", body.Str("type"));
        Assert.Equal($"spotify:audiobook:{book.Id}", body.Str("uri"));
        Assert.Equal($"{server.BaseAddress}v1/audiobooks/{book.Id}", body.Str("href"));
        Assert.Equal(book.Authors, body.Array("authors").Select(a => a.Str("name")));
        Assert.Equal(book.Narrators, body.Array("narrators").Select(n => n.Str("name")));
        Assert.Equal(book.Chapters.Length, body.Int("total_chapters"));
        Assert.Equal(book.Chapters.Select(c => c.Id), body.GetProperty("chapters").Ids());
    }

    [Fact]
    public async Task Several_audiobooks_come_back_in_request_order()
    {
        var ids = (await server.CatalogAsync()).Audiobooks.Keys.Order(StringComparer.Ordinal).Take(3).Reverse().ToList();
        using var client = await server.CreateAppClientAsync();

        var body = await client.GetOkAsync($"/v1/audiobooks?ids={string.Join(',', ids)}", "/audiobooks", nullableItemsOf: "audiobooks");

        Assert.Equal(ids, body.Ids("audiobooks"));
    }

    [Fact]
    public async Task Walking_an_audiobooks_chapters_gives_every_chapter_once_in_order()
    {
        var book = await LongestBookAsync();
        using var client = await server.CreateAppClientAsync();

        var items = await client.WalkPagesAsync(server.BaseAddress, $"/v1/audiobooks/{book.Id}/chapters?offset=0&limit=5&market=GB", "/audiobooks/{id}/chapters");

        Assert.Equal(book.Chapters.Select(c => c.Id), items.Select(c => c.Str("id")));
        var numbers = items.Select(c => c.Int("chapter_number")).ToList();
        Assert.Equal(numbers.Order(), numbers);
        Assert.All(items, c => Assert.True(c.GetProperty("is_playable").GetBoolean()));
    }

    private async Task<CatalogAudiobook> LongestBookAsync() =>
        (await server.CatalogAsync()).Audiobooks.Values.OrderByDescending(b => b.Chapters.Length).ThenBy(b => b.Id, StringComparer.Ordinal).First();
}
