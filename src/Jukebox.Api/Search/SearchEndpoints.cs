using Jukebox.Api.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Jukebox.Api.Search;

public static class SearchEndpoints
{
    public static void MapSearch(this IEndpointRouteBuilder api) => api.MapGet("/search", Search);

    private static async Task<SpotifyJson<SearchResponse>> Search(HttpContext context, SearchService search)
    {
        var request = SearchService.Parse(context);
        var response = await search.SearchAsync(request, context.Request, context.RequestAborted);
        return SpotifyResults.Catalog(response, SpotifyJsonContext.Default.SearchResponse);
    }
}
