using Jukebox.Api.Catalog;
using Jukebox.Api.Chapters;
using Jukebox.Api.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Jukebox.Api.Audiobooks;

public static class AudiobooksEndpoints
{
    public static void MapAudiobooks(this IEndpointRouteBuilder api)
    {
        api.MapGet("/audiobooks/{id}", GetAudiobook);
        api.MapGet("/audiobooks", GetSeveralAudiobooks);
        api.MapGet("/audiobooks/{id}/chapters", GetAudiobookChapters);
    }

    private static async Task<SpotifyJson<AudiobookObject>> GetAudiobook(string id, Market market, CatalogStore store, CatalogObjects objects)
    {
        var book = CatalogLookup.Find((await store.GetAsync()).Audiobooks, id);
        return SpotifyResults.Catalog(objects.Audiobook(book, market.Code), SpotifyJsonContext.Default.AudiobookObject);
    }

    private static async Task<SpotifyJson<AudiobooksResponse>> GetSeveralAudiobooks(string? ids, Market market, CatalogStore store, CatalogObjects objects)
    {
        var code = market.Code;
        var books = CatalogLookup.Several((await store.GetAsync()).Audiobooks, ids, max: 50, b => objects.Audiobook(b, code));
        return SpotifyResults.Catalog(new AudiobooksResponse(books), SpotifyJsonContext.Default.AudiobooksResponse);
    }

    private static async Task<SpotifyJson<PagingObject<SimplifiedChapterObject>>> GetAudiobookChapters(
        string id, HttpRequest request, Market market, PageLink link, CatalogStore store, CatalogObjects objects)
    {
        var book = CatalogLookup.Find((await store.GetAsync()).Audiobooks, id);
        var page = Page.From(request, defaultLimit: 20, maxLimit: 50);
        var code = market.Code;
        var paging = page.ToPaging(objects.Urls, link, book.Chapters, c => objects.SimplifiedChapter(c, code));
        return SpotifyResults.Catalog(paging, SpotifyJsonContext.Default.PagingObjectSimplifiedChapterObject);
    }
}
