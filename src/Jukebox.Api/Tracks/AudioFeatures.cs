using Jukebox.Api.Catalog;
using Jukebox.Api.Http;

namespace Jukebox.Api.Tracks;

/// <summary>The audio features object of a track, and the attributes recommendations tune.</summary>
public static class AudioFeatures
{
    public static AudioFeaturesObject ToObject(CatalogTrack t, TrackFeatures f, PublicUrls urls) => new(
        Acousticness: Round(f.Acousticness), AnalysisUrl: urls.Api($"audio-analysis/{t.Id}"), Danceability: Round(f.Danceability),
        DurationMs: t.DurationMs, Energy: Round(f.Energy), Id: t.Id, Instrumentalness: Round(f.Instrumentalness), Key: f.Key,
        Liveness: Round(f.Liveness), Loudness: Round(f.Loudness), Mode: f.Mode, Speechiness: Round(f.Speechiness), Tempo: Round(f.Tempo),
        TimeSignature: f.TimeSignature, TrackHref: urls.Resource("tracks", t.Id), Type: "audio_features", Uri: SpotifyIds.Uri("track", t.Id),
        Valence: Round(f.Valence));

    /// <summary>Stored with three decimals; the float keeping it in memory must not add digits.</summary>
    private static double Round(float value) => Math.Round(value, 3);
}
