using Jukebox.Api.Http;
using Jukebox.Api.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Jukebox.Api.Library;

/// <summary>
/// The user's library: saved tracks, albums, episodes, shows and audiobooks, and the unified
/// /me/library that takes URIs of any kind (follows included). Saves and removes answer 200 with no
/// body, as Spotify's do.
/// </summary>
public static class LibraryEndpoints
{
    public static void MapLibrary(this IEndpointRouteBuilder api)
    {
        api.MapGet("/me/tracks", GetSavedTracks);
        api.MapPut("/me/tracks", SaveTracks);
        api.MapDelete("/me/tracks", RemoveTracks);
        api.MapGet("/me/tracks/contains", TracksContain);
        api.MapGet("/me/albums", GetSavedAlbums);
        api.MapPut("/me/albums", SaveAlbums);
        api.MapDelete("/me/albums", RemoveAlbums);
        api.MapGet("/me/albums/contains", AlbumsContain);
        api.MapGet("/me/episodes", GetSavedEpisodes);
        api.MapPut("/me/episodes", SaveEpisodes);
        api.MapDelete("/me/episodes", RemoveEpisodes);
        api.MapGet("/me/episodes/contains", EpisodesContain);
        api.MapGet("/me/shows", GetSavedShows);
        api.MapPut("/me/shows", SaveShows);
        api.MapDelete("/me/shows", RemoveShows);
        api.MapGet("/me/shows/contains", ShowsContain);
        api.MapGet("/me/audiobooks", GetSavedAudiobooks);
        api.MapPut("/me/audiobooks", SaveAudiobooks);
        api.MapDelete("/me/audiobooks", RemoveAudiobooks);
        api.MapGet("/me/audiobooks/contains", AudiobooksContain);
        api.MapPut("/me/library", SaveUris);
        api.MapDelete("/me/library", RemoveUris);
        api.MapGet("/me/library/contains", LibraryContains);
    }

    /// <summary>The library's collections and services; the playlists area adds its own collection.</summary>
    public static IServiceCollection AddLibrary(this IServiceCollection services)
    {
        services.AddSingleton<SavedKinds>();
        foreach (var kind in new Func<SavedKinds, ILibraryCollection>[] { k => k.Tracks, k => k.Albums, k => k.Episodes, k => k.Shows, k => k.Audiobooks })
        {
            services.AddSingleton(sp => kind(sp.GetRequiredService<SavedKinds>()));
        }
        services.AddSingleton<ArtistFollowerCounts>();
        services.AddSingleton<IArtistFollowerCounts>(sp => sp.GetRequiredService<ArtistFollowerCounts>());
        services.AddHostedService(sp => sp.GetRequiredService<ArtistFollowerCounts>());
        services.AddSingleton<ArtistFollows>();
        services.AddSingleton<UserFollows>();
        services.AddSingleton<ILibraryCollection>(sp => sp.GetRequiredService<ArtistFollows>());
        services.AddSingleton<ILibraryCollection>(sp => sp.GetRequiredService<UserFollows>());
        services.AddSingleton<LibraryCollections>();
        services.AddScoped<LibraryService>();
        return services;
    }

    private static async Task<SpotifyJson<PagingObject<SavedTrackObject>>> GetSavedTracks(
        HttpRequest request, Caller caller, Market market, PageLink link, LibraryService library, CancellationToken ct) =>
        SpotifyResults.Private(await library.SavedTracksAsync(caller, PageOf(request), market.Code, link, ct), SpotifyJsonContext.Default.PagingObjectSavedTrackObject);

    private static async Task<SpotifyJson<PagingObject<SavedAlbumObject>>> GetSavedAlbums(
        HttpRequest request, Caller caller, Market market, PageLink link, LibraryService library, CancellationToken ct) =>
        SpotifyResults.Private(await library.SavedAlbumsAsync(caller, PageOf(request), market.Code, link, ct), SpotifyJsonContext.Default.PagingObjectSavedAlbumObject);

    private static async Task<SpotifyJson<PagingObject<SavedEpisodeObject>>> GetSavedEpisodes(
        HttpRequest request, Caller caller, Market market, PageLink link, LibraryService library, CancellationToken ct) =>
        SpotifyResults.Private(await library.SavedEpisodesAsync(caller, PageOf(request), market.Code, link, ct), SpotifyJsonContext.Default.PagingObjectSavedEpisodeObject);

    private static async Task<SpotifyJson<PagingObject<SavedShowObject>>> GetSavedShows(
        HttpRequest request, Caller caller, Market market, PageLink link, LibraryService library, CancellationToken ct) =>
        SpotifyResults.Private(await library.SavedShowsAsync(caller, PageOf(request), market.Code, link, ct), SpotifyJsonContext.Default.PagingObjectSavedShowObject);

    private static async Task<SpotifyJson<PagingObject<SavedAudiobookObject>>> GetSavedAudiobooks(
        HttpRequest request, Caller caller, Market market, PageLink link, LibraryService library, CancellationToken ct) =>
        SpotifyResults.Private(await library.SavedAudiobooksAsync(caller, PageOf(request), market.Code, link, ct), SpotifyJsonContext.Default.PagingObjectSavedAudiobookObject);

    // The page is read before the market (an argument list is evaluated in order), so a bad limit is reported first.
    private static Page PageOf(HttpRequest request) => Page.From(request, defaultLimit: 20, maxLimit: 50);

    // PUT /me/tracks alone takes timestamped_ids (the spec's saved-track body).
    private static Task<Ok> SaveTracks(HttpRequest request, Caller caller, LibraryService library, CancellationToken ct) =>
        Save(request, caller, library, library.Kinds.Tracks, timestamps: true, ct);

    private static Task<Ok> SaveAlbums(HttpRequest request, Caller caller, LibraryService library, CancellationToken ct) =>
        Save(request, caller, library, library.Kinds.Albums, timestamps: false, ct);

    private static Task<Ok> SaveEpisodes(HttpRequest request, Caller caller, LibraryService library, CancellationToken ct) =>
        Save(request, caller, library, library.Kinds.Episodes, timestamps: false, ct);

    private static Task<Ok> SaveShows(HttpRequest request, Caller caller, LibraryService library, CancellationToken ct) =>
        Save(request, caller, library, library.Kinds.Shows, timestamps: false, ct);

    private static Task<Ok> SaveAudiobooks(HttpRequest request, Caller caller, LibraryService library, CancellationToken ct) =>
        Save(request, caller, library, library.Kinds.Audiobooks, timestamps: false, ct);

    private static Task<Ok> RemoveTracks(HttpRequest request, Caller caller, LibraryService library, CancellationToken ct) =>
        Remove(request, caller, library, library.Kinds.Tracks, ct);

    private static Task<Ok> RemoveAlbums(HttpRequest request, Caller caller, LibraryService library, CancellationToken ct) =>
        Remove(request, caller, library, library.Kinds.Albums, ct);

    private static Task<Ok> RemoveEpisodes(HttpRequest request, Caller caller, LibraryService library, CancellationToken ct) =>
        Remove(request, caller, library, library.Kinds.Episodes, ct);

    private static Task<Ok> RemoveShows(HttpRequest request, Caller caller, LibraryService library, CancellationToken ct) =>
        Remove(request, caller, library, library.Kinds.Shows, ct);

    private static Task<Ok> RemoveAudiobooks(HttpRequest request, Caller caller, LibraryService library, CancellationToken ct) =>
        Remove(request, caller, library, library.Kinds.Audiobooks, ct);

    private static Task<SpotifyJson<bool[]>> TracksContain(HttpRequest request, Caller caller, LibraryService library, CancellationToken ct) =>
        Contains(request, caller, library, library.Kinds.Tracks, ct);

    private static Task<SpotifyJson<bool[]>> AlbumsContain(HttpRequest request, Caller caller, LibraryService library, CancellationToken ct) =>
        Contains(request, caller, library, library.Kinds.Albums, ct);

    private static Task<SpotifyJson<bool[]>> EpisodesContain(HttpRequest request, Caller caller, LibraryService library, CancellationToken ct) =>
        Contains(request, caller, library, library.Kinds.Episodes, ct);

    private static Task<SpotifyJson<bool[]>> ShowsContain(HttpRequest request, Caller caller, LibraryService library, CancellationToken ct) =>
        Contains(request, caller, library, library.Kinds.Shows, ct);

    private static Task<SpotifyJson<bool[]>> AudiobooksContain(HttpRequest request, Caller caller, LibraryService library, CancellationToken ct) =>
        Contains(request, caller, library, library.Kinds.Audiobooks, ct);

    private static async Task<Ok> SaveUris(HttpRequest request, Caller caller, LibraryService library, CancellationToken ct)
    {
        var uris = await RequestIds.ReadAsync(request, "uris", LibraryService.MaxUris);
        await library.ChangeUrisAsync(caller, uris, save: true, ct);
        return TypedResults.Ok();
    }

    private static async Task<Ok> RemoveUris(HttpRequest request, Caller caller, LibraryService library, CancellationToken ct)
    {
        var uris = await RequestIds.ReadAsync(request, "uris", LibraryService.MaxUris);
        await library.ChangeUrisAsync(caller, uris, save: false, ct);
        return TypedResults.Ok();
    }

    private static async Task<SpotifyJson<bool[]>> LibraryContains(HttpRequest request, Caller caller, LibraryService library, CancellationToken ct)
    {
        var uris = await RequestIds.ReadAsync(request, "uris", LibraryService.MaxUris, distinct: false);
        return SpotifyResults.Private(await library.ContainsUrisAsync(caller, uris, ct), SpotifyJsonContext.Default.BooleanArray);
    }

    private static async Task<Ok> Save(HttpRequest request, Caller caller, LibraryService library, SavedItems kind, bool timestamps, CancellationToken ct)
    {
        var items = await RequestIds.ReadAsync(request, "ids", kind.MaxIds, timestamps);
        await library.SaveAsync(caller, kind, items, timestamps, ct);
        return TypedResults.Ok();
    }

    private static async Task<Ok> Remove(HttpRequest request, Caller caller, LibraryService library, SavedItems kind, CancellationToken ct)
    {
        var items = await RequestIds.ReadAsync(request, "ids", kind.MaxIds);
        await library.RemoveAsync(caller, kind, items, ct);
        return TypedResults.Ok();
    }

    private static async Task<SpotifyJson<bool[]>> Contains(HttpRequest request, Caller caller, LibraryService library, SavedItems kind, CancellationToken ct)
    {
        var items = await RequestIds.ReadAsync(request, "ids", kind.MaxIds, distinct: false);
        return SpotifyResults.Private(await library.ContainsAsync(caller, kind, items, ct), SpotifyJsonContext.Default.BooleanArray);
    }
}
