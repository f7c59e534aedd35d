using Jukebox.Api.Catalog;
using Jukebox.Api.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Jukebox.Api.Tracks;

public static class TracksEndpoints
{
    public static void MapTracks(this IEndpointRouteBuilder api)
    {
        // The busiest route takes its two singletons here, once: asked of the request's services, they
        // would open a service scope for every request.
        var store = api.ServiceProvider.GetRequiredService<CatalogStore>();
        var objects = api.ServiceProvider.GetRequiredService<CatalogObjects>();
        api.MapGet("/tracks/{id}", (string id, HttpContext context) => GetTrack(id, context, store, objects));
        api.MapGet("/tracks", GetSeveralTracks);
        api.MapGet("/audio-features/{id}", GetAudioFeatures);
        api.MapGet("/audio-features", GetSeveralAudioFeatures);
        api.MapGet("/audio-analysis/{id}", GetAudioAnalysis);
    }

    // The busiest route resolves its market itself: a bound parameter would add an asynchronous
    // binding step (and its allocations) to every request. A ValueTask: it completes at once once the
    // catalog is loaded, without a Task of its own.
    private static async ValueTask<SpotifyJson<TrackObject>> GetTrack(string id, HttpContext context, CatalogStore store, CatalogObjects objects)
    {
        var track = CatalogLookup.Find((await store.GetAsync()).Tracks, id);
        var market = Market.Resolve(context);
        return SpotifyResults.Catalog(objects.Track(track, market), SpotifyJsonContext.Default.TrackObject);
    }

    private static async Task<SpotifyJson<TracksResponse>> GetSeveralTracks(string? ids, Market market, CatalogStore store, CatalogObjects objects)
    {
        var code = market.Code;
        var tracks = CatalogLookup.Several((await store.GetAsync()).Tracks, ids, max: 50, t => objects.Track(t, code));
        return SpotifyResults.Catalog(new TracksResponse(tracks), SpotifyJsonContext.Default.TracksResponse);
    }

    private static async Task<SpotifyJson<AudioFeaturesObject>> GetAudioFeatures(string id, CatalogStore store, AudioFeatureStore features, CatalogObjects objects)
    {
        var catalog = await store.GetAsync();
        var track = CatalogLookup.Find(catalog.Tracks, id);
        var all = await features.ForAsync(catalog);
        return SpotifyResults.Catalog(AudioFeatures.ToObject(track, all[track], objects.Urls), SpotifyJsonContext.Default.AudioFeaturesObject);
    }

    private static async Task<SpotifyJson<AudioFeaturesResponse>> GetSeveralAudioFeatures(string? ids, CatalogStore store, AudioFeatureStore features, CatalogObjects objects)
    {
        var catalog = await store.GetAsync();
        var all = await features.ForAsync(catalog);
        var list = CatalogLookup.Several(catalog.Tracks, ids, max: 100, t => AudioFeatures.ToObject(t, all[t], objects.Urls));
        return SpotifyResults.Catalog(new AudioFeaturesResponse(list), SpotifyJsonContext.Default.AudioFeaturesResponse);
    }

    private static async Task<SpotifyJson<AudioAnalysisObject>> GetAudioAnalysis(string id, CatalogStore store, AudioFeatureStore features)
    {
        var catalog = await store.GetAsync();
        var track = CatalogLookup.Find(catalog.Tracks, id);
        var all = await features.ForAsync(catalog);
        return SpotifyResults.Catalog(AudioAnalysis.For(track, all[track]), SpotifyJsonContext.Default.AudioAnalysisObject);
    }
}
