namespace Jukebox.Data.Entities;

/// <summary>
/// How far the sandbox has moved the server's clock ahead of the wall clock: one row, shared by every
/// node of a deployment and kept across restarts. It only grows.
/// </summary>
public sealed class ServerClockOffset
{
    /// <summary>The one row's key.</summary>
    public const int SingleId = 1;

    public int Id { get; set; } = SingleId;
    public long OffsetMilliseconds { get; set; }
}
