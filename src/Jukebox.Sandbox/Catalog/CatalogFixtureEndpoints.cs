using System.Text.Json.Serialization.Metadata;
using Jukebox.Api.Albums;
using Jukebox.Api.Artists;
using Jukebox.Api.Catalog;
using Jukebox.Api.Http;
using Jukebox.Api.Tracks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Jukebox.Sandbox.Catalog;

/// <summary>
/// Catalog fixtures: artists, albums (with their tracks) and tracks made, replaced and deleted through
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
    }

    public static IServiceCollection AddCatalogFixtures(this IServiceCollection services) => services
        .AddScoped<CatalogChanges>().AddScoped<ArtistFixtures>().AddScoped<AlbumFixtures>().AddScoped<TrackFixtures>();

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
