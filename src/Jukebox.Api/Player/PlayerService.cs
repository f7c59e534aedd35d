using System.Collections.Immutable;
using System.Globalization;
using Jukebox.Api.Artists;
using Jukebox.Api.Catalog;
using Jukebox.Api.Http;
using Jukebox.Data;
using Jukebox.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Jukebox.Api.Player;

/// <summary>
/// Loads a user's stored playback, brings it to the present with <see cref="PlaybackState.At"/>,
/// applies a command, and stores the result together with the history and resume points of every
/// item left on the way, in one SaveChanges (one transaction). Two writers of the same user's row
/// cannot both win: the row's revision is a concurrency token, and the loser starts again from the
/// winner's state, so no play is recorded twice. On one node a user's commands take turns
/// (<see cref="PlayerUserLocks"/>), so only writers on other nodes can make a save lose.
/// </summary>
public sealed class PlayerService(JukeboxDbContext db, CatalogStore store, TimeProvider clock, IPlayerNotifier notifier,
    PlayerUserLocks locks, DatabaseOutages outages)
{
    /// <summary>
    /// A lost save means another writer committed, so retrying makes progress; the bound only turns a
    /// save that can never succeed into an error instead of a request that never ends.
    /// </summary>
    private const int MaxSaveAttempts = 100;

    /// <summary>A track enters the listening history once it has played this long.</summary>
    public const long HistoryThresholdMs = 30_000;

    /// <summary>The user's playback brought to <see cref="Now"/>, the user's <see cref="PlaybackClock"/>.</summary>
    public sealed class Loaded
    {
        public required PlayerSession? Session { get; init; }
        public required PlaybackState Original { get; init; }
        public required PlaybackState State { get; set; }
        public required List<PlayedItem> Left { get; init; }
        public required List<PlayerDevice> Devices { get; init; }
        public required DateTimeOffset Now { get; init; }

        /// <summary>The server's clock (devices' leases and sleep are on it, not on the user's playback clock).</summary>
        public required DateTimeOffset ServerNow { get; init; }
        public required CatalogSnapshot Catalog { get; init; }

        /// <summary>Something besides the session row changed (a device's volume).</summary>
        public bool Touched { get; set; }

        /// <summary>The command only woke a sleeping device (202 Accepted); the client is to send it again.</summary>
        public bool WokeDevice { get; set; }

        public PlayerDevice? ActiveDevice => State.DeviceId is { } id ? Devices.FirstOrDefault(d => d.Id == id) : null;
    }

    /// <summary>The present state, with whatever happened since the last write stored (history, resume points).</summary>
    public Task<Loaded> SyncAsync(string userId, CancellationToken ct) => RunAsync(userId, l => Task.FromResult(l), ct);

    /// <summary>
    /// Runs <paramref name="command"/> on the present state and stores what it leaves in
    /// <see cref="Loaded.State"/>. A command that throws stores nothing.
    /// </summary>
    public async Task<Loaded> RunAsync(string userId, Func<Loaded, Task<Loaded>> command, CancellationToken ct)
    {
        using var turn = await locks.EnterAsync(userId, ct);
        return await RunInTurnAsync(userId, command, ct);
    }

    /// <summary>The user's turn on this node, for work that spans several steps (the sandbox's clock advance).</summary>
    internal Task<IDisposable> TurnAsync(string userId, CancellationToken ct) => locks.EnterAsync(userId, ct);

    /// <summary><see cref="SyncAsync"/> for a caller that already holds the user's turn.</summary>
    internal Task<Loaded> SyncInTurnAsync(string userId, CancellationToken ct) => RunInTurnAsync(userId, l => Task.FromResult(l), ct);

    /// <summary>Whether a failed save is worth another attempt: a lost race, not an outage or a bug that repeats.</summary>
    internal bool MayRetry(DbUpdateException e, int attempt) => attempt < MaxSaveAttempts && !outages.Recognize(e);

    private async Task<Loaded> RunInTurnAsync(string userId, Func<Loaded, Task<Loaded>> command, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var loaded = await command(await LoadAsync(userId, ct));
            try
            {
                var changed = await SaveAsync(userId, loaded, ct);
                if (changed)
                {
                    await notifier.PublishAsync(userId, ct);
                }
                return loaded;
            }
            catch (DbUpdateException e) when (MayRetry(e, attempt))
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<Loaded> LoadAsync(string userId, CancellationToken ct)
    {
        var session = await db.PlayerSessions.FirstOrDefaultAsync(s => s.UserId == userId, ct);
        var devices = await db.PlayerDevices.Where(d => d.UserId == userId).ToListAsync(ct);
        var time = PlaybackClock.Read(clock, session);
        var (now, serverNow) = (time.Now, time.ServerNow);
        var catalog = await store.GetAsync();
        var state = session is null ? new PlaybackState { ChangedAt = now } : ToState(session);
        DateTimeOffset? stopAt = null;
        if (state.DeviceId is { } active)
        {
            // Playback stops when its device goes away: at its expiry, or now when it was deleted.
            var device = devices.FirstOrDefault(d => d.Id == active);
            stopAt = device is null ? now : device.ExpiresAt is { } expires ? time.OnPlaybackClock(expires) : null;
        }
        var (present, ended) = state.At(now, uri => DurationOf(catalog, uri), stopAt);
        return new Loaded
        {
            Session = session,
            Original = state,
            State = present,
            Left = ended,
            Devices = [.. devices.Where(d => d.ExpiresAt is null || d.ExpiresAt > serverNow).OrderBy(d => d.CreatedAt).ThenBy(d => d.Id, StringComparer.Ordinal)],
            Now = now,
            ServerNow = serverNow,
            Catalog = catalog,
        };
    }

    private async Task<bool> SaveAsync(string userId, Loaded loaded, CancellationToken ct)
    {
        if (ReferenceEquals(loaded.State, loaded.Original) && loaded.Left.Count == 0 && !loaded.Touched)
        {
            return false;
        }
        var session = loaded.Session;
        if (session is null)
        {
            session = new PlayerSession { UserId = userId };
            db.PlayerSessions.Add(session);
        }
        Store(loaded.State, session);
        session.Revision++;

        var isPrivate = loaded.Session?.DeviceId is { } deviceId && loaded.Devices.FirstOrDefault(d => d.Id == deviceId)?.IsPrivateSession == true;
        foreach (var played in loaded.Left)
        {
            if (!isPrivate && played.ListenedMs >= HistoryThresholdMs && SpotifyIds.TryParseUri(played.Uri, out var type, out var id) && type == "track")
            {
                db.PlayHistory.Add(new PlayHistoryEntry { UserId = userId, TrackId = id, ContextUri = played.ContextUri, PlayedAt = played.EndedAt });
            }
        }
        await UpdateResumePointsAsync(userId, loaded, ct);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Episodes left on the way, and the one playing now, remember where the user is in them.</summary>
    private async Task UpdateResumePointsAsync(string userId, Loaded loaded, CancellationToken ct)
    {
        var positions = new List<(string Id, long Position, bool Completed)>();
        foreach (var played in loaded.Left)
        {
            if (SpotifyIds.TryParseUri(played.Uri, out var type, out var id) && type == "episode")
            {
                positions.Add((id, played.Completed ? 0 : played.ProgressMs, played.Completed));
            }
        }
        if (loaded.State.CurrentUri is { } current && SpotifyIds.TryParseUri(current, out var currentType, out var currentId) && currentType == "episode")
        {
            positions.Add((currentId, loaded.State.ProgressAt(loaded.Now), false));
        }
        if (positions.Count == 0)
        {
            return;
        }
        var ids = positions.Select(p => p.Id).Distinct().ToList();
        var points = await db.EpisodeResumePoints.Where(r => r.UserId == userId && ids.Contains(r.EpisodeId)).ToDictionaryAsync(r => r.EpisodeId, ct);
        foreach (var (id, position, completed) in positions)
        {
            if (!points.TryGetValue(id, out var point))
            {
                point = new EpisodeResumePoint { UserId = userId, EpisodeId = id };
                db.EpisodeResumePoints.Add(point);
                points[id] = point;
            }
            var duration = loaded.Catalog.Episodes.TryGetValue(id, out var episode) ? episode.DurationMs : long.MaxValue;
            point.ResumePositionMs = Math.Clamp(position, 0, duration);
            point.FullyPlayed |= completed;
            point.UpdatedAt = loaded.Now;
        }
    }

    public static long DurationOf(CatalogSnapshot catalog, string uri)
    {
        if (SpotifyIds.TryParseUri(uri, out var type, out var id))
        {
            if (type == "track" && catalog.Tracks.TryGetValue(id, out var track))
            {
                return track.DurationMs;
            }
            if (type == "episode" && catalog.Episodes.TryGetValue(id, out var episode))
            {
                return episode.DurationMs;
            }
        }
        return 0;
    }

    /// <summary>
    /// The items of a context as they are now: an album's tracks, an artist's top tracks, a
    /// playlist's tracks and episodes (local files cannot play), a show's episodes.
    /// </summary>
    public async Task<ImmutableArray<string>> ContextItemsAsync(CatalogSnapshot catalog, string contextUri, string? market, CancellationToken ct)
    {
        if (!SpotifyIds.TryParseUri(contextUri, out var type, out var id))
        {
            throw SpotifyException.BadRequest("Invalid context uri");
        }
        switch (type)
        {
            case "album":
                return [.. CatalogLookup.Find(catalog.Albums, id).Tracks.Select(t => SpotifyIds.Uri("track", t.Id))];
            case "artist":
                return [.. ArtistsService.TopTracks(CatalogLookup.Find(catalog.Artists, id), market).Select(t => SpotifyIds.Uri("track", t.Id))];
            case "show":
                return [.. CatalogLookup.Find(catalog.Shows, id).Episodes.Select(e => SpotifyIds.Uri("episode", e.Id))];
            case "playlist":
                if (!await db.Playlists.AnyAsync(p => p.Id == id, ct))
                {
                    throw SpotifyException.NotFound();
                }
                var rows = await db.PlaylistItems.Where(i => i.PlaylistId == id).OrderBy(i => i.Position)
                    .Select(i => new { i.TrackId, i.EpisodeId }).ToListAsync(ct);
                return [.. rows.Where(r => r.TrackId is not null || r.EpisodeId is not null)
                    .Select(r => r.TrackId is not null ? SpotifyIds.Uri("track", r.TrackId) : SpotifyIds.Uri("episode", r.EpisodeId!))];
            default:
                throw SpotifyException.BadRequest("Non supported context uri");
        }
    }

    /// <summary>Where an episode starts when played without position_ms: its resume point, unless played to the end.</summary>
    public async Task<long> ResumePositionAsync(string userId, string uri, CancellationToken ct)
    {
        if (!SpotifyIds.TryParseUri(uri, out var type, out var id) || type != "episode")
        {
            return 0;
        }
        var point = await db.EpisodeResumePoints.AsNoTracking().FirstOrDefaultAsync(r => r.UserId == userId && r.EpisodeId == id, ct);
        return point is { FullyPlayed: false } ? point.ResumePositionMs : 0;
    }

    public static PlaybackState ToState(PlayerSession s) => new()
    {
        DeviceId = s.DeviceId,
        ContextUri = s.ContextUri,
        Items = [.. s.ContextItems.Split(' ', StringSplitOptions.RemoveEmptyEntries)],
        Order = [.. s.PlayOrder.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(i => int.Parse(i, CultureInfo.InvariantCulture))],
        Position = s.Position,
        CurrentUri = s.CurrentUri,
        FromQueue = s.CurrentFromQueue,
        Queue = [.. s.Queue.Split(' ', StringSplitOptions.RemoveEmptyEntries)],
        IsPlaying = s.IsPlaying,
        ProgressMs = s.ProgressMs,
        ListenedMs = s.ListenedMs,
        ChangedAt = s.ChangedAt,
        Repeat = s.RepeatState,
        Shuffle = s.ShuffleState,
    };

    private static void Store(PlaybackState state, PlayerSession s)
    {
        s.DeviceId = state.DeviceId;
        s.ContextUri = state.ContextUri;
        s.ContextItems = string.Join(' ', state.Items);
        s.PlayOrder = string.Join(',', state.Order.Select(i => i.ToString(CultureInfo.InvariantCulture)));
        s.Position = state.Position;
        s.CurrentUri = state.CurrentUri;
        s.CurrentFromQueue = state.FromQueue;
        s.Queue = string.Join(' ', state.Queue);
        s.IsPlaying = state.IsPlaying;
        s.ProgressMs = state.ProgressMs;
        s.ListenedMs = state.ListenedMs;
        s.ChangedAt = state.ChangedAt;
        s.RepeatState = state.Repeat;
        s.ShuffleState = state.Shuffle;
    }

    /// <summary>A device is about to go away: playback on it stops now and no device is active.</summary>
    public Task DeviceGoneAsync(string userId, string deviceId, CancellationToken ct) => RunAsync(userId, l =>
    {
        if (l.State.DeviceId == deviceId)
        {
            l.State = (l.State.IsPlaying ? l.State.Pause(l.Now) : l.State) with { DeviceId = null };
        }
        return Task.FromResult(l);
    }, ct);
}
