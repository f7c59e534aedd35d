using Jukebox.Api.Albums;
using Jukebox.Api.Catalog;
using Jukebox.Api.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Jukebox.Api.Artists;

public static class ArtistsEndpoints
{
    public static void MapArtists(this IEndpointRouteBuilder api)
    {
        api.MapGet("/artists/{id}", GetArtist);
        api.MapGet("/artists", GetSeveralArtists);
        api.MapGet("/artists/{id}/albums", GetArtistAlbums);
        api.MapGet("/artists/{id}/top-tracks", GetArtistTopTracks);
        api.MapGet("/artists/{id}/related-artists", GetRelatedArtists);
    }

    private static async Task<SpotifyJson<ArtistObject>> GetArtist(string id, CatalogStore store, CatalogObjects objects)
    {
        var artist = await ArtistsService.FindAsync(store, id);
        return SpotifyResults.Catalog(objects.Artist(artist), SpotifyJsonContext.Default.ArtistObject);
    }

    private static async Task<SpotifyJson<ArtistsResponse>> GetSeveralArtists(string? ids, CatalogStore store, CatalogObjects objects)
    {
        var artists = CatalogLookup.Several((await store.GetAsync()).Artists, ids, max: 50, objects.Artist);
        return SpotifyResults.Catalog(new ArtistsResponse(artists), SpotifyJsonContext.Default.ArtistsResponse);
    }

    private static async Task<SpotifyJson<PagingObject<ArtistDiscographyAlbumObject>>> GetArtistAlbums(
        string id, string? include_groups, HttpRequest request, Market market, PageLink link, CatalogStore store, CatalogObjects objects)
    {
        var artist = await ArtistsService.FindAsync(store, id);
        var groups = ArtistsService.ParseGroups(include_groups);
        var page = Page.From(request, defaultLimit: 5, maxLimit: 10);
        var code = market.Code;
        var albums = ArtistsService.Discography(artist, groups, code);
        var paging = page.ToPaging(objects.Urls, link, albums, a => objects.DiscographyAlbum(a.Album, a.Group, code));
        return SpotifyResults.Catalog(paging, SpotifyJsonContext.Default.PagingObjectArtistDiscographyAlbumObject);
    }

    private static async Task<SpotifyJson<ArtistTopTracksResponse>> GetArtistTopTracks(string id, Market market, CatalogStore store, CatalogObjects objects)
    {
        var artist = await ArtistsService.FindAsync(store, id);
        var code = market.Code;
        var tracks = ArtistsService.TopTracks(artist, code).Select(t => objects.Track(t, code)).ToList();
        return SpotifyResults.Catalog(new ArtistTopTracksResponse(tracks), SpotifyJsonContext.Default.ArtistTopTracksResponse);
    }

    private static async Task<SpotifyJson<ArtistsResponse>> GetRelatedArtists(string id, CatalogStore store, CatalogObjects objects)
    {
        var artist = await ArtistsService.FindAsync(store, id);
        var catalog = await store.GetAsync();
        var related = ArtistsService.Related(catalog, artist).Select(a => (ArtistObject?)objects.Artist(a)).ToList();
        return SpotifyResults.Catalog(new ArtistsResponse(related), SpotifyJsonContext.Default.ArtistsResponse);
    }
}
