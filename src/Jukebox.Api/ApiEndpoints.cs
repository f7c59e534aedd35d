using Jukebox.Api.Albums;
using Jukebox.Api.Artists;
using Jukebox.Api.Audio;
using Jukebox.Api.Audiobooks;
using Jukebox.Api.Browse;
using Jukebox.Api.Catalog;
using Jukebox.Api.Catalog.Stored;
using Jukebox.Api.Chapters;
using Jukebox.Api.Episodes;
using Jukebox.Api.Http;
using Jukebox.Api.Http.Policies;
using Jukebox.Accounts.Apps;
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
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Jukebox.Api;

public static class ApiEndpoints
{
    /// <summary>Where the Web API's routes are.</summary>
    public const string PathPrefix = "/v1";

    /// <summary>
    /// A Web API request: it is authenticated with the bearer scheme alone (<see cref="ApiAuthentication"/>),
    /// so it skips the authentication middleware, whose per-request handlers belong to the accounts pages
    /// and OpenIddict's endpoints.
    /// </summary>
    public static bool IsApiPath(PathString path) => path.StartsWithSegments(PathPrefix);

    public static IServiceCollection AddJukeboxApi(this IServiceCollection services, string publicBaseUrl)
    {
        services.AddSingleton(new PublicUrls(publicBaseUrl));
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null);
        services.AddSingleton<ValidatedTokenCache>();
        services.AddSingleton<IValidatedTokens>(sp => sp.GetRequiredService<ValidatedTokenCache>());
        services.AddOptions<RateLimitOptions>().BindConfiguration("RateLimits").ValidateOnStart();
        services.AddSingleton<AppRateLimiter>();
        services.AddOptions<CatalogFileOptions>().BindConfiguration("CatalogFile");
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<CatalogFileOptions>>().Value);
        services.AddSingleton<CatalogFile>();
        services.AddSingleton<CatalogStore>();
        services.AddSingleton<CatalogObjects>();
        services.AddHostedService<CatalogWarmup>();
        services.AddSingleton<CatalogSync>();
        services.AddHostedService(sp => sp.GetRequiredService<CatalogSync>());
        services.AddSingleton<PlaylistSummaries>();
        services.AddLibrary();
        services.AddSingleton<CoverCache>();
        services.AddSingleton<PreviewCache>();
        services.AddPlayer();
        services.AddSearch();
        services.AddPlaylists();
        services.AddExceptionHandler<SpotifyErrorHandler>();
        services.AddProblemDetails();
        return services;
    }

    /// <summary>
    /// The Web API under /v1: every route has its route policy, and so needs a valid bearer token
    /// (<see cref="ApiAuthentication"/>).
    /// </summary>
    public static RouteGroupBuilder MapJukeboxApi(this IEndpointRouteBuilder app)
    {
        app.MapImages();
        app.MapAudio();
        app.MapUserImages();
        app.MapPlaylistCovers();
        var api = app.MapGroup(PathPrefix).WithRoutePolicies();
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
