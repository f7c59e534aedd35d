namespace Jukebox.Api.Tracks;

public sealed record AudioFeaturesObject(
    double Acousticness, string AnalysisUrl, double Danceability, int DurationMs, double Energy, string Id,
    double Instrumentalness, int Key, double Liveness, double Loudness, int Mode, double Speechiness, double Tempo,
    int TimeSignature, string TrackHref, string Type, string Uri, double Valence);

public sealed record AudioFeaturesResponse(IReadOnlyList<AudioFeaturesObject?> AudioFeatures);

public sealed record AudioAnalysisObject(
    AudioAnalysisMeta Meta, AudioAnalysisTrack Track, IReadOnlyList<TimeIntervalObject> Bars, IReadOnlyList<TimeIntervalObject> Beats,
    IReadOnlyList<SectionObject> Sections, IReadOnlyList<SegmentObject> Segments, IReadOnlyList<TimeIntervalObject> Tatums);

public sealed record AudioAnalysisMeta(
    string AnalyzerVersion, string Platform, string DetailedStatus, int StatusCode, long Timestamp, double AnalysisTime, string InputProcess);

public sealed record AudioAnalysisTrack(
    int NumSamples, double Duration, string SampleMd5, int OffsetSeconds, int WindowSeconds, int AnalysisSampleRate,
    int AnalysisChannels, double EndOfFadeIn, double StartOfFadeOut, double Loudness, double Tempo, double TempoConfidence,
    int TimeSignature, double TimeSignatureConfidence, int Key, double KeyConfidence, int Mode, double ModeConfidence,
    string Codestring, double CodeVersion, string Echoprintstring, double EchoprintVersion, string Synchstring,
    double SynchVersion, string Rhythmstring, double RhythmVersion);

public sealed record TimeIntervalObject(double Start, double Duration, double Confidence);

public sealed record SectionObject(
    double Start, double Duration, double Confidence, double Loudness, double Tempo, double TempoConfidence, int Key,
    double KeyConfidence, int Mode, double ModeConfidence, int TimeSignature, double TimeSignatureConfidence);

public sealed record SegmentObject(
    double Start, double Duration, double Confidence, double LoudnessStart, double LoudnessMax, double LoudnessMaxTime,
    double LoudnessEnd, IReadOnlyList<double> Pitches, IReadOnlyList<double> Timbre);
