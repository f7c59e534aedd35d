using Jukebox.Api.Http;
using Jukebox.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Jukebox.Api.Recommendations;

public static class RecommendationsEndpoints
{
    public static void MapRecommendations(this IEndpointRouteBuilder api) =>
        api.MapGet("/recommendations/available-genre-seeds", GetGenreSeeds);

    private static SpotifyJson<GenreSeedsResponse> GetGenreSeeds() =>
        SpotifyResults.Catalog(new GenreSeedsResponse(GenreSeeds.All), SpotifyJsonContext.Default.GenreSeedsResponse);
}
