using Jukebox.Data.Entities;

namespace Jukebox.Data.Seeding;

/// <summary>
/// Draws generated attributes from the distributions measured on real catalog data
/// (shared/reference/value-ranges.md), with a seeded generator so every run yields the same catalog.
/// </summary>
public sealed class ValueDistributions(int seed)
{
    private static readonly double[] KeyWeights =
        [0.105, 0.122, 0.086, 0.028, 0.067, 0.082, 0.081, 0.102, 0.074, 0.092, 0.069, 0.091];

    public Random Random { get; } = new(seed);

    public double Normal(double mean, double stdev)
    {
        // Box–Muller; 1 - NextDouble() keeps the logarithm's argument in (0, 1].
        var u1 = 1.0 - Random.NextDouble();
        var u2 = Random.NextDouble();
        return mean + stdev * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    public double Clamped(double mean, double stdev, double min, double max) =>
        Math.Clamp(Normal(mean, stdev), min, max);

    public int Popularity() => (int)Math.Round(Clamped(42.477, 24.984, 0, 100));

    public int DurationMs() => (int)Math.Round(Clamped(225_800, 59_833, 90_000, 517_810));

    public bool Chance(double probability) => Random.NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Random.Next(items.Count)];

    public AudioFeatures Features()
    {
        // Energy drives loudness (r≈0.68) and acousticness (r≈-0.54); danceability drives valence (r≈0.33).
        var zEnergy = Normal(0, 1);
        var zDance = Normal(0, 1);
        var energy = Math.Clamp(0.699 + 0.181 * zEnergy, 0, 1);
        var loudness = Math.Clamp(-6.719 + 2.988 * (0.68 * zEnergy + 0.733 * Normal(0, 1)), -46.448, 1.275);
        var acousticness = Math.Clamp(0.175 + 0.220 * (-0.54 * zEnergy + 0.842 * Normal(0, 1)), 0, 0.994);
        var danceability = Math.Clamp(0.655 + 0.145 * zDance, 0, 0.983);
        var valence = Math.Clamp(0.511 + 0.233 * (0.33 * zDance + 0.944 * Normal(0, 1)), 0, 0.991);
        var instrumentalness = Chance(0.55) ? Random.NextDouble() * 0.001 : Math.Clamp(Math.Abs(Normal(0.1, 0.3)), 0, 0.994);
        return new AudioFeatures
        {
            Danceability = Round3(danceability),
            Energy = Round3(energy),
            Key = WeightedKey(),
            Loudness = Round3(loudness),
            Mode = Chance(0.566) ? 1 : 0,
            Speechiness = Round3(Math.Clamp(0.03 + Math.Abs(Normal(0, 0.09)), 0.02, 0.918)),
            Acousticness = Round3(acousticness),
            Instrumentalness = Round3(instrumentalness),
            Liveness = Round3(Math.Clamp(0.056 + Math.Abs(Normal(0.07, 0.13)), 0.02, 0.996)),
            Valence = Round3(valence),
            Tempo = Round3(Clamped(120.881, 26.903, 60, 220)),
            TimeSignature = Chance(0.9) ? 4 : Pick<int>([3, 5, 7]),
        };
    }

    private int WeightedKey()
    {
        var x = Random.NextDouble();
        for (var key = 0; key < KeyWeights.Length; key++)
        {
            x -= KeyWeights[key];
            if (x <= 0)
            {
                return key;
            }
        }
        return 11;
    }

    private static double Round3(double value) => Math.Round(value, 3);
}
