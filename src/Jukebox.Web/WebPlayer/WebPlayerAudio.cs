using Jukebox.Api.Http;
using Jukebox.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Jukebox.Web.WebPlayer;

/// <summary>
/// The whole audio file of a track imported from one, for the web player page: only with the
/// signed-in user's cookie (the previews are the public part), and with HTTP range requests, which a
/// browser's audio element uses to seek.
/// </summary>
public static class WebPlayerAudio
{
    public static string Url(string trackId) => $"/player/audio/{trackId}";

    public static async Task<IResult> GetAsync(string trackId, JukeboxDbContext db, CancellationToken ct)
    {
        var file = await db.TrackAudioFiles.AsNoTracking().FirstOrDefaultAsync(f => f.TrackId == trackId, ct);
        if (file is null || !File.Exists(file.Path))
        {
            throw SpotifyException.NotFound("Resource not found");
        }
        return TypedResults.PhysicalFile(file.Path, file.ContentType, enableRangeProcessing: true);
    }

    /// <summary>The audio URL of the item that plays, or null when it has no file (the page then only shows the playback).</summary>
    public static async Task<string?> UrlOfAsync(JukeboxDbContext db, string? itemId, CancellationToken ct) =>
        itemId is not null && await db.TrackAudioFiles.AnyAsync(f => f.TrackId == itemId, ct) ? Url(itemId) : null;
}
