namespace Jukebox.Api.Playlists.Order;

/// <summary>
/// The maths of sort keys. Items are sorted by <see cref="Data.Entities.PlaylistItem.Position"/>, a
/// key with room between neighbours, so inserting or moving k items writes k rows whatever the
/// playlist's length (a 10,000-item playlist stays cheap to edit); an item's index is its rank in
/// that order. When two neighbours have no room left between them, the keys of the items around them
/// are spread out again (<see cref="Respace"/>), or in a short playlist all of them (a renumbering).
/// Keys are unique within a playlist, so the order never depends on anything else. Pure: what is to
/// be written is returned, and the change writes it.
/// </summary>
public static class SortKeys
{
    /// <summary>
    /// The distance between neighbours after a renumbering and between appended items. Wide, so that
    /// repeated inserts and moves into one spot (each splits a gap) rarely exhaust it: a renumbering
    /// rewrites every row of the playlist. 2^36 leaves room for 2^27 items or appends before a key
    /// would overflow, which <see cref="Spread"/> checks.
    /// </summary>
    public const long Spacing = 1L << 36;

    /// <summary>The least room a respacing leaves between neighbours (before, the gap had less than one).</summary>
    private const long RespacedStep = Spacing >> 6;

    /// <summary>The keys of <paramref name="count"/> items that fill an empty playlist: i × <see cref="Spacing"/> from 1.</summary>
    public static long[] Fresh(int count) => [.. Enumerable.Range(1, count).Select(i => Spacing * i)];

    /// <summary>
    /// Keys for <paramref name="count"/> items put at <paramref name="gap"/> of the list that remains
    /// when the items at <paramref name="moving"/> (sorted indices, for a move) are left out, and the
    /// order they go into (respaced or renumbered when the neighbours had no room between them).
    /// </summary>
    public static GapKeys ForGap(ChunkedOrder order, int gap, int count, int[] moving)
    {
        if (Spread(Before(order, gap, moving), After(order, gap, moving), count) is { } keys)
        {
            return new GapKeys(keys, order, Renumbers: false, []);
        }
        if (Respace(order, gap, count, moving) is { } respaced)
        {
            return respaced;
        }
        var renumbered = order.Renumbered();
        keys = Spread(Before(renumbered, gap, moving), After(renumbered, gap, moving), count)
            ?? throw new InvalidOperationException($"No room for {count} items after renumbering.");
        return new GapKeys(keys, renumbered, Renumbers: true, []);
    }

    private static long? Before(ChunkedOrder order, int gap, int[] moving) =>
        gap > 0 ? order.KeyAt(FullIndex(gap - 1, moving)) : null;

    private static long? After(ChunkedOrder order, int gap, int[] moving) =>
        gap < order.Count - moving.Length ? order.KeyAt(FullIndex(gap, moving)) : null;

    /// <summary>
    /// Makes room at a full gap by spreading out the keys of the items nearest to it (list labelling):
    /// a window of the remaining items around the gap, doubled until its outer neighbours leave at least
    /// <see cref="RespacedStep"/> per item, gets evenly spaced keys with <paramref name="count"/> free
    /// slots at the gap. Only the window's rows are written, so an edit never pays for rewriting a long
    /// playlist. Null when the window would have to reach both ends, where renumbering the whole
    /// playlist is as cheap.
    /// </summary>
    private static GapKeys? Respace(ChunkedOrder order, int gap, int count, int[] moving)
    {
        var remaining = order.Count - moving.Length;
        for (var half = 4; ; half *= 2)
        {
            var lo = Math.Max(0, gap - half);
            var hi = Math.Min(remaining, gap + half);
            if (lo == 0 && hi == remaining)
            {
                return null;
            }
            var slots = hi - lo + count;
            if ((lo == 0 && order.KeyAt(FullIndex(lo, moving)) < long.MinValue / 2) || (hi == remaining && order.KeyAt(FullIndex(hi - 1, moving)) > long.MaxValue / 2))
            {
                return null; // an open end this far out could overflow; renumbering brings the keys back
            }
            // An open end (the window reaches the first or last item) extends by whole spacings, as appends do.
            var lower = lo > 0 ? order.KeyAt(FullIndex(lo - 1, moving)) : order.KeyAt(FullIndex(lo, moving)) - Spacing * (slots + 1L);
            var upper = hi < remaining ? order.KeyAt(FullIndex(hi, moving)) : order.KeyAt(FullIndex(hi - 1, moving)) + Spacing * (slots + 1L);
            var step = (upper - lower) / (slots + 1);
            if (step < RespacedStep)
            {
                continue;
            }
            var keys = new long[count];
            var indices = new int[hi - lo];
            var windowKeys = new long[hi - lo];
            for (var slot = 0; slot < slots; slot++)
            {
                var key = lower + step * (slot + 1);
                var at = lo + slot;
                if (at < gap)
                {
                    indices[at - lo] = FullIndex(at, moving);
                    windowKeys[at - lo] = key;
                }
                else if (at < gap + count)
                {
                    keys[at - gap] = key;
                }
                else
                {
                    indices[at - count - lo] = FullIndex(at - count, moving);
                    windowKeys[at - count - lo] = key;
                }
            }
            var rekeyed = new Rekey[indices.Length];
            for (var i = 0; i < indices.Length; i++)
            {
                rekeyed[i] = new Rekey(order.IdAt(indices[i]), order.KeyAt(indices[i]), windowKeys[i]);
            }
            return new GapKeys(keys, order.WithKeys(indices, windowKeys), Renumbers: false, rekeyed);
        }
    }

    /// <summary>The index in the whole list of the <paramref name="index"/>-th item that is not moving.</summary>
    private static int FullIndex(int index, int[] moving)
    {
        var full = index;
        foreach (var m in moving)
        {
            if (m > full)
            {
                break;
            }
            full++;
        }
        return full;
    }

    /// <summary><paramref name="count"/> increasing keys strictly between the neighbours, or null when they do not fit.</summary>
    private static long[]? Spread(long? before, long? after, int count)
    {
        var keys = new long[count];
        if (before is null && after is null)
        {
            for (var i = 0; i < count; i++)
            {
                keys[i] = Spacing * (i + 1);
            }
        }
        else if (before is null)
        {
            if (after!.Value < long.MinValue + Spacing * (count + 1L))
            {
                return null;
            }
            for (var i = 0; i < count; i++)
            {
                keys[i] = after.Value - Spacing * (count - i);
            }
        }
        else if (after is null)
        {
            if (before.Value > long.MaxValue - Spacing * (count + 1L))
            {
                return null;
            }
            for (var i = 0; i < count; i++)
            {
                keys[i] = before.Value + Spacing * (i + 1);
            }
        }
        else
        {
            var step = (after.Value - before.Value) / (count + 1);
            if (step < 1)
            {
                return null;
            }
            for (var i = 0; i < count; i++)
            {
                keys[i] = before.Value + step * (i + 1);
            }
        }
        return keys;
    }
}

/// <summary>
/// Keys for items put into a gap, and the order they go into: with new keys for a respaced window
/// (<see cref="Rekeyed"/>, rows to write) or for every item (<see cref="Renumbers"/>: the whole
/// playlist is renumbered first).
/// </summary>
public sealed record GapKeys(long[] Keys, ChunkedOrder Order, bool Renumbers, IReadOnlyList<Rekey> Rekeyed);

/// <summary>An item given a new key: its row id, the key it had and the key it gets.</summary>
public readonly record struct Rekey(long Id, long From, long To);
