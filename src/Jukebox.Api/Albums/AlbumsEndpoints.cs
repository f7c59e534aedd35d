using Jukebox.Api.Catalog;
using Jukebox.Api.Http;
using Jukebox.Api.Tracks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Jukebox.Api.Albums;

public static class AlbumsEndpoints
{
    public static void MapAlbums(this IEndpointRouteBuilder api)
    {
        api.MapGet("/albums/{id}", GetAlbum);
        api.MapGet("/albums", GetSeveralAlbums);
        api.MapGet("/albums/{id}/tracks", GetAlbumTracks);
    }

    private static async Task<SpotifyJson<AlbumObject>> GetAlbum(string id, Market market, CatalogStore store, CatalogObjects objects)
    {
        var album = CatalogLookup.Find((await store.GetAsync()).Albums, id);
        return SpotifyResults.Catalog(objects.Album(album, market.Code), SpotifyJsonContext.Default.AlbumObject);
    }

    private static async Task<SpotifyJson<AlbumsResponse>> GetSeveralAlbums(string? ids, Market market, CatalogStore store, CatalogObjects objects)
    {
        var code = market.Code;
        var albums = CatalogLookup.Several((await store.GetAsync()).Albums, ids, max: 20, a => objects.Album(a, code));
        return SpotifyResults.Catalog(new AlbumsResponse(albums), SpotifyJsonContext.Default.AlbumsResponse);
    }

    private static async Task<SpotifyJson<PagingObject<SimplifiedTrackObject>>> GetAlbumTracks(
        string id, HttpRequest request, Market market, PageLink link, CatalogStore store, CatalogObjects objects)
    {
        var album = CatalogLookup.Find((await store.GetAsync()).Albums, id);
        var page = Page.From(request, defaultLimit: 20, maxLimit: 50);
        var code = market.Code;
        var paging = page.ToPaging(objects.Urls, link, album.Tracks, t => objects.SimplifiedTrack(t, code));
        return SpotifyResults.Catalog(paging, SpotifyJsonContext.Default.PagingObjectSimplifiedTrackObject);
    }
}
