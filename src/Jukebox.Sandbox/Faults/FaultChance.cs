namespace Jukebox.Sandbox.Faults;

/// <summary>
/// Draws whether a rule with a probability below 1 applies to a request. A service of its own so a
/// test can give it a seeded <see cref="Random"/> and know which requests fail.
/// </summary>
public sealed class FaultChance(Random random)
{
    private readonly Lock _gate = new();

    public bool Roll(double probability)
    {
        if (probability >= 1 || probability <= 0)
        {
            return probability >= 1;
        }
        lock (_gate)
        {
            return random.NextDouble() < probability;
        }
    }
}
