using System.Text.Json.Serialization.Metadata;
using Jukebox.Api.Albums;
using Jukebox.Api.Artists;
using Jukebox.Api.Audiobooks;
using Jukebox.Api.Browse;
using Jukebox.Api.Catalog;
using Jukebox.Api.Chapters;
using Jukebox.Api.Episodes;
using Jukebox.Api.Http;
using Jukebox.Api.Playlists;
using Jukebox.Api.Shows;
using Jukebox.Api.Tracks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Jukebox.Sandbox.Catalog;

/// <summary>
/// Catalog fixtures: artists, albums (with their tracks), tracks, shows (with their
/// episodes), episodes, audiobooks (with their chapters), chapters, categories (with their playlists) and
/// editorial playlists made, replaced and deleted through
/// the sandbox. Each answer is the object exactly as the Web API returns it from then on (without a
/// market), and every node serves the change at once.
/// </summary>
public static class CatalogFixtureEndpoints
{
    public static void MapCatalogFixtures(this RouteGroupBuilder sandbox)
    {
        var catalog = sandbox.MapGroup("/catalog");
        catalog.MapPost("/artists", CreateArtist).WithSummary("Add an artist to the catalog (a Web API artist object; id optional)")
            .Accepts<ArtistFixture>("application/json").Produces<ArtistObject>(StatusCodes.Status201Created);
        catalog.MapPut("/artists/{id}", ReplaceArtist).WithSummary("Replace a catalog artist")
            .Accepts<ArtistFixture>("application/json").Produces<ArtistObject>();
        catalog.MapDelete("/artists/{id}", DeleteArtist).WithSummary("Delete a catalog artist that no album or track credits");
        catalog.MapPost("/albums", CreateAlbum).WithSummary("Add an album with its tracks (tracks.items) to the catalog")
            .Accepts<AlbumFixture>("application/json").Produces<AlbumObject>(StatusCodes.Status201Created);
        catalog.MapPut("/albums/{id}", ReplaceAlbum).WithSummary("Replace a catalog album (and its tracks when the body has tracks)")
            .Accepts<AlbumFixture>("application/json").Produces<AlbumObject>();
        catalog.MapDelete("/albums/{id}", DeleteAlbum).WithSummary("Delete a catalog album with its tracks");
        catalog.MapPost("/tracks", CreateTrack).WithSummary("Add a track to an album of the catalog")
            .Accepts<TrackFixture>("application/json").Produces<TrackObject>(StatusCodes.Status201Created);
        catalog.MapPut("/tracks/{id}", ReplaceTrack).WithSummary("Replace a catalog track")
            .Accepts<TrackFixture>("application/json").Produces<TrackObject>();
        catalog.MapDelete("/tracks/{id}", DeleteTrack).WithSummary("Delete a catalog track");
        catalog.MapPost("/shows", CreateShow).WithSummary("Add a show with its episodes (episodes.items, newest first) to the catalog")
            .Accepts<ShowFixture>("application/json").Produces<ShowObject>(StatusCodes.Status201Created);
        catalog.MapPut("/shows/{id}", ReplaceShow).WithSummary("Replace a catalog show (and its episodes when the body has episodes)")
            .Accepts<ShowFixture>("application/json").Produces<ShowObject>();
        catalog.MapDelete("/shows/{id}", DeleteShow).WithSummary("Delete a catalog show with its episodes");
        catalog.MapPost("/episodes", CreateEpisode).WithSummary("Add an episode to a show of the catalog")
            .Accepts<EpisodeFixture>("application/json").Produces<EpisodeObject>(StatusCodes.Status201Created);
        catalog.MapPut("/episodes/{id}", ReplaceEpisode).WithSummary("Replace a catalog episode")
            .Accepts<EpisodeFixture>("application/json").Produces<EpisodeObject>();
        catalog.MapDelete("/episodes/{id}", DeleteEpisode).WithSummary("Delete a catalog episode");
        catalog.MapPost("/audiobooks", CreateAudiobook).WithSummary("Add an audiobook with its chapters (chapters.items) to the catalog")
            .Accepts<AudiobookFixture>("application/json").Produces<AudiobookObject>(StatusCodes.Status201Created);
        catalog.MapPut("/audiobooks/{id}", ReplaceAudiobook).WithSummary("Replace a catalog audiobook (and its chapters when the body has chapters)")
            .Accepts<AudiobookFixture>("application/json").Produces<AudiobookObject>();
        catalog.MapDelete("/audiobooks/{id}", DeleteAudiobook).WithSummary("Delete a catalog audiobook with its chapters");
        catalog.MapPost("/chapters", CreateChapter).WithSummary("Add a chapter to an audiobook of the catalog")
            .Accepts<ChapterFixture>("application/json").Produces<ChapterObject>(StatusCodes.Status201Created);
        catalog.MapPut("/chapters/{id}", ReplaceChapter).WithSummary("Replace a catalog chapter")
            .Accepts<ChapterFixture>("application/json").Produces<ChapterObject>();
        catalog.MapDelete("/chapters/{id}", DeleteChapter).WithSummary("Delete a catalog chapter");
        catalog.MapPost("/categories", CreateCategory).WithSummary("Add a browse category with its editorial playlists (playlists.items)")
            .Accepts<CategoryFixture>("application/json").Produces<CategoryObject>(StatusCodes.Status201Created);
        catalog.MapPut("/categories/{id}", ReplaceCategory).WithSummary("Replace a browse category (and its playlists when the body has playlists)")
            .Accepts<CategoryFixture>("application/json").Produces<CategoryObject>();
        catalog.MapDelete("/categories/{id}", DeleteCategory).WithSummary("Delete a browse category");
        catalog.MapPost("/playlists", CreatePlaylist).WithSummary("Add an editorial playlist (owned by Spotify's user) with its items")
            .Accepts<PlaylistFixture>("application/json").Produces<PlaylistObject>(StatusCodes.Status201Created);
        catalog.MapPut("/playlists/{id}", ReplacePlaylist).WithSummary("Replace an editorial playlist (and its items when the body has items)")
            .Accepts<PlaylistFixture>("application/json").Produces<PlaylistObject>();
        catalog.MapDelete("/playlists/{id}", DeletePlaylist).WithSummary("Delete an editorial playlist that no category lists and no user follows");
    }

    public static IServiceCollection AddCatalogFixtures(this IServiceCollection services) => services
        .AddScoped<CatalogChanges>().AddScoped<ArtistFixtures>().AddScoped<AlbumFixtures>().AddScoped<TrackFixtures>()
        .AddScoped<ShowFixtures>().AddScoped<EpisodeFixtures>().AddScoped<AudiobookFixtures>().AddScoped<ChapterFixtures>()
        .AddScoped<CategoryFixtures>().AddScoped<PlaylistFixtures>();

    private static async Task<SpotifyJson<ArtistObject>> CreateArtist(HttpContext context, ArtistFixtures artists, CatalogObjects objects)
    {
        var (catalog, id) = await artists.CreateAsync(await BodyAsync(context, FixtureJson.Artist), CancellationToken.None);
        return Created(context, objects, "artists", id, objects.Artist(catalog.Artists[id]), SpotifyJsonContext.Default.ArtistObject);
    }

    private static async Task<SpotifyJson<ArtistObject>> ReplaceArtist(string id, HttpContext context, ArtistFixtures artists, CatalogObjects objects)
    {
        var catalog = await artists.ReplaceAsync(id, await BodyAsync(context, FixtureJson.Artist), CancellationToken.None);
        return SpotifyResults.Private(objects.Artist(catalog.Artists[id]), SpotifyJsonContext.Default.ArtistObject);
    }

    private static async Task<NoContent> DeleteArtist(string id, ArtistFixtures artists)
    {
        await artists.DeleteAsync(id, CancellationToken.None);
        return TypedResults.NoContent();
    }

    private static async Task<SpotifyJson<AlbumObject>> CreateAlbum(HttpContext context, AlbumFixtures albums, CatalogObjects objects)
    {
        var (catalog, id) = await albums.CreateAsync(await BodyAsync(context, FixtureJson.Album), CancellationToken.None);
        return Created(context, objects, "albums", id, objects.Album(catalog.Albums[id], null), SpotifyJsonContext.Default.AlbumObject);
    }

    private static async Task<SpotifyJson<AlbumObject>> ReplaceAlbum(string id, HttpContext context, AlbumFixtures albums, CatalogObjects objects)
    {
        var catalog = await albums.ReplaceAsync(id, await BodyAsync(context, FixtureJson.Album), CancellationToken.None);
        return SpotifyResults.Private(objects.Album(catalog.Albums[id], null), SpotifyJsonContext.Default.AlbumObject);
    }

    private static async Task<NoContent> DeleteAlbum(string id, AlbumFixtures albums)
    {
        await albums.DeleteAsync(id, CancellationToken.None);
        return TypedResults.NoContent();
    }

    private static async Task<SpotifyJson<TrackObject>> CreateTrack(HttpContext context, TrackFixtures tracks, CatalogObjects objects)
    {
        var (catalog, id) = await tracks.CreateAsync(await BodyAsync(context, FixtureJson.Track), CancellationToken.None);
        return Created(context, objects, "tracks", id, objects.Track(catalog.Tracks[id], null), SpotifyJsonContext.Default.TrackObject);
    }

    private static async Task<SpotifyJson<TrackObject>> ReplaceTrack(string id, HttpContext context, TrackFixtures tracks, CatalogObjects objects)
    {
        var catalog = await tracks.ReplaceAsync(id, await BodyAsync(context, FixtureJson.Track), CancellationToken.None);
        return SpotifyResults.Private(objects.Track(catalog.Tracks[id], null), SpotifyJsonContext.Default.TrackObject);
    }

    private static async Task<NoContent> DeleteTrack(string id, TrackFixtures tracks)
    {
        await tracks.DeleteAsync(id, CancellationToken.None);
        return TypedResults.NoContent();
    }

    private static async Task<SpotifyJson<ShowObject>> CreateShow(HttpContext context, ShowFixtures shows, CatalogObjects objects)
    {
        var (catalog, id) = await shows.CreateAsync(await BodyAsync(context, FixtureJson.Show), CancellationToken.None);
        return Created(context, objects, "shows", id, objects.Show(catalog.Shows[id], null), SpotifyJsonContext.Default.ShowObject);
    }

    private static async Task<SpotifyJson<ShowObject>> ReplaceShow(string id, HttpContext context, ShowFixtures shows, CatalogObjects objects)
    {
        var catalog = await shows.ReplaceAsync(id, await BodyAsync(context, FixtureJson.Show), CancellationToken.None);
        return SpotifyResults.Private(objects.Show(catalog.Shows[id], null), SpotifyJsonContext.Default.ShowObject);
    }

    private static async Task<NoContent> DeleteShow(string id, ShowFixtures shows)
    {
        await shows.DeleteAsync(id, CancellationToken.None);
        return TypedResults.NoContent();
    }

    private static async Task<SpotifyJson<EpisodeObject>> CreateEpisode(HttpContext context, EpisodeFixtures episodes, CatalogObjects objects)
    {
        var (catalog, id) = await episodes.CreateAsync(await BodyAsync(context, FixtureJson.Episode), CancellationToken.None);
        return Created(context, objects, "episodes", id, objects.Episode(catalog.Episodes[id], null), SpotifyJsonContext.Default.EpisodeObject);
    }

    private static async Task<SpotifyJson<EpisodeObject>> ReplaceEpisode(string id, HttpContext context, EpisodeFixtures episodes, CatalogObjects objects)
    {
        var catalog = await episodes.ReplaceAsync(id, await BodyAsync(context, FixtureJson.Episode), CancellationToken.None);
        return SpotifyResults.Private(objects.Episode(catalog.Episodes[id], null), SpotifyJsonContext.Default.EpisodeObject);
    }

    private static async Task<NoContent> DeleteEpisode(string id, EpisodeFixtures episodes)
    {
        await episodes.DeleteAsync(id, CancellationToken.None);
        return TypedResults.NoContent();
    }

    private static async Task<SpotifyJson<AudiobookObject>> CreateAudiobook(HttpContext context, AudiobookFixtures audiobooks, CatalogObjects objects)
    {
        var (catalog, id) = await audiobooks.CreateAsync(await BodyAsync(context, FixtureJson.Audiobook), CancellationToken.None);
        return Created(context, objects, "audiobooks", id, objects.Audiobook(catalog.Audiobooks[id], null), SpotifyJsonContext.Default.AudiobookObject);
    }

    private static async Task<SpotifyJson<AudiobookObject>> ReplaceAudiobook(string id, HttpContext context, AudiobookFixtures audiobooks, CatalogObjects objects)
    {
        var catalog = await audiobooks.ReplaceAsync(id, await BodyAsync(context, FixtureJson.Audiobook), CancellationToken.None);
        return SpotifyResults.Private(objects.Audiobook(catalog.Audiobooks[id], null), SpotifyJsonContext.Default.AudiobookObject);
    }

    private static async Task<NoContent> DeleteAudiobook(string id, AudiobookFixtures audiobooks)
    {
        await audiobooks.DeleteAsync(id, CancellationToken.None);
        return TypedResults.NoContent();
    }

    private static async Task<SpotifyJson<ChapterObject>> CreateChapter(HttpContext context, ChapterFixtures chapters, CatalogObjects objects)
    {
        var (catalog, id) = await chapters.CreateAsync(await BodyAsync(context, FixtureJson.Chapter), CancellationToken.None);
        return Created(context, objects, "chapters", id, objects.Chapter(catalog.Chapters[id], null), SpotifyJsonContext.Default.ChapterObject);
    }

    private static async Task<SpotifyJson<ChapterObject>> ReplaceChapter(string id, HttpContext context, ChapterFixtures chapters, CatalogObjects objects)
    {
        var catalog = await chapters.ReplaceAsync(id, await BodyAsync(context, FixtureJson.Chapter), CancellationToken.None);
        return SpotifyResults.Private(objects.Chapter(catalog.Chapters[id], null), SpotifyJsonContext.Default.ChapterObject);
    }

    private static async Task<NoContent> DeleteChapter(string id, ChapterFixtures chapters)
    {
        await chapters.DeleteAsync(id, CancellationToken.None);
        return TypedResults.NoContent();
    }

    private static async Task<SpotifyJson<CategoryObject>> CreateCategory(HttpContext context, CategoryFixtures categories, CatalogObjects objects)
    {
        var (catalog, id) = await categories.CreateAsync(await BodyAsync(context, FixtureJson.Category), CancellationToken.None);
        context.Response.Headers.Location = objects.Urls.Api($"browse/categories/{id}");
        return new SpotifyJson<CategoryObject>(CategoryOf(catalog, id, objects), SpotifyJsonContext.Default.CategoryObject, CachePolicy.Private, StatusCodes.Status201Created);
    }

    private static async Task<SpotifyJson<CategoryObject>> ReplaceCategory(string id, HttpContext context, CategoryFixtures categories, CatalogObjects objects)
    {
        var catalog = await categories.ReplaceAsync(id, await BodyAsync(context, FixtureJson.Category), CancellationToken.None);
        return SpotifyResults.Private(CategoryOf(catalog, id, objects), SpotifyJsonContext.Default.CategoryObject);
    }

    private static async Task<NoContent> DeleteCategory(string id, CategoryFixtures categories)
    {
        await categories.DeleteAsync(id, CancellationToken.None);
        return TypedResults.NoContent();
    }

    private static CategoryObject CategoryOf(CatalogSnapshot catalog, string id, CatalogObjects objects) =>
        BrowseEndpoints.CategoryObjectOf(catalog.Categories.First(c => c.Id == id), null, objects.Urls);

    private static async Task<SpotifyJson<PlaylistObject>> CreatePlaylist(HttpContext context, PlaylistFixtures playlists, PlaylistsService reads, CatalogObjects objects)
    {
        var id = await playlists.CreateAsync(await BodyAsync(context, FixtureJson.Playlist), CancellationToken.None);
        return Created(context, objects, "playlists", id, await PlaylistAsync(reads, id), SpotifyJsonContext.Default.PlaylistObject);
    }

    private static async Task<SpotifyJson<PlaylistObject>> ReplacePlaylist(string id, HttpContext context, PlaylistFixtures playlists, PlaylistsService reads)
    {
        await playlists.ReplaceAsync(id, await BodyAsync(context, FixtureJson.Playlist), CancellationToken.None);
        return SpotifyResults.Private(await PlaylistAsync(reads, id), SpotifyJsonContext.Default.PlaylistObject);
    }

    private static async Task<NoContent> DeletePlaylist(string id, PlaylistFixtures playlists)
    {
        await playlists.DeleteAsync(id, CancellationToken.None);
        return TypedResults.NoContent();
    }

    /// <summary>The playlist as GET /v1/playlists/{id}?additional_types=episode answers it (without a market).</summary>
    private static Task<PlaylistObject> PlaylistAsync(PlaylistsService reads, string id) => reads.GetAsync(
        id, new Caller("sandbox", null, null, null, new HashSet<string>()), AppProfile.Full,
        new PlaylistsService.ItemOptions(null, Episodes: true), [new("additional_types", "episode")], CancellationToken.None);

    private static async Task<T> BodyAsync<T>(HttpContext context, JsonTypeInfo<T> typeInfo) where T : class =>
        await JsonBody.ReadAsync(context, typeInfo) ?? throw SpotifyException.BadRequest("A JSON body is required");

    /// <summary>201 with the object, and where the Web API serves it.</summary>
    private static SpotifyJson<T> Created<T>(
        HttpContext context, CatalogObjects objects, string resource, string id, T value, JsonTypeInfo<T> typeInfo)
    {
        context.Response.Headers.Location = objects.Urls.Resource(resource, id);
        return new SpotifyJson<T>(value, typeInfo, CachePolicy.Private, StatusCodes.Status201Created);
    }
}
