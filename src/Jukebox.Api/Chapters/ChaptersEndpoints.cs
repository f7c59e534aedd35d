using Jukebox.Api.Catalog;
using Jukebox.Api.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Jukebox.Api.Chapters;

public static class ChaptersEndpoints
{
    public static void MapChapters(this IEndpointRouteBuilder api)
    {
        api.MapGet("/chapters/{id}", GetChapter);
        api.MapGet("/chapters", GetSeveralChapters);
    }

    private static async Task<SpotifyJson<ChapterObject>> GetChapter(string id, Market market, CatalogStore store, CatalogObjects objects)
    {
        var chapter = CatalogLookup.Find((await store.GetAsync()).Chapters, id);
        return SpotifyResults.Catalog(objects.Chapter(chapter, market.Code), SpotifyJsonContext.Default.ChapterObject);
    }

    private static async Task<SpotifyJson<ChaptersResponse>> GetSeveralChapters(string? ids, Market market, CatalogStore store, CatalogObjects objects)
    {
        var code = market.Code;
        var chapters = CatalogLookup.Several((await store.GetAsync()).Chapters, ids, max: 50, c => objects.Chapter(c, code));
        return SpotifyResults.Catalog(new ChaptersResponse(chapters), SpotifyJsonContext.Default.ChaptersResponse);
    }
}
