namespace Jukebox.Data;

/// <summary>
/// Tells "the database cannot be reached right now" apart from every other failure, so that a request
/// answers 503 and background work waits for its next turn instead of reporting a bug or stopping the
/// host. Each provider names the errors of its own client library that mean an outage
/// (<see cref="IsOutageCause"/>); the exceptions EF Core, OpenIddict and Data Protection wrap those in
/// (DbUpdateException, InvalidOperationException, ...) are looked through here.
/// </summary>
public abstract class DatabaseOutages
{
    /// <summary>
    /// True when <paramref name="exception"/> or one it wraps says the database is unreachable. Recognising
    /// one also drops the pooled connections: after the server comes back every idle one is dead, and
    /// each would otherwise fail one more request.
    /// </summary>
    public bool Recognize(Exception exception)
    {
        var outage = Causes(exception).Any(IsOutageCause);
        if (outage)
        {
            DropPooledConnections();
        }
        return outage;
    }

    /// <summary>The innermost cause, for a one-line log entry (an outage needs no stack trace per request).</summary>
    public static string Describe(Exception exception)
    {
        var cause = Causes(exception).Last();
        return $"{cause.GetType().Name}: {cause.Message}";
    }

    protected abstract bool IsOutageCause(Exception exception);

    /// <summary>Closes the idle pooled connections, so that the next use opens a fresh one.</summary>
    public virtual void DropPooledConnections()
    {
    }

    private static IEnumerable<Exception> Causes(Exception exception)
    {
        // Bounded: a cycle of inner exceptions is not expected, but must not hang a request either.
        var pending = new Stack<Exception>([exception]);
        for (var seen = 0; seen < 32 && pending.TryPop(out var current); seen++)
        {
            yield return current;
            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.Reverse())
                {
                    pending.Push(inner);
                }
            }
            else if (current.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }
    }
}
