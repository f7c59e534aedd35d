using Jukebox.Data;
using Jukebox.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Jukebox.Api.Player;

/// <summary>
/// What time it is for a user's playback: the server's clock moved ahead by the offset the sandbox API
/// has given that user (kept on the user's <see cref="PlayerSession"/>), so that a test need not wait
/// for a track to end. Playback states are timed on it; devices' leases and sleep stay on the server's
/// clock.
/// </summary>
public sealed class PlaybackClock(JukeboxDbContext db, TimeProvider clock, PlayerService player, IPlayerNotifier notifier)
{
    /// <summary>One instant on both clocks.</summary>
    public readonly record struct Reading(DateTimeOffset ServerNow, long OffsetMs)
    {
        /// <summary>The user's playback clock.</summary>
        public DateTimeOffset Now => ServerNow.AddMilliseconds(OffsetMs);

        /// <summary>An instant of the server's clock (a device's expiry) on the user's playback clock.</summary>
        public DateTimeOffset OnPlaybackClock(DateTimeOffset serverTime) => serverTime.AddMilliseconds(OffsetMs);
    }

    /// <summary>The clocks now, for the user whose session is <paramref name="session"/> (none yet: no offset).</summary>
    public static Reading Read(TimeProvider clock, PlayerSession? session) => new(clock.GetUtcNow(), session?.ClockOffsetMs ?? 0);

    /// <summary>
    /// Moves the user's playback clock ahead, storing what played meanwhile: playback is brought to the
    /// present before the move (so a device that went away stopped it when it did) and after it.
    /// </summary>
    public async Task<Reading> AdvanceAsync(string userId, long milliseconds, CancellationToken ct)
    {
        // In the user's turn, like every player command, so concurrent commands do not race the move.
        using var turn = await player.TurnAsync(userId, ct);
        for (var attempt = 1; ; attempt++)
        {
            await player.SyncInTurnAsync(userId, ct);
            var session = await db.PlayerSessions.FirstOrDefaultAsync(s => s.UserId == userId, ct);
            if (session is null)
            {
                session = new PlayerSession { UserId = userId, ChangedAt = Read(clock, null).Now };
                db.PlayerSessions.Add(session);
            }
            session.ClockOffsetMs += milliseconds;
            session.Revision++;
            try
            {
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                await player.SyncInTurnAsync(userId, ct);
                await notifier.PublishAsync(userId, ct);
                return Read(clock, session);
            }
            catch (DbUpdateException e) when (player.MayRetry(e, attempt))
            {
                db.ChangeTracker.Clear();
            }
        }
    }
}
