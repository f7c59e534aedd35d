using Jukebox.Accounts.Authorization;
using Jukebox.Api.Catalog;
using Jukebox.Api.Http;
using Jukebox.Data;
using Jukebox.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Jukebox.Api.Playlists;

/// <summary>
/// Told after a playlist was created or changed (details or items) and the change committed, e.g. to
/// index it for search. Registered in DI; there may be none or several.
/// </summary>
public interface IPlaylistChangeListener
{
    Task OnPlaylistChangedAsync(string playlistId, CancellationToken cancellationToken = default);
}

/// <summary>What to remove: entries by uri (each with positions or without), or bare positions.</summary>
public sealed record RemovalRequest(IReadOnlyList<(PlaylistEntry Entry, IReadOnlyList<int>? Positions)> Entries, IReadOnlyList<int>? Positions);

/// <summary>
/// Every change to a playlist: details, add, remove, reorder, replace. Each runs in one transaction
/// that locks the playlist's row, checks who may make it, applies it on the latest state (translating
/// an older snapshot's indices, see <see cref="PlaylistSnapshots"/>), logs it and moves the playlist to
/// its new version. A request that fails changes nothing. No change leaves a playlist holding more
/// than <see cref="PlaylistOptions.MaxItems"/> items.
/// </summary>
public sealed class PlaylistEditor(
    JukeboxDbContext db, PlaylistRanks ranks, CatalogStore store, TimeProvider clock, IOptions<PlaylistOptions> options,
    IEnumerable<IPlaylistChangeListener> listeners, ILogger<PlaylistEditor> logger)
{
    public const int MaxPerRequest = 100;
    public const int MaxNameLength = 512;
    public const int MaxDescriptionLength = 300;

    /// <summary>The playlist's row as the change found it, once locked; <see cref="Version"/> is the new version.</summary>
    private sealed record Locked(
        string Id, string OwnerId, bool Public, bool Collaborative, long Version, int ItemCount, string SnapshotId, string? CoverAlbumIds, int CoverDepth)
    {
        public long PreviousVersion => Version - 1;
    }

    /// <summary>
    /// What a change did: its log entry, and the order of the items after it from the order before
    /// it, called once the change's rows are saved (new items have their ids); null when the items
    /// did not change.
    /// </summary>
    private sealed record Applied(PlaylistChange Change, Func<PlaylistOrder>? OrderAfter = null);

    public Task<string> ChangeDetailsAsync(string playlistId, Caller caller, PlaylistDetailsRequest request, CancellationToken ct)
    {
        if (request.Name is { Length: 0 or > MaxNameLength })
        {
            throw SpotifyException.BadRequest(PlaylistErrors.NameTooLong);
        }
        if (request.Description is { Length: > MaxDescriptionLength })
        {
            throw SpotifyException.BadRequest(PlaylistErrors.DescriptionTooLong);
        }
        return ChangeAsync(playlistId, caller, ownerOnly: true, PlaylistErrors.NotOwnerDetails, request.Public, async playlist =>
        {
            var isPublic = request.Public ?? playlist.Public;
            var collaborative = request.Collaborative ?? playlist.Collaborative;
            if (isPublic && collaborative)
            {
                throw SpotifyException.BadRequest(PlaylistErrors.PublicAndCollaborative);
            }
            await db.Playlists.Where(p => p.Id == playlist.Id).ExecuteUpdateAsync(s => s
                .SetProperty(p => p.Name, p => request.Name ?? p.Name)
                .SetProperty(p => p.Description, p => request.Description ?? p.Description)
                .SetProperty(p => p.Public, isPublic)
                .SetProperty(p => p.Collaborative, collaborative), ct);
            // The owner's own follow carries the playlist onto (or off) their public profile.
            await db.PlaylistFollows.Where(f => f.PlaylistId == playlist.Id && f.UserId == playlist.OwnerId)
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.Public, isPublic), ct);
            return new Applied(new PlaylistChange { PlaylistId = playlist.Id, Kind = PlaylistChangeKind.Details, ItemCountAfter = playlist.ItemCount });
        }, ct);
    }

    public async Task<string> AddAsync(string playlistId, Caller caller, IReadOnlyList<string?>? uris, int? position, CancellationToken ct)
    {
        var entries = await EntriesToAddAsync(uris, PlaylistErrors.TooManyToAdd);
        if (entries.Count == 0)
        {
            throw SpotifyException.BadRequest(PlaylistErrors.NoUris);
        }
        return await ChangeAsync(playlistId, caller, ownerOnly: false, PlaylistErrors.NotOwnerAdd, null, async playlist =>
        {
            var at = position ?? playlist.ItemCount;
            if (at < 0 || at > playlist.ItemCount)
            {
                throw SpotifyException.BadRequest(PlaylistErrors.IndexOutOfBounds);
            }
            RequireRoomFor(playlist.ItemCount + entries.Count);
            var order = await OrderAsync(playlist, ct);
            (var keys, order) = await ranks.KeysForGapAsync(playlist.Id, order, at, entries.Count, [], ct);
            var added = Insert(playlist, caller, entries, keys);
            return new Applied(new PlaylistChange
            {
                PlaylistId = playlist.Id,
                Kind = PlaylistChangeKind.Insert,
                Index = at,
                Count = entries.Count,
                ItemCountAfter = playlist.ItemCount + entries.Count,
            }, () => order.Insert(at, [.. added.Select(i => i.Id)], keys, [.. added.Select(PlaylistItemRow.Of)]));
        }, ct);
    }

    public async Task<string> ReplaceAsync(string playlistId, Caller caller, IReadOnlyList<string?> uris, CancellationToken ct)
    {
        var entries = await EntriesToAddAsync(uris, PlaylistErrors.TooManyToSet);
        return await ChangeAsync(playlistId, caller, ownerOnly: false, PlaylistErrors.NotOwnerAdd, null, async playlist =>
        {
            RequireRoomFor(entries.Count);
            await db.PlaylistItems.Where(i => i.PlaylistId == playlist.Id).ExecuteDeleteAsync(ct);
            long[] keys = [.. entries.Select((_, i) => PlaylistRanks.Spacing * (i + 1))];
            var added = Insert(playlist, caller, entries, keys);
            return new Applied(new PlaylistChange
            {
                PlaylistId = playlist.Id,
                Kind = PlaylistChangeKind.Replace,
                Count = playlist.ItemCount,
                ItemCountAfter = entries.Count,
            }, () => new PlaylistOrder(playlist.PreviousVersion, [.. added.Select(i => i.Id)], keys, [.. added.Select(PlaylistItemRow.Of)]));
        }, ct);
    }

    public Task<string> ReorderAsync(string playlistId, Caller caller, int rangeStart, int insertBefore, int rangeLength, string? snapshotId, CancellationToken ct)
    {
        if (rangeStart < 0 || insertBefore < 0 || rangeLength < 1)
        {
            throw SpotifyException.BadRequest(PlaylistErrors.IndexOutOfBounds);
        }
        return ChangeAsync(playlistId, caller, ownerOnly: false, PlaylistErrors.NotOwnerReorder, null, async playlist =>
        {
            var (translator, countAtSnapshot, _) = await TranslatorAsync(playlist, snapshotId, ct);
            if ((long)rangeStart + rangeLength > countAtSnapshot || insertBefore > countAtSnapshot)
            {
                throw SpotifyException.BadRequest(PlaylistErrors.IndexOutOfBounds);
            }
            var moving = Enumerable.Range(rangeStart, rangeLength).Select(translator.Item).OfType<int>().Order().ToArray();
            var gap = translator.Gap(insertBefore);
            var anchor = gap - PositionTranslator.LowerBound(moving, gap);
            var staysPut = moving.Length == 0 || (moving[^1] - moving[0] + 1 == moving.Length && anchor == moving[0]);
            Func<PlaylistOrder>? orderAfter = null;
            if (!staysPut)
            {
                var order = await OrderAsync(playlist, ct);
                (var keys, order) = await ranks.KeysForGapAsync(playlist.Id, order, anchor, moving.Length, moving, ct);
                for (var i = 0; i < moving.Length; i++)
                {
                    var item = new PlaylistItem { Id = order.IdAt(moving[i]), PlaylistId = playlist.Id, Position = order.KeyAt(moving[i]) };
                    db.PlaylistItems.Attach(item);
                    item.Position = keys[i];
                }
                orderAfter = () => order.Move(moving, anchor, keys);
            }
            return new Applied(new PlaylistChange
            {
                PlaylistId = playlist.Id,
                Kind = PlaylistChangeKind.Move,
                Index = gap,
                Indices = IndexRanges.Format(moving),
                ItemCountAfter = playlist.ItemCount,
            }, orderAfter);
        }, ct);
    }

    public Task<string> RemoveAsync(string playlistId, Caller caller, RemovalRequest request, string? snapshotId, CancellationToken ct) =>
        ChangeAsync(playlistId, caller, ownerOnly: false, PlaylistErrors.NotOwnerRemove, null, async playlist =>
        {
            var (translator, countAtSnapshot, seenUpTo) = await TranslatorAsync(playlist, snapshotId, ct);
            var expected = new Dictionary<int, PlaylistEntry?>();
            void Expect(int position, PlaylistEntry? entry)
            {
                if (position < 0 || position >= countAtSnapshot)
                {
                    throw SpotifyException.BadRequest(PlaylistErrors.CouldNotRemove);
                }
                if (translator.Item(position) is int now)
                {
                    expected[now] = entry ?? expected.GetValueOrDefault(now);
                }
            }
            foreach (var position in request.Positions ?? [])
            {
                Expect(position, null);
            }
            var byUri = new List<PlaylistEntry>();
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
            var order = await OrderAsync(playlist, ct);
            await RequireEntriesAsync(playlist.Id, order, expected, ct);
            var removed = expected.Keys.ToDictionary(order.IdAt, index => index);
            foreach (var entry in byUri.Distinct())
            {
                var occurrences = db.PlaylistItems.Where(i => i.PlaylistId == playlist.Id && i.AddedInVersion <= seenUpTo);
                occurrences = entry.TrackId is { } trackId ? occurrences.Where(i => i.TrackId == trackId) : occurrences.Where(i => i.EpisodeId == entry.EpisodeId);
                var matches = await occurrences.Select(i => new { i.Id, i.Position }).ToListAsync(ct);
                foreach (var match in matches.Where(m => !removed.ContainsKey(m.Id)))
                {
                    removed[match.Id] = order.IndexOfKey(match.Position);
                }
            }
            foreach (var id in removed.Keys)
            {
                db.PlaylistItems.Remove(new PlaylistItem { Id = id, PlaylistId = playlist.Id });
            }
            int[] indices = [.. removed.Values.Order()];
            return new Applied(new PlaylistChange
            {
                PlaylistId = playlist.Id,
                Kind = PlaylistChangeKind.Remove,
                Indices = IndexRanges.Format(indices),
                ItemCountAfter = playlist.ItemCount - removed.Count,
            }, () => order.Remove(indices));
        }, ct);

    /// <summary>A 400 unless each item at an index of <paramref name="expected"/> that names an entry holds that entry.</summary>
    private async Task RequireEntriesAsync(string playlistId, PlaylistOrder order, Dictionary<int, PlaylistEntry?> expected, CancellationToken ct)
    {
        var named = expected.Where(e => e.Value is not null).ToDictionary(e => order.IdAt(e.Key), e => e.Value!.Value);
        if (named.Count == 0)
        {
            return;
        }
        var ids = named.Keys.ToList();
        var found = await db.PlaylistItems.Where(i => i.PlaylistId == playlistId && ids.Contains(i.Id))
            .Select(i => new { i.Id, i.TrackId, i.EpisodeId, i.LocalUri }).ToListAsync(ct);
        if (found.Count != named.Count || found.Any(f => named[f.Id] != new PlaylistEntry(f.TrackId, f.EpisodeId, f.LocalUri)))
        {
            throw SpotifyException.BadRequest(PlaylistErrors.CouldNotRemove);
        }
    }

    private async Task<List<PlaylistEntry>> EntriesToAddAsync(IReadOnlyList<string?>? uris, string tooMany)
    {
        if (uris is null)
        {
            throw SpotifyException.BadRequest(PlaylistErrors.NoUris);
        }
        if (uris.Count > MaxPerRequest)
        {
            throw SpotifyException.BadRequest(tooMany);
        }
        var catalog = await store.GetAsync();
        return [.. uris.Select(u => PlaylistEntry.Parse(u, catalog, allowLocal: false))];
    }

    /// <summary>
    /// A 403 when the playlist would hold more items than allowed. Called with the count read under the
    /// row lock, so concurrent adds are counted one after another and cannot pass the limit together.
    /// </summary>
    private void RequireRoomFor(int itemCountAfter)
    {
        if (itemCountAfter > options.Value.MaxItems)
        {
            throw SpotifyException.Forbidden(PlaylistErrors.SizeLimitReached);
        }
    }

    /// <summary>Adds the items' rows to the change; they get their ids when it is saved.</summary>
    private List<PlaylistItem> Insert(Locked playlist, Caller caller, List<PlaylistEntry> entries, long[] keys)
    {
        var now = clock.GetUtcNow();
        var items = new List<PlaylistItem>(entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            var item = new PlaylistItem
            {
                PlaylistId = playlist.Id,
                Position = keys[i],
                TrackId = entries[i].TrackId,
                EpisodeId = entries[i].EpisodeId,
                AddedAt = now,
                AddedById = caller.UserId,
                AddedInVersion = playlist.Version,
            };
            db.PlaylistItems.Add(item);
            items.Add(item);
        }
        return items;
    }

    /// <summary>The items' order before the change (the row lock keeps it from changing until the change commits).</summary>
    private Task<PlaylistOrder> OrderAsync(Locked playlist, CancellationToken ct) =>
        ranks.LockedOrderAsync(playlist.Id, playlist.PreviousVersion, playlist.ItemCount, ct);

    /// <summary>
    /// The translation from <paramref name="snapshotId"/> to the latest state, the item count the
    /// snapshot had, and its version (every version so far when there is no snapshot).
    /// </summary>
    private async Task<(PositionTranslator Translator, int CountAtSnapshot, long Version)> TranslatorAsync(
        Locked playlist, string? snapshotId, CancellationToken ct)
    {
        if (snapshotId is null)
        {
            return (new PositionTranslator([]), playlist.ItemCount, long.MaxValue);
        }
        var version = PlaylistSnapshots.VersionOf(snapshotId, playlist.Id, playlist.PreviousVersion, playlist.SnapshotId);
        if (version == playlist.PreviousVersion)
        {
            return (new PositionTranslator([]), playlist.ItemCount, version);
        }
        var changes = await db.PlaylistChanges.AsNoTracking()
            .Where(c => c.PlaylistId == playlist.Id && c.Version > version).OrderBy(c => c.Version).ToListAsync(ct);
        return (new PositionTranslator(changes), changes.Count > 0 ? PositionTranslator.CountBefore(changes[0]) : playlist.ItemCount, version);
    }

    /// <summary>The transaction every change runs in (see the class summary).</summary>
    private async Task<string> ChangeAsync(
        string playlistId, Caller caller, bool ownerOnly, string notAllowed, bool? requestedPublic,
        Func<Locked, Task<Applied>> apply, CancellationToken ct)
    {
        SpotifyIds.Require(playlistId);
        string snapshotId;
        Locked playlist;
        PlaylistOrder? kept;
        PlaylistOrders.Handoff handoff;
        // The transaction is the savepoint: a failure rolls everything back, so SaveChanges needs none of its own.
        db.Database.AutoSavepointsEnabled = false;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            // Taking the row lock first: concurrent changes to this playlist wait here, on every node.
            // The same statement returns the row as locked (one round trip).
            var locked = await db.Database.SqlQuery<Locked>($"""
                UPDATE "Playlists" SET "Version" = "Version" + 1 WHERE "Id" = {playlistId}
                RETURNING "Id", "OwnerId", "Public", "Collaborative", "Version", "ItemCount", "SnapshotId", "CoverAlbumIds", "CoverDepth"
                """).ToListAsync(ct);
            playlist = locked.Count == 1 ? locked[0] : throw SpotifyException.NotFound(PlaylistErrors.NotFound);
            await RequireAllowedAsync(playlist, caller, ownerOnly, notAllowed, ct);
            RequireModifyScope(caller, playlist.Public);
            if (requestedPublic is bool wanted)
            {
                RequireModifyScope(caller, wanted);
            }

            var applied = await apply(playlist);
            var change = applied.Change;
            change.Version = playlist.Version;
            change.ChangedAt = clock.GetUtcNow();
            change.UserId = caller.UserId;
            db.PlaylistChanges.Add(change);
            snapshotId = PlaylistSnapshots.IdOf(playlistId, playlist.Version);

            string? cover = null;
            var coverDepth = 0;
            var coverChanges = playlist.CoverAlbumIds is null || FirstIndexTouched(change) < playlist.CoverDepth;
            if (coverChanges)
            {
                // The cover is read from the items as changed: those are written first.
                await db.SaveChangesAsync(ct);
                var catalog = await store.GetAsync();
                var firstTracks = await ranks.FirstTrackIdsAsync(playlistId, ids => { PlaylistCovers.AlbumsOf(ids, catalog, out var depth); return depth != int.MaxValue; }, ct);
                cover = PlaylistCovers.AlbumsOf(firstTracks, catalog, out coverDepth);
            }
            // The playlist's new state goes with the change's rows in one SaveChanges (one batch of statements).
            var row = new Playlist { Id = playlistId, OwnerId = playlist.OwnerId, Name = "", SnapshotId = playlist.SnapshotId };
            db.Playlists.Attach(row);
            var entry = db.Entry(row);
            entry.Property(p => p.SnapshotId).CurrentValue = snapshotId;
            entry.Property(p => p.SnapshotId).IsModified = true;
            entry.Property(p => p.ItemCount).CurrentValue = change.ItemCountAfter;
            entry.Property(p => p.ItemCount).IsModified = true;
            if (coverChanges)
            {
                entry.Property(p => p.CoverAlbumIds).CurrentValue = cover;
                entry.Property(p => p.CoverAlbumIds).IsModified = true;
                entry.Property(p => p.CoverDepth).CurrentValue = coverDepth;
                entry.Property(p => p.CoverDepth).IsModified = true;
            }
            await db.SaveChangesAsync(ct);
            // The order the change leaves is kept only once it commits: until then its version may never exist.
            kept = applied.OrderAfter is { } orderAfter
                ? orderAfter().WithVersion(playlist.Version)
                : ranks.CarriedOver(playlistId, playlist.PreviousVersion, playlist.Version);
            handoff = ranks.Expect(playlistId, playlist.Version);
            try
            {
                await transaction.CommitAsync(ct);
            }
            catch
            {
                // Nothing to hand over: a change waiting for this one reads the playlist.
                handoff.Complete(null);
                throw;
            }
        }
        handoff.Complete(kept);
        db.ChangeTracker.Clear();
        await NotifyAsync(listeners, logger, playlistId);
        return snapshotId;
    }

    /// <summary>The first index (before the change) whose item the change added, removed or moved; int.MaxValue for none.</summary>
    private static int FirstIndexTouched(PlaylistChange change) => change.Kind switch
    {
        PlaylistChangeKind.Insert => change.Index,
        PlaylistChangeKind.Remove => IndexRanges.Parse(change.Indices).DefaultIfEmpty(int.MaxValue).Min(),
        PlaylistChangeKind.Move => Math.Min(change.Index, IndexRanges.Parse(change.Indices).DefaultIfEmpty(int.MaxValue).Min()),
        PlaylistChangeKind.Replace => 0,
        _ => int.MaxValue,
    };

    private async Task RequireAllowedAsync(Locked playlist, Caller caller, bool ownerOnly, string notAllowed, CancellationToken ct)
    {
        if (playlist.OwnerId == caller.UserId)
        {
            return;
        }
        // A collaborator is a user who follows a collaborative playlist (joined it through its link).
        if (!ownerOnly && playlist.Collaborative
            && await db.PlaylistFollows.AnyAsync(f => f.PlaylistId == playlist.Id && f.UserId == caller.UserId, ct))
        {
            return;
        }
        throw SpotifyException.Forbidden(notAllowed);
    }

    /// <summary>playlist-modify-public for a public playlist, playlist-modify-private otherwise (the Scopes concept page).</summary>
    public static void RequireModifyScope(Caller caller, bool isPublic)
    {
        if (!caller.Scopes.Contains(isPublic ? SpotifyScopes.PlaylistModifyPublic : SpotifyScopes.PlaylistModifyPrivate))
        {
            throw SpotifyException.Forbidden(SpotifyErrors.InsufficientScope);
        }
    }

    /// <summary>
    /// Tells every listener, whatever became of the request (the change is committed); a listener's
    /// failure is logged and never undoes the change.
    /// </summary>
    public static async Task NotifyAsync(IEnumerable<IPlaylistChangeListener> listeners, ILogger logger, string playlistId)
    {
        foreach (var listener in listeners)
        {
            try
            {
                await listener.OnPlaylistChangedAsync(playlistId, CancellationToken.None);
            }
            catch (Exception e)
            {
                logger.LogError(e, "A playlist change listener failed for {PlaylistId}", playlistId);
            }
        }
    }
}
