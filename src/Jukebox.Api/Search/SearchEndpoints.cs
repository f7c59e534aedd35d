using Jukebox.Api.Http;
using Jukebox.Api.Http.Policies;
using Jukebox.Api.Playlists;
using Jukebox.Api.Recommendations;
using Jukebox.Api.Tracks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Jukebox.Api.Search;

public static class SearchEndpoints
{
    /// <summary>
    /// Search and what shares its catalog data: the catalog and playlist indexes (the playlist index
    /// follows playlist changes), audio features and recommendations; the index is built in the background.
    /// </summary>
    public static IServiceCollection AddSearch(this IServiceCollection services)
    {
        services.AddOptions<SearchOptions>().BindConfiguration("Search").ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<SearchOptions>>().Value);
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

    private static async Task<SpotifyJson<SearchResponse>> Search(
        HttpRequest request, Market market, PageLink link, AppProfile profile, SearchService search, CancellationToken ct)
    {
        var response = await search.SearchAsync(Parse(request, market) with { HideSpotifyPlaylists = ProfileTable.HidesSpotifyPlaylists(profile) }, link, ct);
        return SpotifyResults.Catalog(response, SpotifyJsonContext.Default.SearchResponse);
    }

    /// <summary>Reads q, type, include_external, limit, offset and market with Spotify's rules and messages, in that order.</summary>
    private static SearchRequest Parse(HttpRequest request, Market market)
    {
        var query = request.Query;
        var q = query["q"].ToString();
        if (string.IsNullOrWhiteSpace(q))
        {
            throw SpotifyException.BadRequest("No search query");
        }
        var type = query["type"].ToString();
        if (string.IsNullOrWhiteSpace(type))
        {
            throw SpotifyException.BadRequest("Missing parameter type");
        }
        var types = type.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct().ToList();
        if (types.Count == 0 || types.Any(t => !SearchService.Types.Contains(t)))
        {
            throw SpotifyException.BadRequest("Bad search type field");
        }
        var external = query["include_external"].ToString();
        if (external.Length > 0 && external != "audio")
        {
            throw SpotifyException.BadRequest("Bad include_external value");
        }
        var page = Page.From(request, defaultLimit: 5, maxLimit: 10, maxOffset: 1000);
        return new SearchRequest(SearchQuery.Parse(q), types, market.Code, page, external == "audio");
    }
}
