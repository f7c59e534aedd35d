using System.Collections.Concurrent;
using Jukebox.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Jukebox.Api.Users;

/// <summary>
/// How many users follow each artist, read on every artist object the API serves, so it must cost no
/// database query: each node keeps the counts in memory, loads them once when it starts and applies
/// its own follows and unfollows as they commit. Follows made on another node reach this one only
/// through <see cref="ReloadAsync"/>, which a cross-node invalidation (such as PostgreSQL
/// LISTEN/NOTIFY) can call.
/// </summary>
public interface IArtistFollowerCounts
{
    /// <summary>Users of this server who follow the artist (the catalog's own figure is added by the caller).</summary>
    long Of(string artistId);

    /// <summary>Applies committed changes: +1 per new follow, -1 per removed one.</summary>
    void Apply(IReadOnlyDictionary<string, int> changes);

    /// <summary>Reads every count from the database again.</summary>
    Task ReloadAsync(CancellationToken ct);
}

/// <summary>The per-node counts; loaded before the server starts listening.</summary>
public sealed class ArtistFollowerCounts(IServiceScopeFactory scopes) : IArtistFollowerCounts, IHostedService
{
    private ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);

    public long Of(string artistId) => _counts.TryGetValue(artistId, out var count) ? count : 0;

    public void Apply(IReadOnlyDictionary<string, int> changes)
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

    /// <remarks>A local change that commits while the counts are being read may be missed until the next reload.</remarks>
    public async Task ReloadAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JukeboxDbContext>();
        var counts = await db.ArtistFollows.AsNoTracking()
            .GroupBy(f => f.ArtistId)
            .Select(g => new { ArtistId = g.Key, Count = g.LongCount() })
            .ToListAsync(ct);
        _counts = new ConcurrentDictionary<string, long>(counts.Select(c => KeyValuePair.Create(c.ArtistId, c.Count)), StringComparer.Ordinal);
    }

    Task IHostedService.StartAsync(CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    Task IHostedService.StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
