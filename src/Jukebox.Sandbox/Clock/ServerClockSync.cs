using System.Globalization;
using Jukebox.Cluster;
using Jukebox.Data;
using Jukebox.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Jukebox.Sandbox.Clock;

/// <summary>
/// Keeps every node's <see cref="ServerClock"/> on the offset in the database: read before the server
/// listens, moved by this node's advances and, through the cluster bus, by the other nodes' (and read
/// again after a resync, when a message may have been lost).
/// </summary>
public sealed class ServerClockSync(ServerClock clock, IClusterBus bus, IServiceScopeFactory scopes) : IHostedService
{
    /// <summary>How far ahead the clock may go in all: far enough for any test, and far from DateTimeOffset's end.</summary>
    public const string TooFarMessage = "The clock cannot move more than 100 years ahead";

    public static readonly long MaxOffsetMilliseconds = (long)TimeSpan.FromDays(100 * 366).TotalMilliseconds;

    private readonly List<IDisposable> _subscriptions = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _subscriptions.Add(bus.Subscribe(ClusterTopics.Clock, payload =>
        {
            if (long.TryParse(payload, NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            {
                clock.MoveTo(offset);
            }
            return Task.CompletedTask;
        }));
        _subscriptions.Add(bus.OnResync(() => ReloadAsync(CancellationToken.None)));
        await ReloadAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscriptions.ForEach(s => s.Dispose());
        _subscriptions.Clear();
        return Task.CompletedTask;
    }

    private async Task ReloadAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JukeboxDbContext>();
        clock.MoveTo(await ReadAsync(db, ct));
    }

    /// <summary>
    /// Moves the clock of every node ahead; false (and nothing changed) when that would take it beyond
    /// <see cref="MaxOffsetMilliseconds"/>. Adding in the database keeps advances made at once on
    /// several nodes from overwriting each other.
    /// </summary>
    public async Task<bool> AdvanceAsync(JukeboxDbContext db, long milliseconds, CancellationToken ct)
    {
        long offset;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            var moved = await db.ServerClockOffsets
                .Where(c => c.Id == ServerClockOffset.SingleId && c.OffsetMilliseconds <= MaxOffsetMilliseconds - milliseconds)
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.OffsetMilliseconds, c => c.OffsetMilliseconds + milliseconds), ct);
            if (moved == 0)
            {
                return false;
            }
            offset = await ReadAsync(db, ct);
            await transaction.CommitAsync(ct);
        }
        clock.MoveTo(offset);
        bus.Publish(ClusterTopics.Clock, offset.ToString(CultureInfo.InvariantCulture));
        return true;
    }

    private static Task<long> ReadAsync(JukeboxDbContext db, CancellationToken ct) =>
        db.ServerClockOffsets.AsNoTracking()
            .Where(c => c.Id == ServerClockOffset.SingleId)
            .Select(c => c.OffsetMilliseconds)
            .FirstOrDefaultAsync(ct);
}
