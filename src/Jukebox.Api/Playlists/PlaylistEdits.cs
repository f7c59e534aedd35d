using Jukebox.Api.Http;
using Jukebox.Api.Playlists.Order;
using Jukebox.Data.Entities;

namespace Jukebox.Api.Playlists;

/// <summary>
/// The five edits, each a function of the playlist as its change found it (locked, at the latest
/// state) and of the request: what it does to the items is decided here, written by
/// <see cref="ChangeTransaction"/>. An older snapshot's indices arrive translated
/// (<see cref="SinceSnapshot"/>; the rules are <see cref="PlaylistSnapshots"/>'). No edit leaves a
/// playlist holding more than <paramref name="maxItems"/> items.
/// </summary>
public static class PlaylistEdits
{
    public static Edit Add(
        LockedPlaylist playlist, ChunkedOrder order, IReadOnlyList<PlaylistEntry> entries, int? position, string? userId, DateTimeOffset now, int maxItems)
    {
        var at = position ?? playlist.ItemCount;
        if (at < 0 || at > playlist.ItemCount)
        {
            throw SpotifyException.BadRequest(PlaylistErrors.IndexOutOfBounds);
        }
        RequireRoomFor(playlist.ItemCount + entries.Count, maxItems);
        var gap = SortKeys.ForGap(order, at, entries.Count, []);
        PlaylistItemRow[] rows = [.. entries.Select(e => NewRow(e, userId, now))];
        return new Edit(new PlaylistChange
        {
            PlaylistId = playlist.Id,
            Kind = PlaylistChangeKind.Insert,
            Index = at,
            Count = entries.Count,
            ItemCountAfter = playlist.ItemCount + entries.Count,
        })
        {
            Renumbers = gap.Renumbers,
            Rekeyed = gap.Rekeyed,
            Added = [.. rows.Zip(gap.Keys)],
            OrderAfter = ids => gap.Order.Insert(at, ids, gap.Keys, rows),
        };
    }

    public static Edit Replace(LockedPlaylist playlist, IReadOnlyList<PlaylistEntry> entries, string? userId, DateTimeOffset now, int maxItems)
    {
        RequireRoomFor(entries.Count, maxItems);
        var keys = SortKeys.Fresh(entries.Count);
        PlaylistItemRow[] rows = [.. entries.Select(e => NewRow(e, userId, now))];
        return new Edit(new PlaylistChange
        {
            PlaylistId = playlist.Id,
            Kind = PlaylistChangeKind.Replace,
            Count = playlist.ItemCount,
            ItemCountAfter = entries.Count,
        })
        {
            RemovesAll = true,
            Added = [.. rows.Zip(keys)],
            OrderAfter = ids => new ChunkedOrder(playlist.PreviousVersion, [.. ids], keys, rows),
        };
    }

    /// <summary>The items of the range that still exist move, in their current order, as one block to the translated gap.</summary>
    public static Edit Reorder(LockedPlaylist playlist, ChunkedOrder order, SinceSnapshot since, ReorderRequest request)
    {
        var (start, before, length) = (request.RangeStart, request.InsertBefore, request.RangeLength);
        if ((long)start + length > since.CountAtSnapshot || before > since.CountAtSnapshot)
        {
            throw SpotifyException.BadRequest(PlaylistErrors.IndexOutOfBounds);
        }
        var moving = Enumerable.Range(start, length).Select(since.Translator.Item).OfType<int>().Order().ToArray();
        var gap = since.Translator.Gap(before);
        var anchor = gap - PositionTranslator.LowerBound(moving, gap);
        var edit = new Edit(new PlaylistChange
        {
            PlaylistId = playlist.Id,
            Kind = PlaylistChangeKind.Move,
            Index = gap,
            Indices = IndexRanges.Format(moving),
            ItemCountAfter = playlist.ItemCount,
        });
        var staysPut = moving.Length == 0 || (moving[^1] - moving[0] + 1 == moving.Length && anchor == moving[0]);
        if (staysPut)
        {
            return edit;
        }
        var keys = SortKeys.ForGap(order, anchor, moving.Length, moving);
        var after = keys.Order;
        return edit with
        {
            Renumbers = keys.Renumbers,
            Rekeyed = [.. keys.Rekeyed, .. moving.Select((index, i) => new Rekey(after.IdAt(index), after.KeyAt(index), keys.Keys[i]))],
            OrderAfter = _ => after.Move(moving, anchor, keys.Keys),
        };
    }

    /// <summary>
    /// The items at the translated positions (each still there must hold the entry named with it) and,
    /// for entries named without positions, each of their occurrences the snapshot had: every one but
    /// those in <paramref name="addedSince"/> (row ids of items added after the snapshot).
    /// </summary>
    public static Edit Remove(LockedPlaylist playlist, ChunkedOrder order, SinceSnapshot since, RemovalRequest request, IReadOnlySet<long> addedSince)
    {
        var expected = new Dictionary<int, PlaylistEntry?>();
        void Expect(int position, PlaylistEntry? entry)
        {
            if (position < 0 || position >= since.CountAtSnapshot)
            {
                throw SpotifyException.BadRequest(PlaylistErrors.CouldNotRemove);
            }
            if (since.Translator.Item(position) is int now)
            {
                expected[now] = entry ?? expected.GetValueOrDefault(now);
            }
        }
        foreach (var position in request.Positions ?? [])
        {
            Expect(position, null);
        }
        var byUri = new HashSet<PlaylistEntry>();
        foreach (var (entry, positions) in request.Entries)
        {
            if (positions is null)
            {
                byUri.Add(entry);
                continue;
            }
            foreach (var position in positions)
            {
                Expect(position, entry);
            }
        }
        foreach (var (index, entry) in expected)
        {
            var row = order.RowAt(index);
            if (entry is { } named && named != new PlaylistEntry(row.TrackId, row.EpisodeId, row.LocalUri))
            {
                throw SpotifyException.BadRequest(PlaylistErrors.CouldNotRemove);
            }
        }
        var removed = expected.Keys.ToDictionary(order.IdAt, index => index);
        if (byUri.Count > 0)
        {
            for (var index = 0; index < order.Count; index++)
            {
                var row = order.RowAt(index);
                var id = order.IdAt(index);
                if (Holds(byUri, row) && !addedSince.Contains(id))
                {
                    removed.TryAdd(id, index);
                }
            }
        }
        int[] indices = [.. removed.Values.Order()];
        return new Edit(new PlaylistChange
        {
            PlaylistId = playlist.Id,
            Kind = PlaylistChangeKind.Remove,
            Indices = IndexRanges.Format(indices),
            ItemCountAfter = playlist.ItemCount - removed.Count,
        })
        {
            Removed = [.. removed.Keys],
            OrderAfter = _ => order.Remove(indices),
        };
    }

    /// <summary>New name, description or flags; a playlist cannot be both public and collaborative.</summary>
    public static Edit Details(LockedPlaylist playlist, PlaylistDetailsRequest request)
    {
        var isPublic = request.Public ?? playlist.Public;
        var collaborative = request.Collaborative ?? playlist.Collaborative;
        if (isPublic && collaborative)
        {
            throw SpotifyException.BadRequest(PlaylistErrors.PublicAndCollaborative);
        }
        return new Edit(new PlaylistChange { PlaylistId = playlist.Id, Kind = PlaylistChangeKind.Details, ItemCountAfter = playlist.ItemCount })
        {
            Details = new PlaylistDetails(request.Name, request.Description, isPublic, collaborative),
        };
    }

    /// <summary>Entries named by uri are tracks or episodes (local files are removed by position).</summary>
    private static bool Holds(HashSet<PlaylistEntry> entries, PlaylistItemRow row) =>
        (row.TrackId ?? row.EpisodeId) is not null && entries.Contains(new PlaylistEntry(row.TrackId, row.EpisodeId, null));

    /// <summary>A 403 when the playlist would hold more items than allowed (counted under the row lock, so concurrent adds cannot pass it together).</summary>
    private static void RequireRoomFor(int itemCountAfter, int maxItems)
    {
        if (itemCountAfter > maxItems)
        {
            throw SpotifyException.Forbidden(PlaylistErrors.SizeLimitReached);
        }
    }

    private static PlaylistItemRow NewRow(PlaylistEntry entry, string? userId, DateTimeOffset now) =>
        new(entry.TrackId, entry.EpisodeId, null, now, userId);
}
