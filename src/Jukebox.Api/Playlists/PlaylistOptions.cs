namespace Jukebox.Api.Playlists;

/// <summary>Settings of the playlists area (configuration section <c>Playlists</c>).</summary>
public sealed class PlaylistOptions
{
    /// <summary>
    /// The most items a playlist may hold: an add that would go beyond it is refused with 403, as
    /// Spotify documents for more than 10,000 items.
    /// </summary>
    public int MaxItems { get; set; } = 10_000;
}
