using Jukebox.Api.Http;
using Jukebox.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Jukebox.Sandbox.Catalog;

/// <summary>What a fixture names must exist (400), and what it makes must not yet (409); read inside the write's transaction.</summary>
internal static class KnownIds
{
    public static async Task RequireArtistsAsync(JukeboxDbContext db, IEnumerable<string> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        var known = await db.Artists.Where(a => wanted.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct);
        if (wanted.FirstOrDefault(id => !known.Contains(id)) is { } unknown)
        {
            throw SpotifyException.BadRequest($"Unknown artist id {unknown}");
        }
    }

    /// <summary>Refuses ids of tracks that exist, other than those of <paramref name="exceptAlbumId"/>.</summary>
    public static async Task RefuseTakenTracksAsync(JukeboxDbContext db, IReadOnlyCollection<string> ids, string? exceptAlbumId, CancellationToken ct)
    {
        var taken = await db.Tracks.Where(t => ids.Contains(t.Id) && t.AlbumId != exceptAlbumId).Select(t => t.Id).FirstOrDefaultAsync(ct);
        if (taken is not null)
        {
            throw new SpotifyException(StatusCodes.Status409Conflict, $"A track with id {taken} exists");
        }
    }

    /// <summary>
    /// Refuses ids of episodes that exist, other than those of <paramref name="exceptShowId"/>, and of
    /// chapters: both are <c>spotify:episode:</c> URIs, so one id cannot be both.
    /// </summary>
    public static async Task RefuseTakenEpisodesAsync(JukeboxDbContext db, IReadOnlyCollection<string> ids, string? exceptShowId, CancellationToken ct)
    {
        var episode = await db.Episodes.Where(e => ids.Contains(e.Id) && e.ShowId != exceptShowId).Select(e => e.Id).FirstOrDefaultAsync(ct);
        var taken = episode ?? await db.Chapters.Where(c => ids.Contains(c.Id)).Select(c => c.Id).FirstOrDefaultAsync(ct);
        if (taken is not null)
        {
            throw new SpotifyException(StatusCodes.Status409Conflict, $"An episode or chapter with id {taken} exists");
        }
    }

    /// <summary>Refuses ids of chapters that exist, other than those of <paramref name="exceptAudiobookId"/>, and of episodes.</summary>
    public static async Task RefuseTakenChaptersAsync(JukeboxDbContext db, IReadOnlyCollection<string> ids, string? exceptAudiobookId, CancellationToken ct)
    {
        var chapter = await db.Chapters.Where(c => ids.Contains(c.Id) && c.AudiobookId != exceptAudiobookId).Select(c => c.Id).FirstOrDefaultAsync(ct);
        var taken = chapter ?? await db.Episodes.Where(e => ids.Contains(e.Id)).Select(e => e.Id).FirstOrDefaultAsync(ct);
        if (taken is not null)
        {
            throw new SpotifyException(StatusCodes.Status409Conflict, $"An episode or chapter with id {taken} exists");
        }
    }
}
