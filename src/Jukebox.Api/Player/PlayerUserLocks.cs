namespace Jukebox.Api.Player;

/// <summary>
/// One player command at a time per user on this node. Without it, simultaneous commands of one user
/// all load the same revision and all but one lose the save, again and again; waiting for a turn is
/// cheaper and keeps their order. Across nodes the row's revision still decides (the loser retries).
/// Hand-written because the BCL has no keyed async lock: one SemaphoreSlim per user that is waited on,
/// dropped when the last waiter leaves, so idle users cost nothing.
/// </summary>
public sealed class PlayerUserLocks
{
    private readonly Dictionary<string, Gate> _gates = new(StringComparer.Ordinal);

    /// <summary>Waits for the user's turn; disposing the result ends it.</summary>
    public async Task<IDisposable> EnterAsync(string userId, CancellationToken ct)
    {
        Gate gate;
        lock (_gates)
        {
            if (!_gates.TryGetValue(userId, out gate!))
            {
                gate = new Gate();
                _gates[userId] = gate;
            }
            gate.Holders++;
        }
        try
        {
            await gate.Semaphore.WaitAsync(ct);
        }
        catch
        {
            Leave(userId, gate);
            throw;
        }
        return new Turn(this, userId, gate);
    }

    private void Leave(string userId, Gate gate)
    {
        lock (_gates)
        {
            if (--gate.Holders == 0)
            {
                _gates.Remove(userId);
                gate.Semaphore.Dispose();
            }
        }
    }

    private sealed class Gate
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        /// <summary>Callers holding or waiting for the gate (guarded by the dictionary's lock).</summary>
        public int Holders { get; set; }
    }

    private sealed class Turn(PlayerUserLocks locks, string userId, Gate gate) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                gate.Semaphore.Release();
                locks.Leave(userId, gate);
            }
        }
    }
}
