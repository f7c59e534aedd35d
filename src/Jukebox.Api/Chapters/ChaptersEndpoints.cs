using Jukebox.Api.Catalog;
using Jukebox.Api.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Jukebox.Api.Chapters;

public static class ChaptersEndpoints
{
    public static void MapChapters(this IEndpointRouteBuilder api)
    {
        api.MapGet("/chapters/{id}", GetChapter);
        api.MapGet("/chapters", GetSeveralChapters);
    }

    private static async Task<SpotifyJson<ChapterObject>> GetChapter(string id, HttpContext context, CatalogStore store, CatalogObjects objects)
    {
        var chapter = CatalogLookup.Find((await store.GetAsync()).Chapters, id);
        var market = Market.Resolve(context);
        return SpotifyResults.Catalog(objects.Chapter(chapter, market), SpotifyJsonContext.Default.ChapterObject);
    }

    private static async Task<SpotifyJson<ChaptersResponse>> GetSeveralChapters(string? ids, HttpContext context, CatalogStore store, CatalogObjects objects)
    {
        var market = Market.Resolve(context);
        var chapters = CatalogLookup.Several((await store.GetAsync()).Chapters, ids, max: 50, c => objects.Chapter(c, market));
        return SpotifyResults.Catalog(new ChaptersResponse(chapters), SpotifyJsonContext.Default.ChaptersResponse);
    }
}
