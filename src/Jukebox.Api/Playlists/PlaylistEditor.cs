using Jukebox.Api.Http;
using Jukebox.Api.Playlists.Order;
using Jukebox.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jukebox.Api.Playlists;

/// <summary>
/// Every change to a playlist: details, add, remove, reorder, replace. Each names who may make it,
/// reads what its edit needs under the row lock (the order before it, the log since the request's
/// snapshot) and runs the edit (<see cref="PlaylistEdits"/>) in a <see cref="ChangeTransaction"/>.
/// Requests arrive parsed and checked as far as they can be without the playlist.
/// </summary>
public sealed class PlaylistEditor(
    JukeboxDbContext db, ChangeTransaction transaction, OrderStore orders, TimeProvider clock, IOptions<PlaylistOptions> options)
{
    private int MaxItems => options.Value.MaxItems;

    public Task<string> ChangeDetailsAsync(string playlistId, Caller caller, PlaylistDetailsRequest request, CancellationToken ct) =>
        transaction.RunAsync(playlistId, caller, new AccessRule(Editors.Owner, PlaylistErrors.NotOwnerDetails, request.Public),
            playlist => Task.FromResult(PlaylistEdits.Details(playlist, request)), ct);

    public Task<string> AddAsync(string playlistId, Caller caller, IReadOnlyList<PlaylistEntry> entries, int? position, CancellationToken ct) =>
        transaction.RunAsync(playlistId, caller, ItemsRule(PlaylistErrors.NotOwnerAdd), async playlist =>
            PlaylistEdits.Add(playlist, await OrderBeforeAsync(playlist, ct), entries, position, caller.UserId, clock.GetUtcNow(), MaxItems), ct);

    public Task<string> ReplaceAsync(string playlistId, Caller caller, IReadOnlyList<PlaylistEntry> entries, CancellationToken ct) =>
        transaction.RunAsync(playlistId, caller, ItemsRule(PlaylistErrors.NotOwnerAdd), playlist =>
            Task.FromResult(PlaylistEdits.Replace(playlist, entries, caller.UserId, clock.GetUtcNow(), MaxItems)), ct);

    public Task<string> ReorderAsync(string playlistId, Caller caller, ReorderRequest request, string? snapshotId, CancellationToken ct) =>
        transaction.RunAsync(playlistId, caller, ItemsRule(PlaylistErrors.NotOwnerReorder), async playlist =>
        {
            var since = await SinceAsync(playlist, snapshotId, ct);
            return PlaylistEdits.Reorder(playlist, await OrderBeforeAsync(playlist, ct), since, request);
        }, ct);

    public Task<string> RemoveAsync(string playlistId, Caller caller, RemovalRequest request, string? snapshotId, CancellationToken ct) =>
        transaction.RunAsync(playlistId, caller, ItemsRule(PlaylistErrors.NotOwnerRemove), async playlist =>
        {
            var since = await SinceAsync(playlist, snapshotId, ct);
            var order = await OrderBeforeAsync(playlist, ct);
            var addedSince = request.Entries.Any(e => e.Positions is null) ? await AddedSinceAsync(playlist, since.Version, ct) : new HashSet<long>();
            return PlaylistEdits.Remove(playlist, order, since, request, addedSince);
        }, ct);

    /// <summary>A playlist's items may be changed by its owner and, when it is collaborative, its collaborators.</summary>
    private static AccessRule ItemsRule(string refusal) => new(Editors.OwnerAndCollaborators, refusal);

    /// <summary>The items' order before the change (the row lock keeps it from changing until the change commits).</summary>
    private Task<ChunkedOrder> OrderBeforeAsync(LockedPlaylist playlist, CancellationToken ct) =>
        orders.LockedAsync(playlist.Id, playlist.PreviousVersion, playlist.ItemCount, ct);

    private async Task<SinceSnapshot> SinceAsync(LockedPlaylist playlist, string? snapshotId, CancellationToken ct)
    {
        if (snapshotId is null)
        {
            return new SinceSnapshot(new PositionTranslator([]), playlist.ItemCount, long.MaxValue);
        }
        var version = PlaylistSnapshots.VersionOf(snapshotId, playlist.Id, playlist.PreviousVersion, playlist.SnapshotId);
        if (version == playlist.PreviousVersion)
        {
            return new SinceSnapshot(new PositionTranslator([]), playlist.ItemCount, version);
        }
        var changes = await db.PlaylistChanges.AsNoTracking()
            .Where(c => c.PlaylistId == playlist.Id && c.Version > version).OrderBy(c => c.Version).ToListAsync(ct);
        return new SinceSnapshot(new PositionTranslator(changes), changes.Count > 0 ? PositionTranslator.CountBefore(changes[0]) : playlist.ItemCount, version);
    }

    /// <summary>Row ids of the items added after <paramref name="version"/>, which a client that saw that version did not see.</summary>
    private async Task<IReadOnlySet<long>> AddedSinceAsync(LockedPlaylist playlist, long version, CancellationToken ct)
    {
        if (version >= playlist.PreviousVersion)
        {
            return new HashSet<long>();
        }
        var ids = await db.PlaylistItems.Where(i => i.PlaylistId == playlist.Id && i.AddedInVersion > version).Select(i => i.Id).ToListAsync(ct);
        return ids.ToHashSet();
    }
}
