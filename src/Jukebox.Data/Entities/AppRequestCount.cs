namespace Jukebox.Data.Entities;

/// <summary>
/// How many Web API requests an app made in one 30-second bucket, summed over every node, and how
/// many of them failed, by kind. Nodes count in memory and add their counts here every few seconds
/// (see the Accounts request counter).
/// </summary>
public sealed class AppRequestCount
{
    /// <summary>The length of a bucket; <see cref="BucketStart"/> is a multiple of it since the Unix epoch.</summary>
    public static readonly TimeSpan BucketLength = TimeSpan.FromSeconds(30);

    public required string ClientId { get; set; }
    public DateTimeOffset BucketStart { get; set; }

    /// <summary>Every request, whatever its outcome; the three below are the parts of it that failed.</summary>
    public long Count { get; set; }

    /// <summary>Answered 4xx, except 429.</summary>
    public long ClientErrors { get; set; }

    /// <summary>Answered 429 (rate limited).</summary>
    public long RateLimited { get; set; }

    /// <summary>Answered 5xx.</summary>
    public long ServerErrors { get; set; }

    /// <summary>The start of the bucket <paramref name="instant"/> falls in.</summary>
    public static DateTimeOffset BucketOf(DateTimeOffset instant)
    {
        var ms = instant.ToUnixTimeMilliseconds();
        var length = (long)BucketLength.TotalMilliseconds;
        return DateTimeOffset.FromUnixTimeMilliseconds(ms - (((ms % length) + length) % length));
    }
}
