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

    private static async Task<SpotifyJson<RecommendationsObject>> GetRecommendations(HttpContext context, RecommendationsService recommendations) =>
        SpotifyResults.Catalog(await recommendations.RecommendAsync(context), SpotifyJsonContext.Default.RecommendationsObject);

    /// <summary>Exactly the genres seed_genres accepts.</summary>
    private static SpotifyJson<GenreSeedsResponse> GetGenreSeeds() =>
        SpotifyResults.Catalog(new GenreSeedsResponse(GenreSeeds.All), SpotifyJsonContext.Default.GenreSeedsResponse);
}
