using System.Globalization;
using Jukebox.Api.Catalog;
using Jukebox.Api.Http;
using Jukebox.Api.Tracks;
using Microsoft.AspNetCore.Http;

namespace Jukebox.Api.Recommendations;

/// <summary>One attribute recommendations can be tuned by (min_, max_ and target_ of it).</summary>
/// <param name="Scale">The attribute's usual span, so that distances to targets of different attributes weigh alike.</param>
public sealed record TunableAttribute(string Name, double Lowest, double Highest, bool Integer, double Scale, Func<CatalogTrack, TrackFeatures, double> Value);

/// <summary>The requested bounds and targets, read from <c>min_*</c>, <c>max_*</c> and <c>target_*</c>.</summary>
public sealed record Tuning(
    IReadOnlyList<(TunableAttribute Attribute, double Min)> Mins,
    IReadOnlyList<(TunableAttribute Attribute, double Max)> Maxes,
    IReadOnlyList<(TunableAttribute Attribute, double Target)> Targets)
{
    /// <summary>Every attribute of the spec's Get Recommendations operation, with the bounds it gives.</summary>
    public static readonly IReadOnlyList<TunableAttribute> Attributes =
    [
        new("acousticness", 0, 1, false, 1, (_, f) => f.Acousticness),
        new("danceability", 0, 1, false, 1, (_, f) => f.Danceability),
        new("duration_ms", 0, int.MaxValue, true, 300_000, (t, _) => t.DurationMs),
        new("energy", 0, 1, false, 1, (_, f) => f.Energy),
        new("instrumentalness", 0, 1, false, 1, (_, f) => f.Instrumentalness),
        new("key", 0, 11, true, 11, (_, f) => f.Key),
        new("liveness", 0, 1, false, 1, (_, f) => f.Liveness),
        new("loudness", double.MinValue, double.MaxValue, false, 60, (_, f) => f.Loudness),
        new("mode", 0, 1, true, 1, (_, f) => f.Mode),
        new("popularity", 0, 100, true, 100, (t, _) => t.Popularity),
        new("speechiness", 0, 1, false, 1, (_, f) => f.Speechiness),
        new("tempo", 0, double.MaxValue, false, 200, (_, f) => f.Tempo),
        new("time_signature", 0, 11, true, 11, (_, f) => f.TimeSignature),
        new("valence", 0, 1, false, 1, (_, f) => f.Valence),
    ];

    public static Tuning Parse(IQueryCollection query)
    {
        List<(TunableAttribute, double)> mins = [], maxes = [], targets = [];
        foreach (var attribute in Attributes)
        {
            Read(query, "min_", attribute, mins);
            Read(query, "max_", attribute, maxes);
            Read(query, "target_", attribute, targets);
        }
        return new Tuning(mins, maxes, targets);
    }

    private static void Read(IQueryCollection query, string prefix, TunableAttribute attribute, List<(TunableAttribute, double)> into)
    {
        if (!query.TryGetValue(prefix + attribute.Name, out var raw))
        {
            return;
        }
        var style = attribute.Integer ? NumberStyles.AllowLeadingSign : NumberStyles.Float;
        if (!double.TryParse(raw, style, CultureInfo.InvariantCulture, out var value) || value < attribute.Lowest || value > attribute.Highest)
        {
            throw SpotifyException.BadRequest("invalid request");
        }
        into.Add((attribute, value));
    }

    /// <summary>Within every min_ and max_ (rounded as the audio features object shows the value).</summary>
    public bool Admits(CatalogTrack track, TrackFeatures features)
    {
        foreach (var (attribute, min) in Mins)
        {
            if (Math.Round(attribute.Value(track, features), 3) < min)
            {
                return false;
            }
        }
        foreach (var (attribute, max) in Maxes)
        {
            if (Math.Round(attribute.Value(track, features), 3) > max)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>How far a track is from the targets (root mean square of the scaled differences); 0 without targets.</summary>
    public double Distance(CatalogTrack track, TrackFeatures features)
    {
        if (Targets.Count == 0)
        {
            return 0;
        }
        var sum = 0.0;
        foreach (var (attribute, target) in Targets)
        {
            var d = (Math.Round(attribute.Value(track, features), 3) - target) / attribute.Scale;
            sum += d * d;
        }
        return Math.Sqrt(sum / Targets.Count);
    }
}
