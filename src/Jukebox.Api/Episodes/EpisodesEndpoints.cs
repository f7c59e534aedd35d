using Jukebox.Api.Catalog;
using Jukebox.Api.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Jukebox.Api.Episodes;

public static class EpisodesEndpoints
{
    public static void MapEpisodes(this IEndpointRouteBuilder api)
    {
        api.MapGet("/episodes/{id}", GetEpisode);
        api.MapGet("/episodes", GetSeveralEpisodes);
    }

    private static async Task<SpotifyJson<EpisodeObject>> GetEpisode(string id, HttpContext context, CatalogStore store, CatalogObjects objects)
    {
        var episode = CatalogLookup.Find((await store.GetAsync()).Episodes, id);
        var market = Market.Resolve(context);
        var result = objects.Episode(episode, market);
        await EpisodeResumePoints.ApplyAsync(context, [result]);
        return SpotifyResults.Catalog(result, SpotifyJsonContext.Default.EpisodeObject);
    }

    private static async Task<SpotifyJson<EpisodesResponse>> GetSeveralEpisodes(string? ids, HttpContext context, CatalogStore store, CatalogObjects objects)
    {
        var market = Market.Resolve(context);
        var episodes = CatalogLookup.Several((await store.GetAsync()).Episodes, ids, max: 50, e => objects.Episode(e, market));
        await EpisodeResumePoints.ApplyAsync(context, episodes);
        return SpotifyResults.Catalog(new EpisodesResponse(episodes), SpotifyJsonContext.Default.EpisodesResponse);
    }
}
