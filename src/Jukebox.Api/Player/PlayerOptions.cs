namespace Jukebox.Api.Player;

/// <summary>The <c>Player</c> configuration section.</summary>
public sealed class PlayerOptions
{
    /// <summary>
    /// A device that playback has not moved to or away from for this long is asleep, as Spotify
    /// Connect devices are after a while: the first play or transfer to it answers 202 Accepted and
    /// wakes it without playing, and the client retries (Spotify asks for a retry after about 5
    /// seconds). Zero, the default, keeps every device awake.
    /// </summary>
    public TimeSpan SleepAfter { get; set; } = TimeSpan.Zero;
}
