using Jukebox.Api.Catalog;
using Jukebox.Api.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Jukebox.Api.Tracks;

public static class TracksEndpoints
{
    public static void MapTracks(this IEndpointRouteBuilder api)
    {
        api.MapGet("/tracks/{id}", GetTrack);
        api.MapGet("/tracks", GetSeveralTracks);
    }

    private static async Task<SpotifyJson<TrackObject>> GetTrack(string id, HttpContext context, CatalogStore store, CatalogObjects objects)
    {
        var track = CatalogLookup.Find((await store.GetAsync()).Tracks, id);
        var market = MarketParameter.Resolve(context);
        return SpotifyResults.Catalog(objects.Track(track, market), SpotifyJsonContext.Default.TrackObject);
    }

    private static async Task<SpotifyJson<TracksResponse>> GetSeveralTracks(string? ids, HttpContext context, CatalogStore store, CatalogObjects objects)
    {
        var market = MarketParameter.Resolve(context);
        var tracks = CatalogLookup.Several((await store.GetAsync()).Tracks, ids, max: 50, t => objects.Track(t, market));
        return SpotifyResults.Catalog(new TracksResponse(tracks), SpotifyJsonContext.Default.TracksResponse);
    }
}
