using Jukebox.Api.Catalog;
using Jukebox.Api.Episodes;
using Jukebox.Api.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Jukebox.Api.Shows;

public static class ShowsEndpoints
{
    public static void MapShows(this IEndpointRouteBuilder api)
    {
        api.MapGet("/shows/{id}", GetShow);
        api.MapGet("/shows", GetSeveralShows);
        api.MapGet("/shows/{id}/episodes", GetShowEpisodes);
    }

    private static async Task<SpotifyJson<ShowObject>> GetShow(
        string id, Caller caller, Market market, CatalogStore store, CatalogObjects objects, EpisodeResumePoints resumePoints, CancellationToken ct)
    {
        var show = objects.Show(CatalogLookup.Find((await store.GetAsync()).Shows, id), market.Code);
        await resumePoints.ApplyAsync(caller, show.Episodes.Items, ct);
        return SpotifyResults.Catalog(show, SpotifyJsonContext.Default.ShowObject);
    }

    private static async Task<SpotifyJson<ShowsResponse>> GetSeveralShows(string? ids, Market market, CatalogStore store, CatalogObjects objects)
    {
        // Simplified shows do not depend on the market, but a market the request may not ask for is still refused.
        _ = market.Code;
        var shows = CatalogLookup.Several((await store.GetAsync()).Shows, ids, max: 50, objects.SimplifiedShow);
        return SpotifyResults.Catalog(new ShowsResponse(shows), SpotifyJsonContext.Default.ShowsResponse);
    }

    private static async Task<SpotifyJson<PagingObject<SimplifiedEpisodeObject>>> GetShowEpisodes(string id, HttpRequest request, Caller caller, Market market, PageLink link,
        CatalogStore store, CatalogObjects objects, EpisodeResumePoints resumePoints, CancellationToken ct)
    {
        var show = CatalogLookup.Find((await store.GetAsync()).Shows, id);
        var page = Page.From(request, defaultLimit: 20, maxLimit: 50);
        var code = market.Code;
        var paging = page.ToPaging(objects.Urls, link, show.Episodes, e => objects.SimplifiedEpisode(e, code));
        await resumePoints.ApplyAsync(caller, paging.Items, ct);
        return SpotifyResults.Catalog(paging, SpotifyJsonContext.Default.PagingObjectSimplifiedEpisodeObject);
    }
}
