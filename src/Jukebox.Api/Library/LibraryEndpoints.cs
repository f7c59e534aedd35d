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

    private static async Task<SpotifyJson<PagingObject<SavedTrackObject>>> GetSavedTracks(HttpContext context, LibraryService library) =>
        SpotifyResults.Private(await library.SavedTracksAsync(context), SpotifyJsonContext.Default.PagingObjectSavedTrackObject);

    private static async Task<SpotifyJson<PagingObject<SavedAlbumObject>>> GetSavedAlbums(HttpContext context, LibraryService library) =>
        SpotifyResults.Private(await library.SavedAlbumsAsync(context), SpotifyJsonContext.Default.PagingObjectSavedAlbumObject);

    private static async Task<SpotifyJson<PagingObject<SavedEpisodeObject>>> GetSavedEpisodes(HttpContext context, LibraryService library) =>
        SpotifyResults.Private(await library.SavedEpisodesAsync(context), SpotifyJsonContext.Default.PagingObjectSavedEpisodeObject);

    private static async Task<SpotifyJson<PagingObject<SavedShowObject>>> GetSavedShows(HttpContext context, LibraryService library) =>
        SpotifyResults.Private(await library.SavedShowsAsync(context), SpotifyJsonContext.Default.PagingObjectSavedShowObject);

    private static async Task<SpotifyJson<PagingObject<SavedAudiobookObject>>> GetSavedAudiobooks(HttpContext context, LibraryService library) =>
        SpotifyResults.Private(await library.SavedAudiobooksAsync(context), SpotifyJsonContext.Default.PagingObjectSavedAudiobookObject);

    // PUT /me/tracks alone takes timestamped_ids (the spec's saved-track body).
    private static Task<Ok> SaveTracks(HttpContext context, LibraryService library) => Save(context, library, library.Kinds.Tracks, timestamps: true);

    private static Task<Ok> SaveAlbums(HttpContext context, LibraryService library) => Save(context, library, library.Kinds.Albums);

    private static Task<Ok> SaveEpisodes(HttpContext context, LibraryService library) => Save(context, library, library.Kinds.Episodes);

    private static Task<Ok> SaveShows(HttpContext context, LibraryService library) => Save(context, library, library.Kinds.Shows);

    private static Task<Ok> SaveAudiobooks(HttpContext context, LibraryService library) => Save(context, library, library.Kinds.Audiobooks);

    private static Task<Ok> RemoveTracks(HttpContext context, LibraryService library) => Remove(context, library, library.Kinds.Tracks);

    private static Task<Ok> RemoveAlbums(HttpContext context, LibraryService library) => Remove(context, library, library.Kinds.Albums);

    private static Task<Ok> RemoveEpisodes(HttpContext context, LibraryService library) => Remove(context, library, library.Kinds.Episodes);

    private static Task<Ok> RemoveShows(HttpContext context, LibraryService library) => Remove(context, library, library.Kinds.Shows);

    private static Task<Ok> RemoveAudiobooks(HttpContext context, LibraryService library) => Remove(context, library, library.Kinds.Audiobooks);

    private static Task<SpotifyJson<bool[]>> TracksContain(HttpContext context, LibraryService library) => Contains(context, library, library.Kinds.Tracks);

    private static Task<SpotifyJson<bool[]>> AlbumsContain(HttpContext context, LibraryService library) => Contains(context, library, library.Kinds.Albums);

    private static Task<SpotifyJson<bool[]>> EpisodesContain(HttpContext context, LibraryService library) => Contains(context, library, library.Kinds.Episodes);

    private static Task<SpotifyJson<bool[]>> ShowsContain(HttpContext context, LibraryService library) => Contains(context, library, library.Kinds.Shows);

    private static Task<SpotifyJson<bool[]>> AudiobooksContain(HttpContext context, LibraryService library) => Contains(context, library, library.Kinds.Audiobooks);

    private static async Task<Ok> SaveUris(HttpContext context, LibraryService library)
    {
        await library.ChangeUrisAsync(context, save: true);
        return TypedResults.Ok();
    }

    private static async Task<Ok> RemoveUris(HttpContext context, LibraryService library)
    {
        await library.ChangeUrisAsync(context, save: false);
        return TypedResults.Ok();
    }

    private static async Task<SpotifyJson<bool[]>> LibraryContains(HttpContext context, LibraryService library) =>
        SpotifyResults.Private(await library.ContainsUrisAsync(context), SpotifyJsonContext.Default.BooleanArray);

    private static async Task<Ok> Save(HttpContext context, LibraryService library, SavedItems kind, bool timestamps = false)
    {
        await library.SaveAsync(context, kind, kind.MaxIds, timestamps);
        return TypedResults.Ok();
    }

    private static async Task<Ok> Remove(HttpContext context, LibraryService library, SavedItems kind)
    {
        await library.RemoveAsync(context, kind, kind.MaxIds);
        return TypedResults.Ok();
    }

    private static async Task<SpotifyJson<bool[]>> Contains(HttpContext context, LibraryService library, SavedItems kind) =>
        SpotifyResults.Private(await library.ContainsAsync(context, kind, kind.MaxIds), SpotifyJsonContext.Default.BooleanArray);
}
