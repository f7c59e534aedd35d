using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Jukebox.Cluster;
using Jukebox.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Jukebox.Api.Users;

/// <summary>
/// How many users follow each artist, read on every artist object the API serves, so it must cost no
/// database query: each node keeps the counts in memory, loads them once when it starts and applies
/// its own follows and unfollows as they commit, and those of the other nodes as the cluster bus
/// brings them (and everything again after a resync, when some may have been lost).
/// </summary>
public interface IArtistFollowerCounts
{
    /// <summary>Users of this server who follow the artist (the catalog's own figure is added by the caller).</summary>
    long Of(string artistId);

    /// <summary>Applies this node's committed changes: +1 per new follow, -1 per removed one (the other nodes are told).</summary>
    void Apply(IReadOnlyDictionary<string, int> changes);

    /// <summary>Reads every count from the database again.</summary>
    Task ReloadAsync(CancellationToken ct);
}

/// <summary>The per-node counts; loaded before the server starts listening.</summary>
public sealed class ArtistFollowerCounts : IArtistFollowerCounts, IHostedService, IDisposable
{
    private readonly IServiceScopeFactory _scopes;
    private readonly IClusterBus _bus;
    private readonly IDisposable[] _subscriptions;
    private ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);

    public ArtistFollowerCounts(IServiceScopeFactory scopes, IClusterBus bus)
    {
        _scopes = scopes;
        _bus = bus;
        _subscriptions =
        [
            bus.Subscribe(ClusterTopics.ArtistFollows, payload =>
            {
                ApplyHere(Decode(payload));
                return Task.CompletedTask;
            }),
            bus.OnResync(() => ReloadAsync(CancellationToken.None)),
        ];
    }

    public long Of(string artistId) => _counts.TryGetValue(artistId, out var count) ? count : 0;

    public void Apply(IReadOnlyDictionary<string, int> changes)
    {
        ApplyHere(changes);
        var payload = Encode(changes);
        if (payload.Length > 0)
        {
            _bus.Publish(ClusterTopics.ArtistFollows, payload);
        }
    }

    private void ApplyHere(IReadOnlyDictionary<string, int> changes)
    {
        var counts = _counts;
        foreach (var (artistId, delta) in changes)
        {
            if (delta != 0)
            {
                counts.AddOrUpdate(artistId, delta, (_, current) => current + delta);
            }
        }
    }

    // Artist ids are base62, so a space and a line break separate them from the numbers unambiguously.
    private static string Encode(IReadOnlyDictionary<string, int> changes)
    {
        var text = new StringBuilder();
        foreach (var (artistId, delta) in changes)
        {
            if (delta != 0)
            {
                text.Append(artistId).Append(' ').Append(delta.ToString(CultureInfo.InvariantCulture)).Append('\n');
            }
        }
        return text.ToString();
    }

    private static Dictionary<string, int> Decode(string payload)
    {
        var changes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in payload.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space > 0 && int.TryParse(line.AsSpan(space + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var delta))
            {
                changes[line[..space]] = delta;
            }
        }
        return changes;
    }

    /// <remarks>A change applied while the counts are being read may be missed until the next reload.</remarks>
    public async Task ReloadAsync(CancellationToken ct)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JukeboxDbContext>();
        var counts = await db.ArtistFollows.AsNoTracking()
            .GroupBy(f => f.ArtistId)
            .Select(g => new { ArtistId = g.Key, Count = g.LongCount() })
            .ToListAsync(ct);
        _counts = new ConcurrentDictionary<string, long>(counts.Select(c => KeyValuePair.Create(c.ArtistId, c.Count)), StringComparer.Ordinal);
    }

    Task IHostedService.StartAsync(CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    Task IHostedService.StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }
    }
}
