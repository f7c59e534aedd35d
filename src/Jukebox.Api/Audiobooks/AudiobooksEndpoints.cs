using Jukebox.Api.Catalog;
using Jukebox.Api.Chapters;
using Jukebox.Api.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Jukebox.Api.Audiobooks;

public static class AudiobooksEndpoints
{
    private const int EmbeddedChapters = 50;

    public static void MapAudiobooks(this IEndpointRouteBuilder api)
    {
        api.MapGet("/audiobooks/{id}", GetAudiobook);
        api.MapGet("/audiobooks", GetSeveralAudiobooks);
        api.MapGet("/audiobooks/{id}/chapters", GetAudiobookChapters);
    }

    private static async Task<SpotifyJson<AudiobookObject>> GetAudiobook(string id, HttpContext context, CatalogStore store, CatalogObjects objects)
    {
        var book = CatalogLookup.Find((await store.GetAsync()).Audiobooks, id);
        var market = Market.Resolve(context);
        return SpotifyResults.Catalog(AudiobookObjectOf(book, market, objects), SpotifyJsonContext.Default.AudiobookObject);
    }

    private static async Task<SpotifyJson<AudiobooksResponse>> GetSeveralAudiobooks(string? ids, HttpContext context, CatalogStore store, CatalogObjects objects)
    {
        var market = Market.Resolve(context);
        var books = CatalogLookup.Several((await store.GetAsync()).Audiobooks, ids, max: 50, b => AudiobookObjectOf(b, market, objects));
        return SpotifyResults.Catalog(new AudiobooksResponse(books), SpotifyJsonContext.Default.AudiobooksResponse);
    }

    private static async Task<SpotifyJson<PagingObject<SimplifiedChapterObject>>> GetAudiobookChapters(string id, HttpContext context, CatalogStore store, CatalogObjects objects)
    {
        var book = CatalogLookup.Find((await store.GetAsync()).Audiobooks, id);
        var page = Page.From(context.Request, defaultLimit: 20, maxLimit: 50);
        var market = Market.Resolve(context);
        var paging = page.ToPaging(context.Request, objects.Urls, book.Chapters, c => objects.SimplifiedChapter(c, market));
        return SpotifyResults.Catalog(paging, SpotifyJsonContext.Default.PagingObjectSimplifiedChapterObject);
    }

    internal static AudiobookObject AudiobookObjectOf(CatalogAudiobook book, string? market, CatalogObjects objects)
    {
        KeyValuePair<string, string>[] parameters = market is null ? [] : [new("market", market)];
        var chapters = new Page(EmbeddedChapters, 0).ToPaging(objects.Urls, $"/v1/audiobooks/{book.Id}/chapters", parameters, book.Chapters, c => objects.SimplifiedChapter(c, market));
        return objects.Audiobook(book, chapters);
    }
}
