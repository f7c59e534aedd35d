using Jukebox.Api.Http;
using Jukebox.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Jukebox.Api.Audio;

/// <summary>
/// The previews of tracks imported from MP3 files (their <c>preview_url</c>): public, like Spotify's
/// preview URLs were, and answered with range requests. The full files are only for the signed-in
/// user's web player (Jukebox.Web's WebPlayer).
/// </summary>
public static class AudioEndpoints
{
    public static void MapAudio(this IEndpointRouteBuilder app) =>
        app.MapGet("/audio/{trackId}/preview", GetPreview);

    private static async Task<IResult> GetPreview(string trackId, HttpContext context, JukeboxDbContext db)
    {
        var file = await db.TrackAudioFiles.AsNoTracking().FirstOrDefaultAsync(f => f.TrackId == trackId, context.RequestAborted);
        if (file is not { ContentType: "audio/mpeg" } || !File.Exists(file.Path))
        {
            throw SpotifyException.NotFound("Resource not found");
        }
        byte[] preview;
        try
        {
            await using var stream = File.OpenRead(file.Path);
            preview = Mp3Preview.Cut(stream, file.MediaStart, file.MediaEnd);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The file went, or the server may not read it: as if it had none.
            throw SpotifyException.NotFound("Resource not found");
        }
        context.Response.Headers.CacheControl = "public, max-age=3600";
        return TypedResults.File(preview, "audio/mpeg", enableRangeProcessing: true);
    }
}
