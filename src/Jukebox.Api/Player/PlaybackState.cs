using System.Collections.Immutable;

namespace Jukebox.Api.Player;

/// <summary>An item the player left: it ended, or a command moved away from it.</summary>
/// <param name="EndedAt">When it stopped playing, on the user's playback clock.</param>
/// <param name="ListenedMs">How long it played, seeks not counted.</param>
/// <param name="ProgressMs">Where in it playback was when it was left.</param>
/// <param name="Completed">It played to its end.</param>
public readonly record struct PlayedItem(string Uri, string? ContextUri, DateTimeOffset EndedAt, long ListenedMs, long ProgressMs, bool Completed);

/// <summary>
/// A user's playback as a value: the pure state machine of the player. Nothing here reads a clock or
/// a database; the caller passes the time (on the user's <see cref="PlaybackClock"/>) and the items' durations. The state is stored as of
/// <see cref="ChangedAt"/>; what plays at any later instant follows from it:
/// <list type="bullet">
/// <item>While playing, progress grows with the clock. When the current item reaches its end the next
/// one starts at that very instant: the same item again with repeat "track"; otherwise the first
/// item of the user's queue; otherwise the next item of the context in play order (shuffled or
/// not), wrapping to the first with repeat "context". Without repeat, after the context's last item
/// playback stops, paused at the start of the context's first item.</item>
/// <item>A context is a list of item URIs fixed when it starts playing (an album's tracks, an artist's
/// top tracks, a playlist's items, a show's episodes, or the <c>uris</c> of the request). Its play
/// order is the identity, or with shuffle a permutation drawn from a seed once and stored, the
/// current item first, so that a replay of the same state always gives the same order.</item>
/// <item>Queued items play before the context continues; while one plays, <see cref="Position"/>
/// still names the last context item, so the context resumes after it.</item>
/// <item>Every item that stops playing (it ended, or a command left it) is reported once as a
/// <see cref="PlayedItem"/> with how long it played; the caller turns those into listening history
/// (tracks played for 30 s or more) and episode resume points.</item>
/// </list>
/// Commands assume the state was first brought to <c>now</c> with <see cref="At"/>.
/// </summary>
public sealed record PlaybackState
{
    /// <summary>Jumping further than this many item changes at once stops playback (a state left playing on repeat for years).</summary>
    private const int MaxStepsPerAdvance = 200_000;

    /// <summary>Items shorter than this are treated as this long, so that time always moves playback forward.</summary>
    private const long MinimumDurationMs = 1_000;

    /// <summary>"Previous" within this much of an item's start goes to the item before; later it restarts the item.</summary>
    public const long RestartThresholdMs = 3_000;

    public const string RepeatOff = "off";
    public const string RepeatTrack = "track";
    public const string RepeatContext = "context";

    public string? DeviceId { get; init; }
    public string? ContextUri { get; init; }
    public ImmutableArray<string> Items { get; init; } = [];
    public ImmutableArray<int> Order { get; init; } = [];
    public int Position { get; init; }
    public string? CurrentUri { get; init; }
    public bool FromQueue { get; init; }
    public ImmutableArray<string> Queue { get; init; } = [];
    public bool IsPlaying { get; init; }
    public long ProgressMs { get; init; }
    public long ListenedMs { get; init; }
    public DateTimeOffset ChangedAt { get; init; }
    public string Repeat { get; init; } = RepeatOff;
    public bool Shuffle { get; init; }

    public bool HasItem => CurrentUri is not null;

    private long Elapsed(DateTimeOffset now) => IsPlaying && now > ChangedAt ? (long)(now - ChangedAt).TotalMilliseconds : 0;

    /// <summary>Progress into the current item at <paramref name="now"/> (after <see cref="At"/>).</summary>
    public long ProgressAt(DateTimeOffset now) => ProgressMs + Elapsed(now);

    public long ListenedAt(DateTimeOffset now) => ListenedMs + Elapsed(now);

    /// <summary>
    /// The state at <paramref name="now"/> and the items that ended on the way there, oldest first.
    /// With <paramref name="stopAt"/> (the active device went away then), playback runs until that
    /// instant, then pauses with no active device.
    /// </summary>
    public (PlaybackState State, List<PlayedItem> Ended) At(DateTimeOffset now, Func<string, long> durationOf, DateTimeOffset? stopAt = null)
    {
        var ended = new List<PlayedItem>();
        var state = this;
        var until = stopAt is { } stop && stop < now ? stop : now;
        while (state is { IsPlaying: true, CurrentUri: not null })
        {
            var length = Math.Max(durationOf(state.CurrentUri), MinimumDurationMs);
            var remaining = Math.Max(0, length - state.ProgressMs);
            var endsAt = state.ChangedAt.AddMilliseconds(remaining);
            if (endsAt > until)
            {
                break;
            }
            ended.Add(new PlayedItem(state.CurrentUri, state.ContextUri, endsAt, state.ListenedMs + remaining, length, Completed: true));
            state = state.AfterEnd(endsAt);
            if (ended.Count >= MaxStepsPerAdvance)
            {
                state = state with { IsPlaying = false, ChangedAt = endsAt };
            }
        }
        if (stopAt is { } gone && gone <= now)
        {
            state = (state.IsPlaying ? state.Paused(gone) : state) with { DeviceId = null };
        }
        return (state, ended);
    }

    /// <summary>The state right after the current item played to its end at <paramref name="at"/>.</summary>
    private PlaybackState AfterEnd(DateTimeOffset at)
    {
        var restarted = this with { ProgressMs = 0, ListenedMs = 0, ChangedAt = at };
        if (Repeat == RepeatTrack)
        {
            return restarted;
        }
        return restarted.Next(wrap: Repeat == RepeatContext) ?? restarted.Stopped(at);
    }

    /// <summary>End of the context without repeat: paused at the start of the context's first item.</summary>
    private PlaybackState Stopped(DateTimeOffset at) => Items.Length == 0
        ? this with { IsPlaying = false, ProgressMs = 0, ListenedMs = 0, ChangedAt = at }
        : this with { CurrentUri = Items[Order[0]], Position = 0, FromQueue = false, IsPlaying = false, ProgressMs = 0, ListenedMs = 0, ChangedAt = at };

    /// <summary>The next item (queue first, then the context), or null when there is none.</summary>
    private PlaybackState? Next(bool wrap)
    {
        if (Queue.Length > 0)
        {
            return this with { CurrentUri = Queue[0], Queue = Queue.RemoveAt(0), FromQueue = true };
        }
        if (Items.Length == 0)
        {
            return null;
        }
        var next = Position + 1;
        if (next >= Items.Length)
        {
            if (!wrap)
            {
                return null;
            }
            next = 0;
        }
        return this with { CurrentUri = Items[Order[next]], Position = next, FromQueue = false };
    }

    /// <summary>The item before (the context item before the current one), or null when there is none.</summary>
    private PlaybackState? PreviousItem()
    {
        if (Items.Length == 0)
        {
            return null;
        }
        int previous;
        if (FromQueue)
        {
            previous = Position; // the context item that played before the queue
        }
        else if (Position > 0)
        {
            previous = Position - 1;
        }
        else if (Repeat != RepeatOff)
        {
            previous = Items.Length - 1;
        }
        else
        {
            return null;
        }
        return this with { CurrentUri = Items[Order[previous]], Position = previous, FromQueue = false };
    }

    /// <summary>The current item as left at <paramref name="now"/>, for history and resume points.</summary>
    private PlayedItem? Left(DateTimeOffset now) => CurrentUri is null
        ? null
        : new PlayedItem(CurrentUri, ContextUri, now, ListenedAt(now), ProgressAt(now), Completed: false);

    private PlaybackState Paused(DateTimeOffset now) =>
        this with { IsPlaying = false, ProgressMs = ProgressAt(now), ListenedMs = ListenedAt(now), ChangedAt = now };

    /// <summary>A command's result: the new state and the item it left, if any.</summary>
    public readonly record struct Step(PlaybackState State, PlayedItem? Left);

    public PlaybackState Pause(DateTimeOffset now) => Paused(now);

    public PlaybackState Resume(DateTimeOffset now) => this with { IsPlaying = true, ChangedAt = now };

    /// <summary>Seeking keeps what has been listened to; a position past the end moves on at once (see <see cref="At"/>).</summary>
    public PlaybackState Seek(DateTimeOffset now, long positionMs) =>
        this with { ProgressMs = positionMs, ListenedMs = ListenedAt(now), ChangedAt = now };

    /// <summary>Skip to next: queue, then context (wrapping unless repeat is off); null when there is nothing next.</summary>
    public Step? SkipNext(DateTimeOffset now)
    {
        var left = Left(now);
        var next = (this with { ProgressMs = 0, ListenedMs = 0, ChangedAt = now }).Next(wrap: Repeat != RepeatOff);
        return next is null ? null : new Step(next, left);
    }

    /// <summary>
    /// Skip to previous: restarts the item when more than <see cref="RestartThresholdMs"/> of it have
    /// played, else goes to the context item before; null when there is none.
    /// </summary>
    public Step? SkipPrevious(DateTimeOffset now)
    {
        var left = Left(now);
        var reset = this with { ProgressMs = 0, ListenedMs = 0, ChangedAt = now };
        if (ProgressAt(now) > RestartThresholdMs)
        {
            return new Step(reset, left);
        }
        var previous = reset.PreviousItem();
        return previous is null ? null : new Step(previous, left);
    }

    public bool CanSkipNext => Queue.Length > 0 || (Items.Length > 0 && (Position + 1 < Items.Length || Repeat != RepeatOff));

    public bool CanSkipPrevious(DateTimeOffset now) =>
        ProgressAt(now) > RestartThresholdMs || (Items.Length > 0 && (FromQueue || Position > 0 || Repeat != RepeatOff));

    /// <summary>
    /// Starts <paramref name="items"/> (a context, or the request's uris when <paramref name="contextUri"/>
    /// is null) at index <paramref name="start"/>, playing from <paramref name="positionMs"/>. The queue stays.
    /// </summary>
    public Step Load(DateTimeOffset now, string? contextUri, ImmutableArray<string> items, int start, long positionMs, int shuffleSeed)
    {
        var left = Left(now);
        var order = Shuffle ? ShuffledOrder(items.Length, start, shuffleSeed) : Identity(items.Length);
        var state = this with
        {
            ContextUri = contextUri,
            Items = items,
            Order = order,
            Position = Shuffle ? 0 : start,
            CurrentUri = items[start],
            FromQueue = false,
            IsPlaying = true,
            ProgressMs = positionMs,
            ListenedMs = 0,
            ChangedAt = now,
        };
        return new Step(state, left);
    }

    /// <summary>Shuffle on: a new order with the current context item first. Off: the context's own order from the current item.</summary>
    public PlaybackState SetShuffle(bool on, int seed)
    {
        if (Items.Length == 0)
        {
            return this with { Shuffle = on };
        }
        var current = Order[Position];
        return on
            ? this with { Shuffle = true, Order = ShuffledOrder(Items.Length, current, seed), Position = 0 }
            : this with { Shuffle = false, Order = Identity(Items.Length), Position = current };
    }

    public PlaybackState SetRepeat(string mode) => this with { Repeat = mode };

    public PlaybackState Enqueue(string uri) => this with { Queue = Queue.Add(uri) };

    /// <summary>What plays after the current item, as far as <paramref name="max"/> items: the queue, then the context.</summary>
    public List<string> Upcoming(int max)
    {
        var upcoming = new List<string>(Queue.Take(max));
        for (var step = 1; upcoming.Count < max && Items.Length > 0; step++)
        {
            var p = Position + step;
            if (p >= Items.Length)
            {
                if (Repeat == RepeatOff)
                {
                    break;
                }
                p %= Items.Length;
            }
            upcoming.Add(Items[Order[p]]);
        }
        return upcoming;
    }

    private static ImmutableArray<int> Identity(int count) => [.. Enumerable.Range(0, count)];

    /// <summary>A Fisher–Yates permutation from <paramref name="seed"/>, with <paramref name="first"/> moved to the front.</summary>
    public static ImmutableArray<int> ShuffledOrder(int count, int first, int seed)
    {
        var rest = Enumerable.Range(0, count).Where(i => i != first).ToArray();
        var random = new Random(seed);
        for (var i = rest.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (rest[i], rest[j]) = (rest[j], rest[i]);
        }
        return [first, .. rest];
    }
}
