using System.Runtime.InteropServices;
using Jukebox.Data;
using Jukebox.Data.Entities;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Jukebox.Accounts.Apps;

/// <summary>
/// Counts every Web API request per app in 30-second buckets, for the dashboard's request-volume
/// chart. A request only touches memory: each node sums its counts and adds them to the shared
/// <see cref="AppRequestCount"/> rows every <see cref="FlushEvery"/> and when it shuts down, with
/// an upsert that increments, so nodes never overwrite each other. A node that crashes loses the
/// counts of at most its last unflushed <see cref="FlushEvery"/>; a failed flush keeps its counts
/// for the next one. Rows older than <see cref="KeepFor"/> are deleted.
/// </summary>
public sealed class AppRequestCounter(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan FlushEvery = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan KeepFor = TimeSpan.FromDays(1);
    private static readonly TimeSpan PruneEvery = TimeSpan.FromHours(1);

    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _flushing = new(1, 1);
    private Dictionary<(string ClientId, DateTimeOffset Bucket), Outcomes> _pending = [];
    private DateTimeOffset _lastPrune = DateTimeOffset.MinValue;

    /// <summary>Counts one request of the app that was answered with <paramref name="status"/>.</summary>
    public void Count(string clientId, int status)
    {
        var bucket = AppRequestCount.BucketOf(clock.GetUtcNow());
        lock (_gate)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(_pending, (clientId, bucket), out _).Add(Outcomes.Of(status));
        }
    }

    /// <summary>Adds this node's counts to the database.</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        await _flushing.WaitAsync(ct);
        try
        {
            Dictionary<(string ClientId, DateTimeOffset Bucket), Outcomes> batch;
            lock (_gate)
            {
                if (_pending.Count == 0)
                {
                    return;
                }
                (batch, _pending) = (_pending, []);
            }
            try
            {
                await WriteAsync(batch, ct);
            }
            catch
            {
                lock (_gate)
                {
                    foreach (var (key, counts) in batch)
                    {
                        CollectionsMarshal.GetValueRefOrAddDefault(_pending, key, out _).Add(counts);
                    }
                }
                throw;
            }
        }
        finally
        {
            _flushing.Release();
        }
    }

    private async Task WriteAsync(Dictionary<(string ClientId, DateTimeOffset Bucket), Outcomes> batch, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JukeboxDbContext>();
        // SQLite keeps instants as Unix milliseconds (see JukeboxDbContext); raw SQL bypasses the converter.
        var sqlite = db.Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var ((clientId, bucket), counts) in batch)
        {
            // INSERT ... ON CONFLICT DO UPDATE is the same statement on SQLite and PostgreSQL.
            await db.Database.ExecuteSqlRawAsync(
                """
                INSERT INTO "AppRequestCounts" ("ClientId", "BucketStart", "Count", "ClientErrors", "RateLimited", "ServerErrors")
                VALUES ({0}, {1}, {2}, {3}, {4}, {5})
                ON CONFLICT ("ClientId", "BucketStart") DO UPDATE SET
                    "Count" = "AppRequestCounts"."Count" + excluded."Count",
                    "ClientErrors" = "AppRequestCounts"."ClientErrors" + excluded."ClientErrors",
                    "RateLimited" = "AppRequestCounts"."RateLimited" + excluded."RateLimited",
                    "ServerErrors" = "AppRequestCounts"."ServerErrors" + excluded."ServerErrors"
                """,
                [clientId, sqlite ? bucket.ToUnixTimeMilliseconds() : bucket, counts.Total, counts.ClientErrors, counts.RateLimited, counts.ServerErrors], ct);
        }
        var now = clock.GetUtcNow();
        if (now - _lastPrune >= PruneEvery)
        {
            var cutoff = now - KeepFor;
            await db.AppRequestCounts.Where(c => c.BucketStart < cutoff).ExecuteDeleteAsync(ct);
            _lastPrune = now;
        }
        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// The app's request counts of each of the <paramref name="buckets"/> buckets up to the current one,
    /// oldest first: what every node has flushed plus what this node has not flushed yet.
    /// </summary>
    public async Task<IReadOnlyList<RequestBucket>> RecentAsync(string clientId, int buckets, CancellationToken ct)
    {
        var last = AppRequestCount.BucketOf(clock.GetUtcNow());
        var first = last - (AppRequestCount.BucketLength * (buckets - 1));
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JukeboxDbContext>();
        var stored = await db.AppRequestCounts.AsNoTracking()
            .Where(c => c.ClientId == clientId && c.BucketStart >= first)
            .ToListAsync(ct);
        var counts = new Dictionary<DateTimeOffset, Outcomes>();
        foreach (var row in stored)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(counts, row.BucketStart, out _)
                .Add(new Outcomes(row.Count, row.ClientErrors, row.RateLimited, row.ServerErrors));
        }
        lock (_gate)
        {
            foreach (var ((id, bucket), pending) in _pending)
            {
                if (id == clientId && bucket >= first)
                {
                    CollectionsMarshal.GetValueRefOrAddDefault(counts, bucket, out _).Add(pending);
                }
            }
        }
        return [.. Enumerable.Range(0, buckets).Select(i => first + (AppRequestCount.BucketLength * i)).Select(b =>
        {
            var c = counts.GetValueOrDefault(b);
            return new RequestBucket(b, c.Total, c.ClientErrors, c.RateLimited, c.ServerErrors);
        })];
    }

    /// <summary>Counts by outcome; the failures are parts of <see cref="Total"/>.</summary>
    private record struct Outcomes(long Total, long ClientErrors, long RateLimited, long ServerErrors)
    {
        public static Outcomes Of(int status) => status switch
        {
            StatusCodes.Status429TooManyRequests => new(1, 0, 1, 0),
            >= 500 => new(1, 0, 0, 1),
            >= 400 => new(1, 1, 0, 0),
            _ => new(1, 0, 0, 0),
        };

        public void Add(Outcomes other)
        {
            Total += other.Total;
            ClientErrors += other.ClientErrors;
            RateLimited += other.RateLimited;
            ServerErrors += other.ServerErrors;
        }
    }

    /// <summary>Forgets an app's counts (when the app is deleted).</summary>
    public Task DeleteAsync(JukeboxDbContext db, string clientId, CancellationToken ct)
    {
        lock (_gate)
        {
            foreach (var key in _pending.Keys.Where(k => k.ClientId == clientId).ToList())
            {
                _pending.Remove(key);
            }
        }
        return db.AppRequestCounts.Where(c => c.ClientId == clientId).ExecuteDeleteAsync(ct);
    }
}

/// <summary>An app's requests in one bucket: all of them, and those that failed by kind (the rest succeeded).</summary>
public readonly record struct RequestBucket(DateTimeOffset Start, long Count, long ClientErrors, long RateLimited, long ServerErrors)
{
    public long Succeeded => Count - ClientErrors - RateLimited - ServerErrors;
}

/// <summary>Flushes <see cref="AppRequestCounter"/> on a timer of the server's clock, and once more at shutdown.</summary>
internal sealed class AppRequestCountFlusher(
    AppRequestCounter counter, DatabaseOutages outages, TimeProvider clock, ILogger<AppRequestCountFlusher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(AppRequestCounter.FlushEvery, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(cancellationToken);
    }

    private async Task FlushAsync(CancellationToken ct)
    {
        try
        {
            await counter.FlushAsync(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception e) when (outages.Recognize(e))
        {
            // Every few seconds for as long as the outage lasts: one line each, not a stack trace.
            logger.LogWarning("Could not store the apps' request counts, the database is unavailable ({Cause}); they are kept for the next flush.",
                DatabaseOutages.Describe(e));
        }
        catch (Exception e)
        {
            // The counts stay in memory for the next flush.
            logger.LogWarning(e, "Could not store the apps' request counts.");
        }
    }
}
