using Jukebox.Api.Http;
using Jukebox.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Jukebox.Api.Recommendations;

public static class RecommendationsEndpoints
{
    public static void MapRecommendations(this IEndpointRouteBuilder api)
    {
        api.MapGet("/recommendations", GetRecommendations);
        api.MapGet("/recommendations/available-genre-seeds", GetGenreSeeds);
    }

    /// <summary>Seeds, limit, tuning and market, checked in that order.</summary>
    private static async Task<SpotifyJson<RecommendationsObject>> GetRecommendations(HttpRequest request, Market market, RecommendationsService recommendations)
    {
        var query = request.Query;
        var seeds = await recommendations.SeedsAsync(Ids(query, "seed_artists"), Ids(query, "seed_tracks"), Ids(query, "seed_genres"));
        var limit = Page.From(request, defaultLimit: 20, maxLimit: 100).Limit;
        var tuning = Tuning.Parse(query);
        var result = await recommendations.RecommendAsync(seeds, limit, tuning, market.Code);
        return SpotifyResults.Catalog(result, SpotifyJsonContext.Default.RecommendationsObject);
    }

    private static string[] Ids(IQueryCollection query, string name) =>
        query[name].ToString().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Exactly the genres seed_genres accepts.</summary>
    private static SpotifyJson<GenreSeedsResponse> GetGenreSeeds() =>
        SpotifyResults.Catalog(new GenreSeedsResponse(GenreSeeds.All), SpotifyJsonContext.Default.GenreSeedsResponse);
}
