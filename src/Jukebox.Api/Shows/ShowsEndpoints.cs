using Jukebox.Api.Catalog;
using Jukebox.Api.Episodes;
using Jukebox.Api.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Jukebox.Api.Shows;

public static class ShowsEndpoints
{
    private const int EmbeddedEpisodes = 50;

    public static void MapShows(this IEndpointRouteBuilder api)
    {
        api.MapGet("/shows/{id}", GetShow);
        api.MapGet("/shows", GetSeveralShows);
        api.MapGet("/shows/{id}/episodes", GetShowEpisodes);
    }

    private static async Task<SpotifyJson<ShowObject>> GetShow(string id, HttpContext context, CatalogStore store, CatalogObjects objects)
    {
        var show = CatalogLookup.Find((await store.GetAsync()).Shows, id);
        var market = Market.Resolve(context);
        KeyValuePair<string, string>[] parameters = market is null ? [] : [new("market", market)];
        var episodes = new Page(EmbeddedEpisodes, 0).ToPaging(objects.Urls, $"/v1/shows/{show.Id}/episodes", parameters, show.Episodes, e => objects.SimplifiedEpisode(e, market));
        await EpisodeResumePoints.ApplyAsync(context, episodes.Items);
        return SpotifyResults.Catalog(objects.Show(show, episodes), SpotifyJsonContext.Default.ShowObject);
    }

    private static async Task<SpotifyJson<ShowsResponse>> GetSeveralShows(string? ids, HttpContext context, CatalogStore store, CatalogObjects objects)
    {
        Market.Resolve(context);
        var shows = CatalogLookup.Several((await store.GetAsync()).Shows, ids, max: 50, objects.SimplifiedShow);
        return SpotifyResults.Catalog(new ShowsResponse(shows), SpotifyJsonContext.Default.ShowsResponse);
    }

    private static async Task<SpotifyJson<PagingObject<SimplifiedEpisodeObject>>> GetShowEpisodes(string id, HttpContext context, CatalogStore store, CatalogObjects objects)
    {
        var show = CatalogLookup.Find((await store.GetAsync()).Shows, id);
        var page = Page.From(context.Request, defaultLimit: 20, maxLimit: 50);
        var market = Market.Resolve(context);
        var paging = page.ToPaging(context.Request, objects.Urls, show.Episodes, e => objects.SimplifiedEpisode(e, market));
        await EpisodeResumePoints.ApplyAsync(context, paging.Items);
        return SpotifyResults.Catalog(paging, SpotifyJsonContext.Default.PagingObjectSimplifiedEpisodeObject);
    }
}
