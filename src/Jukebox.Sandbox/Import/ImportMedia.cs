using Jukebox.Api.Audio;
using Jukebox.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Jukebox.Sandbox.Import;

/// <summary>
/// What an import of audio files adds to their tracks and albums, after both are written: each
/// track's file (where the server finds it again), the preview address of a track from a file that is
/// cut into one (see <see cref="AudioPreview"/>), and each album's cover from its files' art. A track or album whose
/// own record failed has nothing added.
/// </summary>
internal static class ImportMedia
{
    public static async Task WriteAsync(CatalogImporter.Run run, ImportedObjects objects, CancellationToken ct)
    {
        foreach (var chunk in objects.AudioFiles.Values.Chunk(2000))
        {
            var ids = chunk.Select(f => f.File.TrackId).ToList();
            var tracks = await run.Db.Tracks.Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, StringComparer.Ordinal, ct);
            var stored = await run.Db.TrackAudioFiles.Where(f => ids.Contains(f.TrackId)).ToDictionaryAsync(f => f.TrackId, StringComparer.Ordinal, ct);
            foreach (var (file, _) in chunk)
            {
                if (!tracks.TryGetValue(file.TrackId, out var track))
                {
                    continue;
                }
                if (stored.TryGetValue(file.TrackId, out var known))
                {
                    known.Path = file.Path;
                    known.ContentType = file.ContentType;
                    known.MediaStart = file.MediaStart;
                    known.MediaEnd = file.MediaEnd;
                }
                else
                {
                    run.Db.TrackAudioFiles.Add(file);
                }
                if (AudioPreview.IsCut(file.ContentType))
                {
                    track.PreviewUrl = TrackAudio.PreviewPath(track.Id);
                }
                else if (TrackAudio.IsServedHere(track.PreviewUrl))
                {
                    track.PreviewUrl = null;
                }
            }
            await run.SaveAsync("audio files", 0, ct);
        }
        foreach (var chunk in objects.Covers.Chunk(200))
        {
            var ids = chunk.Select(c => c.Key).ToList();
            var albums = await run.Db.Albums.Where(a => ids.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct);
            await run.Db.AlbumCovers.Where(c => albums.Contains(c.AlbumId)).ExecuteDeleteAsync(ct);
            run.Db.AlbumCovers.AddRange(chunk.Where(c => albums.Contains(c.Key))
                .SelectMany(c => c.Value.Select(size => new AlbumCover { AlbumId = c.Key, Size = size.Key, Jpeg = size.Value })));
            await run.SaveAsync("album covers", 0, ct);
        }
    }
}
