using Jukebox.Api.Albums;
using Jukebox.Api.Artists;
using Jukebox.Api.Audiobooks;
using Jukebox.Api.Browse;
using Jukebox.Api.Catalog;
using Jukebox.Api.Cluster;
using Jukebox.Api.Chapters;
using Jukebox.Api.Episodes;
using Jukebox.Api.Http;
using Jukebox.Api.Images;
using Jukebox.Api.Library;
using Jukebox.Api.Markets;
using Jukebox.Api.Player;
using Jukebox.Api.Playlists;
using Jukebox.Api.Recommendations;
using Jukebox.Api.Search;
using Jukebox.Api.Shows;
using Jukebox.Api.Tracks;
using Jukebox.Api.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Jukebox.Api;

public static class ApiEndpoints
{
    public static IServiceCollection AddJukeboxApi(this IServiceCollection services, string publicBaseUrl, SearchOptions? search = null)
    {
        services.AddSingleton(new PublicUrls(publicBaseUrl));
        // One node by default; Jukebox.Cluster replaces it when Redis is configured.
        services.TryAddSingleton<IClusterBus, LocalClusterBus>();
        services.AddSingleton<CatalogStore>();
        services.AddSingleton<CatalogObjects>();
        services.AddHostedService<CatalogWarmup>();
        services.AddHostedService<CatalogSync>();
        services.AddSingleton<PlaylistSummaries>();
        services.AddLibrary();
        services.AddSingleton<CoverCache>();
        services.AddPlayer();
        services.AddSearch(search ?? new SearchOptions());
        services.AddPlaylists();
        services.AddExceptionHandler<SpotifyErrorHandler>();
        services.AddProblemDetails();
        return services;
    }

    /// <summary>The Web API under /v1: every route needs a valid bearer token.</summary>
    public static RouteGroupBuilder MapJukeboxApi(this IEndpointRouteBuilder app, string authorizationPolicy)
    {
        app.MapImages();
        app.MapUserImages();
        app.MapPlaylistCovers();
        var api = app.MapGroup("/v1").RequireAuthorization(authorizationPolicy).RequireScopesFromTable();
        api.MapAlbums();
        api.MapArtists();
        api.MapTracks();
        api.MapShows();
        api.MapEpisodes();
        api.MapAudiobooks();
        api.MapChapters();
        api.MapBrowse();
        api.MapMarkets();
        api.MapRecommendations();
        api.MapSearch();
        api.MapUsers();
        api.MapPlayer();
        api.MapLibrary();
        api.MapPlaylists();
        return api;
    }
}
