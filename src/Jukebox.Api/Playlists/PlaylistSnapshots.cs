using System.Buffers.Binary;
using System.Globalization;
using System.IO.Hashing;
using System.Text;
using Jukebox.Api.Http;
using Jukebox.Data.Entities;

namespace Jukebox.Api.Playlists;

/// <summary>
/// Snapshot ids and the concurrent-merge semantics of the Playlists concept page ("Version Control and
/// Snapshots"): the one place that decides what a change made against an older snapshot does.
/// </summary>
/// <remarks>
/// <para>
/// A playlist's <see cref="Playlist.Version"/> counts its changes. Every successful change (add,
/// remove, reorder, replace, details) runs in one transaction that first increments the version on
/// the playlist's row (which locks the row: PostgreSQL's row lock, SQLite's write lock), so changes to
/// one playlist are applied one after another, each on top of the latest state, on any number of
/// nodes. Each change writes a <see cref="PlaylistChange"/> (the log) saying what it did to the item
/// indices, and produces the snapshot id of its version. Versions only grow, so a snapshot id never
/// repeats.
/// </para>
/// <para>
/// A snapshot id names (playlist, version): base64url of the version (8 bytes, big-endian) and 12 bytes
/// of an XxHash128 of "playlistId:version". Ids of another playlist, unknown versions and malformed
/// strings are rejected with 400. The playlist's current snapshot id is also accepted as is (seeded
/// playlists carry ids in an older format).
/// </para>
/// <para>
/// A request that names an older snapshot <c>v</c> means indices as they were in <c>v</c>. They are
/// translated to the latest state through the log entries after <c>v</c>, in order:
/// <list type="bullet">
/// <item>An <b>item index</b> follows its item: an insert at or before it pushes it back by the number
/// inserted; a removal of items before it pulls it forward; a move carries it along (see
/// <see cref="PositionTranslator"/>). If a later change removed the item (or replaced every item), the
/// item no longer exists.</item>
/// <item>A <b>gap</b> (an insertion point: <c>insert_before</c>) means "just before the item that was
/// at that index", or "at the end" when it was the length. It follows that item as an item index
/// does; when that item was removed it stays where the item was, before whatever followed it. Items
/// inserted exactly at the gap by a later change come before it, so the request's items go after
/// them (after a concurrent append, for an append). A replace sends every gap to the end.</item>
/// </list>
/// What each request then does on the latest state:
/// <list type="bullet">
/// <item><b>Remove by uri and positions</b>: each position is translated; an item still there must
/// have that uri (else 400, nothing removed); an item a later change already removed is left out,
/// since its removal has already happened.</item>
/// <item><b>Remove by positions only</b> (the older body form, and the way to remove local files): the
/// same without the uri check.</item>
/// <item><b>Remove by uri</b>: every occurrence of the uri that existed in the snapshot (items added
/// after it are kept, the client did not see them); without a snapshot, every occurrence.</item>
/// <item><b>Reorder</b>: the items of <c>range_start</c>..<c>range_start + range_length - 1</c> that still
/// exist are moved, in their current relative order, as one block to the translated gap
/// <c>insert_before</c>. If none exist any more the playlist is unchanged (still a new snapshot).</item>
/// <item><b>Add</b> and <b>replace</b> take no snapshot id: positions mean the latest state.</item>
/// </list>
/// Without a snapshot id every index means the latest state.
/// </para>
/// </remarks>
public static class PlaylistSnapshots
{
    private const int TagLength = 12;

    public static string IdOf(string playlistId, long version)
    {
        Span<byte> bytes = stackalloc byte[8 + TagLength];
        BinaryPrimitives.WriteInt64BigEndian(bytes, version);
        Tag(playlistId, version, bytes[8..]);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>The version <paramref name="snapshotId"/> names, or a 400 when it is not one of the playlist's.</summary>
    public static long VersionOf(string snapshotId, string playlistId, long currentVersion, string currentSnapshotId)
    {
        if (snapshotId == currentSnapshotId)
        {
            return currentVersion;
        }
        Span<byte> bytes = stackalloc byte[8 + TagLength];
        var base64 = snapshotId.Replace('-', '+').Replace('_', '/');
        base64 += new string('=', (4 - base64.Length % 4) % 4);
        if (!Convert.TryFromBase64String(base64, bytes, out var written) || written != bytes.Length)
        {
            throw SpotifyException.BadRequest(PlaylistErrors.InvalidSnapshot);
        }
        var version = BinaryPrimitives.ReadInt64BigEndian(bytes);
        Span<byte> expected = stackalloc byte[TagLength];
        Tag(playlistId, version, expected);
        if (version < 0 || version > currentVersion || !expected.SequenceEqual(bytes[8..]))
        {
            throw SpotifyException.BadRequest(PlaylistErrors.InvalidSnapshot);
        }
        return version;
    }

    private static void Tag(string playlistId, long version, Span<byte> destination)
    {
        Span<byte> hash = stackalloc byte[16];
        XxHash128.Hash(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{playlistId}:{version}")), hash);
        hash[..TagLength].CopyTo(destination);
    }
}

/// <summary>
/// What a change made against a snapshot needs of it: the translation of its indices to the latest
/// state, the item count it had, and its version (<see cref="long.MaxValue"/>: every version so far,
/// when the request named none).
/// </summary>
public sealed record SinceSnapshot(PositionTranslator Translator, int CountAtSnapshot, long Version);

/// <summary>Translates indices of an older snapshot into the latest state through the change log (see <see cref="PlaylistSnapshots"/>).</summary>
public sealed class PositionTranslator
{
    private readonly List<(PlaylistChange Change, int[] Indices)> _changes;

    /// <param name="changes">The log entries after the snapshot, oldest first.</param>
    public PositionTranslator(IEnumerable<PlaylistChange> changes)
    {
        _changes = [.. changes.Select(c => (c, IndexRanges.Parse(c.Indices)))];
    }

    /// <summary>How many items the playlist held before <paramref name="change"/>.</summary>
    public static int CountBefore(PlaylistChange change) => change.Kind switch
    {
        PlaylistChangeKind.Insert => change.ItemCountAfter - change.Count,
        PlaylistChangeKind.Remove => change.ItemCountAfter + IndexRanges.Parse(change.Indices).Length,
        PlaylistChangeKind.Replace => change.Count,
        _ => change.ItemCountAfter,
    };

    /// <summary>Where the item at <paramref name="index"/> is now, or null when a later change removed it.</summary>
    public int? Item(int index)
    {
        int? current = index;
        foreach (var (change, indices) in _changes)
        {
            current = MapItem(change, indices, current.Value);
            if (current is null)
            {
                return null;
            }
        }
        return current;
    }

    /// <summary>Where the gap before the item at <paramref name="gap"/> (or the end) is now.</summary>
    public int Gap(int gap)
    {
        foreach (var (change, indices) in _changes)
        {
            gap = change.Kind switch
            {
                PlaylistChangeKind.Insert => gap >= change.Index ? gap + change.Count : gap,
                PlaylistChangeKind.Remove => gap - LowerBound(indices, gap),
                PlaylistChangeKind.Move => gap >= change.ItemCountAfter ? gap : MapItem(change, indices, gap)!.Value,
                PlaylistChangeKind.Replace => change.ItemCountAfter,
                _ => gap,
            };
        }
        return gap;
    }

    /// <summary>One change's effect on an item index; null when the change removed the item.</summary>
    private static int? MapItem(PlaylistChange change, int[] indices, int index)
    {
        switch (change.Kind)
        {
            case PlaylistChangeKind.Insert:
                return index >= change.Index ? index + change.Count : index;
            case PlaylistChangeKind.Remove:
            {
                var at = Array.BinarySearch(indices, index);
                return at >= 0 ? null : index - ~at;
            }
            case PlaylistChangeKind.Move:
                return Moved(indices, change.Index, index);
            case PlaylistChangeKind.Replace:
                return null;
            default:
                return index;
        }
    }

    /// <summary>
    /// The index of the item at <paramref name="index"/> after the items at <paramref name="moved"/>
    /// (sorted) were taken out and put back, in order, at <paramref name="gap"/> (an index before they
    /// were taken out).
    /// </summary>
    public static int Moved(int[] moved, int gap, int index)
    {
        var anchor = gap - LowerBound(moved, gap);
        var at = Array.BinarySearch(moved, index);
        if (at >= 0)
        {
            return anchor + at;
        }
        var rest = index - ~at;
        return rest < anchor ? rest : rest + moved.Length;
    }

    /// <summary>How many of the sorted <paramref name="values"/> are below <paramref name="value"/>.</summary>
    public static int LowerBound(int[] values, int value)
    {
        var at = Array.BinarySearch(values, value);
        if (at < 0)
        {
            return ~at;
        }
        while (at > 0 && values[at - 1] == value)
        {
            at--;
        }
        return at;
    }
}

/// <summary>Sorted indices written compactly as ranges, "0-3,7,9-10", for the change log.</summary>
public static class IndexRanges
{
    public static string Format(IReadOnlyList<int> sorted)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < sorted.Count; i++)
        {
            var start = sorted[i];
            while (i + 1 < sorted.Count && sorted[i + 1] == sorted[i] + 1)
            {
                i++;
            }
            if (builder.Length > 0)
            {
                builder.Append(',');
            }
            builder.Append(start.ToString(CultureInfo.InvariantCulture));
            if (sorted[i] != start)
            {
                builder.Append('-').Append(sorted[i].ToString(CultureInfo.InvariantCulture));
            }
        }
        return builder.ToString();
    }

    public static int[] Parse(string? ranges)
    {
        if (string.IsNullOrEmpty(ranges))
        {
            return [];
        }
        var result = new List<int>();
        foreach (var part in ranges.Split(','))
        {
            var dash = part.IndexOf('-', StringComparison.Ordinal);
            if (dash < 0)
            {
                result.Add(int.Parse(part, CultureInfo.InvariantCulture));
                continue;
            }
            var from = int.Parse(part.AsSpan(0, dash), CultureInfo.InvariantCulture);
            var to = int.Parse(part.AsSpan(dash + 1), CultureInfo.InvariantCulture);
            for (var i = from; i <= to; i++)
            {
                result.Add(i);
            }
        }
        return [.. result];
    }
}
