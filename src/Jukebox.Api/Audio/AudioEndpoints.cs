using Jukebox.Api.Http;
using Jukebox.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Jukebox.Api.Audio;

/// <summary>
/// The previews of tracks imported from MP3, FLAC, Ogg Vorbis/Opus, WAV and M4A files (their
/// <c>preview_url</c>, see <see cref="AudioPreview"/>): public, like Spotify's preview URLs were, in
/// the file's own format and answered with range requests. The full files are only for the signed-in
/// user's web player (Jukebox.Web's WebPlayer).
/// </summary>
public static class AudioEndpoints
{
    public static void MapAudio(this IEndpointRouteBuilder app) =>
        app.MapGet("/audio/{trackId}/preview", GetPreview);

    private static async Task<IResult> GetPreview(string trackId, HttpContext context, JukeboxDbContext db, PreviewCache cache)
    {
        var file = await db.TrackAudioFiles.AsNoTracking().FirstOrDefaultAsync(f => f.TrackId == trackId, context.RequestAborted);
        var info = file is null ? null : new FileInfo(file.Path);
        if (file is null || info is not { Exists: true } || !AudioPreview.IsCut(file.ContentType))
        {
            throw SpotifyException.NotFound("Resource not found");
        }
        byte[]? preview;
        try
        {
            preview = cache.Get(trackId, info, () =>
            {
                using var stream = info.OpenRead();
                return AudioPreview.Cut(file.ContentType, stream, file.MediaStart, file.MediaEnd);
            });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The file went, or the server may not read it: as if it had none.
            throw SpotifyException.NotFound("Resource not found");
        }
        if (preview is not { Length: > 0 })
        {
            // Not what its name says (an Ogg file of another codec, a damaged file): no preview to give.
            throw SpotifyException.NotFound("Resource not found");
        }
        context.Response.Headers.CacheControl = "public, max-age=3600";
        return TypedResults.File(preview, file.ContentType, enableRangeProcessing: true);
    }
}
