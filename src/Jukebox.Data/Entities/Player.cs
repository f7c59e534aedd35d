namespace Jukebox.Data.Entities;

/// <summary>A Spotify Connect device of a user: seeded, created through the sandbox API, or a web player page.</summary>
public sealed class PlayerDevice
{
    /// <summary>40 hexadecimal characters, as Spotify's device ids look.</summary>
    public required string Id { get; set; }
    public required string UserId { get; set; }
    public required string Name { get; set; }

    /// <summary>Computer, Smartphone, Speaker, TV, ... as the Device object names them.</summary>
    public required string Type { get; set; }
    public int? VolumePercent { get; set; }
    public bool SupportsVolume { get; set; }
    public bool IsRestricted { get; set; }
    public bool IsPrivateSession { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When playback last moved to or away from the device, or it was woken (server clock); see Player:SleepAfter.</summary>
    public DateTimeOffset? LastActiveAt { get; set; }

    /// <summary>
    /// When the device disappears unless renewed (a web player page renews it while it is open);
    /// null for devices that stay until deleted. Compared with the server's clock.
    /// </summary>
    public DateTimeOffset? ExpiresAt { get; set; }
}

/// <summary>
/// A user's playback, one row per user, stored as of <see cref="ChangedAt"/>: what plays now is
/// computed from this row and the clock (Jukebox.Api's PlaybackState), never kept in memory.
/// </summary>
public sealed class PlayerSession
{
    public required string UserId { get; set; }

    /// <summary>The active device, or null when no device is active.</summary>
    public string? DeviceId { get; set; }
    public string? ContextUri { get; set; }

    /// <summary>The context's items (URIs, space-separated) as they were when playback of it started.</summary>
    public string ContextItems { get; set; } = "";

    /// <summary>The play order over <see cref="ContextItems"/> (comma-separated indexes; shuffled when shuffle is on).</summary>
    public string PlayOrder { get; set; } = "";

    /// <summary>Index into <see cref="PlayOrder"/> of the current (or, while the queue plays, the last) context item.</summary>
    public int Position { get; set; }
    public string? CurrentUri { get; set; }
    public bool CurrentFromQueue { get; set; }

    /// <summary>Items the user queued (URIs, space-separated), played before the context continues.</summary>
    public string Queue { get; set; } = "";
    public bool IsPlaying { get; set; }

    /// <summary>Progress into the current item at <see cref="ChangedAt"/>.</summary>
    public long ProgressMs { get; set; }

    /// <summary>How long the current item had played at <see cref="ChangedAt"/> (seeking does not change it).</summary>
    public long ListenedMs { get; set; }

    /// <summary>When the state last changed, on the user's playback clock (server clock + <see cref="ClockOffsetMs"/>).</summary>
    public DateTimeOffset ChangedAt { get; set; }
    public string RepeatState { get; set; } = "off";
    public bool ShuffleState { get; set; }

    /// <summary>How far the sandbox API has moved this user's playback clock ahead of the server's (Jukebox.Api's PlaybackClock).</summary>
    public long ClockOffsetMs { get; set; }

    /// <summary>Incremented on every write; a concurrent writer that read an older revision retries.</summary>
    public int Revision { get; set; }
}

/// <summary>A track the user listened to for at least 30 seconds (recently played, top items).</summary>
public sealed class PlayHistoryEntry
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public required string TrackId { get; set; }
    public string? ContextUri { get; set; }
    public DateTimeOffset PlayedAt { get; set; }
}

/// <summary>Where the user stopped in an episode.</summary>
public sealed class EpisodeResumePoint
{
    public required string UserId { get; set; }
    public required string EpisodeId { get; set; }
    public long ResumePositionMs { get; set; }
    public bool FullyPlayed { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
