using Microsoft.Extensions.Logging;

namespace Jukebox.Api.Playlists;

/// <summary>
/// Told after a playlist was created or changed (details or items) and the change committed, e.g. to
/// index it for search. Registered in DI; there may be none or several.
/// </summary>
public interface IPlaylistChangeListener
{
    Task OnPlaylistChangedAsync(string playlistId, CancellationToken cancellationToken = default);
}

public static class PlaylistChangeListeners
{
    /// <summary>
    /// Tells every listener, whatever became of the request (the change is committed); a listener's
    /// failure is logged and never undoes the change.
    /// </summary>
    public static async Task NotifyAsync(this IEnumerable<IPlaylistChangeListener> listeners, ILogger logger, string playlistId)
    {
        foreach (var listener in listeners)
        {
            try
            {
                await listener.OnPlaylistChangedAsync(playlistId, CancellationToken.None);
            }
            catch (Exception e)
            {
                logger.LogError(e, "A playlist change listener failed for {PlaylistId}", playlistId);
            }
        }
    }
}
