using System.IO.Hashing;
using System.Runtime.InteropServices;
using Jukebox.Api.Catalog;
using Jukebox.Api.Search;

namespace Jukebox.Api.Tracks;

/// <summary>
/// A track's audio analysis, computed from its audio features and duration rather than stored: the
/// same track always gets the same analysis (the generator is seeded by the track id). Beats follow
/// the tempo, bars group time_signature beats, tatums halve the beats, sections are runs of bars and
/// segments tile the whole track; every interval lies within [0, duration].
/// </summary>
public static class AudioAnalysis
{
    private const int SampleRate = 22050;
    private static readonly int[] MajorChord = [0, 4, 7];
    private static readonly int[] MinorChord = [0, 3, 7];

    public static AudioAnalysisObject For(CatalogTrack track, TrackFeatures features)
    {
        var random = new Random((int)XxHash32.HashToUInt32(MemoryMarshal.AsBytes(track.Id.AsSpan())));
        var duration = track.DurationMs / 1000.0;
        var tempo = features.Tempo > 0 ? features.Tempo : 120.0;
        var timeSignature = Math.Clamp((int)features.TimeSignature, 3, 7);
        var beatLength = 60.0 / tempo;
        var endOfFadeIn = Round(random.NextDouble() * Math.Min(2.0, duration * 0.05));
        var startOfFadeOut = Round(duration - random.NextDouble() * Math.Min(8.0, duration * 0.08));

        var beats = new List<TimeIntervalObject>();
        for (var t = endOfFadeIn; duration - t > beatLength * 0.25;)
        {
            var length = Math.Min(beatLength * (0.99 + random.NextDouble() * 0.02), duration - t);
            beats.Add(Interval(t, t + length, Confidence(random)));
            t += length;
        }
        var tatums = beats.SelectMany(b => new[]
        {
            Interval(b.Start, b.Start + b.Duration / 2, Confidence(random)),
            Interval(b.Start + b.Duration / 2, b.Start + b.Duration, Confidence(random)),
        }).ToList();
        var bars = beats.Chunk(timeSignature)
            .Select(chunk => Interval(chunk[0].Start, chunk[^1].Start + chunk[^1].Duration, Confidence(random)))
            .ToList();
        var sections = Sections(random, bars, duration, features, tempo, timeSignature);
        var segments = Segments(random, duration, features, sections);

        var meta = new AudioAnalysisMeta("4.0.0", "Linux", "OK", 0, AnalysedAt(track, random), Round(3 + duration / 40), "libvorbisfile L+R 44100->22050");
        var summary = new AudioAnalysisTrack(
            NumSamples: (int)(duration * SampleRate), Duration: Round(duration), SampleMd5: "", OffsetSeconds: 0, WindowSeconds: 0,
            AnalysisSampleRate: SampleRate, AnalysisChannels: 1, EndOfFadeIn: endOfFadeIn, StartOfFadeOut: Math.Max(endOfFadeIn, startOfFadeOut),
            Loudness: Round3(features.Loudness), Tempo: Round3(tempo), TempoConfidence: Confidence(random),
            TimeSignature: timeSignature, TimeSignatureConfidence: Confidence(random), Key: features.Key, KeyConfidence: Confidence(random),
            Mode: features.Mode, ModeConfidence: Confidence(random), Codestring: "", CodeVersion: 3.15, Echoprintstring: "",
            EchoprintVersion: 4.15, Synchstring: "", SynchVersion: 1.0, Rhythmstring: "", RhythmVersion: 1.0);
        return new AudioAnalysisObject(meta, summary, bars, beats, sections, segments, tatums);
    }

    /// <summary>Runs of about eight bars; the first starts at 0 and the last ends at the track's end.</summary>
    private static List<SectionObject> Sections(Random random, List<TimeIntervalObject> bars, double duration, TrackFeatures f, double tempo, int timeSignature)
    {
        var starts = new List<double> { 0 };
        for (var i = 8 + random.Next(8); i < bars.Count - 4; i += 8 + random.Next(8))
        {
            starts.Add(bars[i].Start);
        }
        var sections = new List<SectionObject>(starts.Count);
        for (var i = 0; i < starts.Count; i++)
        {
            var end = i + 1 < starts.Count ? starts[i + 1] : duration;
            sections.Add(new SectionObject(
                Start: Round(starts[i]), Duration: Round(Round(end) - Round(starts[i])), Confidence: Confidence(random),
                Loudness: Round3(f.Loudness - 4 + random.NextDouble() * 5), Tempo: Round3(tempo * (0.995 + random.NextDouble() * 0.01)),
                TempoConfidence: Confidence(random), Key: f.Key, KeyConfidence: Confidence(random), Mode: f.Mode,
                ModeConfidence: Confidence(random), TimeSignature: timeSignature, TimeSignatureConfidence: Confidence(random)));
        }
        return sections;
    }

    /// <summary>Short sound events of 0.1–0.5 s end to end; pitches lean to the key's chord.</summary>
    private static List<SegmentObject> Segments(Random random, double duration, TrackFeatures f, List<SectionObject> sections)
    {
        var chord = (f.Mode == 1 ? MajorChord : MinorChord).Select(i => (f.Key + i) % 12).ToHashSet();
        var segments = new List<SegmentObject>();
        var section = 0;
        for (var t = 0.0; t < duration;)
        {
            var length = Math.Min(0.1 + random.NextDouble() * 0.4, duration - t);
            if (duration - (t + length) < 0.05)
            {
                length = duration - t; // no sliver at the end
            }
            while (section + 1 < sections.Count && sections[section + 1].Start <= t)
            {
                section++;
            }
            var loudness = sections[section].Loudness;
            var pitches = Enumerable.Range(0, 12).Select(i => (chord.Contains(i) ? 0.5 : 0.0) + random.NextDouble() * 0.5).ToArray();
            var strongest = pitches.Max();
            var last = t + length >= duration;
            segments.Add(new SegmentObject(
                Start: Round(t), Duration: Round(Round(t + length) - Round(t)), Confidence: Confidence(random),
                LoudnessStart: Round3(loudness - 10 - random.NextDouble() * 15), LoudnessMax: Round3(loudness - 3 + random.NextDouble() * 6),
                LoudnessMaxTime: Round(random.NextDouble() * length), LoudnessEnd: last ? Round3(loudness - 30) : 0,
                Pitches: [.. pitches.Select(p => Round3(p / strongest))],
                Timbre: [Round3(45 + loudness + random.NextDouble() * 10), .. Enumerable.Range(0, 11).Select(_ => Round3((random.NextDouble() - 0.5) * 200))]));
            t += length;
        }
        return segments;
    }

    /// <summary>A moment in the year the album came out, so the timestamp does not change between requests.</summary>
    private static long AnalysedAt(CatalogTrack track, Random random)
    {
        var year = SearchItems.Year(track.Album.ReleaseDate);
        return new DateTimeOffset(Math.Max(year, 2008), 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds() + random.Next(365 * 86_400);
    }

    /// <summary>An interval whose rounded start plus duration is its rounded end, so it never passes the track's end.</summary>
    private static TimeIntervalObject Interval(double start, double end, double confidence) =>
        new(Round(start), Round(Round(end) - Round(start)), confidence);

    private static double Confidence(Random random) => Round3(random.NextDouble());

    private static double Round(double seconds) => Math.Round(seconds, 5);

    private static double Round3(double value) => Math.Round(value, 3);
}
