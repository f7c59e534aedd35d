using Jukebox.Api.Catalog;
using Jukebox.Api.Http;
using Jukebox.Api.Tracks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Jukebox.Api.Albums;

public static class AlbumsEndpoints
{
    /// <summary>How many tracks an album object embeds, as Spotify's do.</summary>
    private const int EmbeddedTracks = 50;

    public static void MapAlbums(this IEndpointRouteBuilder api)
    {
        api.MapGet("/albums/{id}", GetAlbum);
        api.MapGet("/albums", GetSeveralAlbums);
        api.MapGet("/albums/{id}/tracks", GetAlbumTracks);
    }

    private static async Task<SpotifyJson<AlbumObject>> GetAlbum(string id, HttpContext context, CatalogStore store, CatalogObjects objects)
    {
        var album = CatalogLookup.Find((await store.GetAsync()).Albums, id);
        var market = Market.Resolve(context);
        return SpotifyResults.Catalog(AlbumObjectOf(album, market, objects), SpotifyJsonContext.Default.AlbumObject);
    }

    private static async Task<SpotifyJson<AlbumsResponse>> GetSeveralAlbums(string? ids, HttpContext context, CatalogStore store, CatalogObjects objects)
    {
        var market = Market.Resolve(context);
        var albums = CatalogLookup.Several((await store.GetAsync()).Albums, ids, max: 20, a => AlbumObjectOf(a, market, objects));
        return SpotifyResults.Catalog(new AlbumsResponse(albums), SpotifyJsonContext.Default.AlbumsResponse);
    }

    private static async Task<SpotifyJson<PagingObject<SimplifiedTrackObject>>> GetAlbumTracks(string id, HttpContext context, CatalogStore store, CatalogObjects objects)
    {
        var album = CatalogLookup.Find((await store.GetAsync()).Albums, id);
        var page = Page.From(context.Request, defaultLimit: 20, maxLimit: 50);
        var market = Market.Resolve(context);
        var paging = page.ToPaging(context.Request, objects.Urls, album.Tracks, t => objects.SimplifiedTrack(t, market));
        return SpotifyResults.Catalog(paging, SpotifyJsonContext.Default.PagingObjectSimplifiedTrackObject);
    }

    internal static AlbumObject AlbumObjectOf(CatalogAlbum album, string? market, CatalogObjects objects)
    {
        var page = new Page(EmbeddedTracks, 0);
        KeyValuePair<string, string>[] parameters = market is null ? [] : [new("market", market)];
        var tracks = page.ToPaging(objects.Urls, $"/v1/albums/{album.Id}/tracks", parameters, album.Tracks, t => objects.SimplifiedTrack(t, market));
        return objects.Album(album, market, tracks);
    }
}
