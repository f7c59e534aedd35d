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
}
