using Jukebox.Api.Http;
using Jukebox.Api.Playlists;
using Jukebox.Api.Recommendations;
using Jukebox.Api.Tracks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Jukebox.Api.Search;

public static class SearchEndpoints
{
    /// <summary>
    /// Search and what shares its catalog data: the catalog and playlist indexes (the playlist index
    /// follows playlist changes), audio features and recommendations; the index is built in the background.
    /// </summary>
    public static IServiceCollection AddSearch(this IServiceCollection services, SearchOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<CatalogSearchIndex>();
        services.AddSingleton<PlaylistSearchIndex>();
        services.AddSingleton<IPlaylistChangeListener>(sp => sp.GetRequiredService<PlaylistSearchIndex>());
        services.AddSingleton<SearchService>();
        services.AddSingleton<AudioFeatureStore>();
        services.AddSingleton<RecommendationsService>();
        services.AddHostedService<SearchWarmup>();
        return services;
    }

    public static void MapSearch(this IEndpointRouteBuilder api) => api.MapGet("/search", Search);

    private static async Task<SpotifyJson<SearchResponse>> Search(HttpContext context, SearchService search)
    {
        var request = SearchService.Parse(context);
        var response = await search.SearchAsync(request, context.Request, context.RequestAborted);
        return SpotifyResults.Catalog(response, SpotifyJsonContext.Default.SearchResponse);
    }
}
