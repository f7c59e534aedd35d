using Jukebox.Api.Catalog;
using Jukebox.Api.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Jukebox.Api.Episodes;

public static class EpisodesEndpoints
{
    public static void MapEpisodes(this IEndpointRouteBuilder api)
    {
        api.MapGet("/episodes/{id}", GetEpisode);
        api.MapGet("/episodes", GetSeveralEpisodes);
    }

    private static async Task<SpotifyJson<EpisodeObject>> GetEpisode(
        string id, Caller caller, Market market, CatalogStore store, CatalogObjects objects, EpisodeResumePoints resumePoints, CancellationToken ct)
    {
        var episode = CatalogLookup.Find((await store.GetAsync()).Episodes, id);
        var result = objects.Episode(episode, market.Code);
        await resumePoints.ApplyAsync(caller, [result], ct);
        return SpotifyResults.Catalog(result, SpotifyJsonContext.Default.EpisodeObject);
    }

    private static async Task<SpotifyJson<EpisodesResponse>> GetSeveralEpisodes(
        string? ids, Caller caller, Market market, CatalogStore store, CatalogObjects objects, EpisodeResumePoints resumePoints, CancellationToken ct)
    {
        var code = market.Code;
        var episodes = CatalogLookup.Several((await store.GetAsync()).Episodes, ids, max: 50, e => objects.Episode(e, code));
        await resumePoints.ApplyAsync(caller, episodes, ct);
        return SpotifyResults.Catalog(new EpisodesResponse(episodes), SpotifyJsonContext.Default.EpisodesResponse);
    }
}
