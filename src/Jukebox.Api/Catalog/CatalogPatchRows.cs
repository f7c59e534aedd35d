using Jukebox.Data;
using Jukebox.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Jukebox.Api.Catalog;

/// <summary>
/// The rows a <see cref="CatalogPatch"/> needs, read by id: the changed artists, albums (with all their
/// tracks), tracks, their credits, every track sharing an ISRC with one of them, and the changed shows
/// and audiobooks with their episodes and chapters. An id without a row was deleted.
/// </summary>
internal sealed class CatalogPatchRows
{
    public required List<Artist> Artists { get; init; }
    public required List<(CatalogLoader.AlbumRow Row, List<string> Markets)> Albums { get; init; }
    public required List<AlbumArtist> AlbumArtists { get; init; }
    public required List<Track> Tracks { get; init; }
    public required List<TrackArtist> Credits { get; init; }

    /// <summary>The ids of every track with one of the ISRCs, by ISRC, in the database's order.</summary>
    public required Dictionary<string, List<string>> Recordings { get; init; }
    public required List<Show> Shows { get; init; }
    public required List<Episode> Episodes { get; init; }
    public required List<Audiobook> Audiobooks { get; init; }
    public required List<Chapter> Chapters { get; init; }

    /// <param name="oldIsrcs">The ISRCs the changed tracks had before the change.</param>
    /// <param name="shows">The shows whose episodes are read again.</param>
    /// <param name="audiobooks">The audiobooks whose chapters are read again.</param>
    public static async Task<CatalogPatchRows> ReadAsync(
        JukeboxDbContext db, CatalogChange change, IReadOnlyCollection<string> oldIsrcs,
        IReadOnlyCollection<string> shows, IReadOnlyCollection<string> audiobooks, CancellationToken ct)
    {
        var artistIds = change.Artists.ToList();
        var albumIds = change.Albums.ToList();
        var trackIds = change.Tracks.ToList();
        var artists = artistIds.Count == 0 ? [] : await db.Artists.AsNoTracking().Where(a => artistIds.Contains(a.Id)).ToListAsync(ct);
        var albums = albumIds.Count == 0 ? [] : await CatalogLoader.SelectAlbums(db.Albums.Where(a => albumIds.Contains(a.Id))).ToListAsync(ct);
        var albumMarkets = albumIds.Count == 0 ? [] : await db.Albums.AsNoTracking().Where(a => albumIds.Contains(a.Id))
            .Select(a => new { a.Id, a.AvailableMarkets }).ToDictionaryAsync(a => a.Id, a => a.AvailableMarkets, StringComparer.Ordinal, ct);
        var albumArtists = albumIds.Count == 0 ? [] : await db.AlbumArtists.AsNoTracking().Where(x => albumIds.Contains(x.AlbumId)).ToListAsync(ct);
        var tracks = albumIds.Count + trackIds.Count == 0 ? []
            : await db.Tracks.AsNoTracking().Where(t => trackIds.Contains(t.Id) || albumIds.Contains(t.AlbumId)).ToListAsync(ct);
        var loadedTrackIds = tracks.Select(t => t.Id).ToList();
        var credits = loadedTrackIds.Count == 0 ? [] : await db.TrackArtists.AsNoTracking().Where(x => loadedTrackIds.Contains(x.TrackId)).ToListAsync(ct);
        var isrcs = tracks.Select(t => t.Isrc).Concat(oldIsrcs).Distinct(StringComparer.Ordinal).ToList();
        var recordings = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (isrcs.Count > 0)
        {
            await foreach (var t in db.Tracks.AsNoTracking().Where(t => isrcs.Contains(t.Isrc)).Select(t => new { t.Id, t.Isrc }).AsAsyncEnumerable().WithCancellation(ct))
            {
                if (!recordings.TryGetValue(t.Isrc, out var ids))
                {
                    recordings[t.Isrc] = ids = [];
                }
                ids.Add(t.Id);
            }
        }
        var showIds = shows.ToList();
        var bookIds = audiobooks.ToList();
        return new CatalogPatchRows
        {
            Artists = artists,
            Albums = [.. albums.Select(a => (a, albumMarkets[a.Id]))],
            AlbumArtists = albumArtists,
            Tracks = tracks,
            Credits = credits,
            Recordings = recordings,
            Shows = showIds.Count == 0 ? [] : await db.Shows.AsNoTracking().Where(s => showIds.Contains(s.Id)).ToListAsync(ct),
            Episodes = showIds.Count == 0 ? [] : await db.Episodes.AsNoTracking().Where(e => showIds.Contains(e.ShowId)).ToListAsync(ct),
            Audiobooks = bookIds.Count == 0 ? [] : await db.Audiobooks.AsNoTracking().Where(b => bookIds.Contains(b.Id)).ToListAsync(ct),
            Chapters = bookIds.Count == 0 ? [] : await db.Chapters.AsNoTracking().Where(c => bookIds.Contains(c.AudiobookId)).ToListAsync(ct),
        };
    }

    /// <summary>The shows of changed episodes as the database has them now (an episode may have moved).</summary>
    public static Task<List<string>> ShowsOfAsync(JukeboxDbContext db, IReadOnlyList<string> episodes, CancellationToken ct)
    {
        var ids = episodes.ToList();
        return ids.Count == 0 ? Task.FromResult(new List<string>())
            : db.Episodes.AsNoTracking().Where(e => ids.Contains(e.Id)).Select(e => e.ShowId).Distinct().ToListAsync(ct);
    }

    public static Task<List<string>> AudiobooksOfAsync(JukeboxDbContext db, IReadOnlyList<string> chapters, CancellationToken ct)
    {
        var ids = chapters.ToList();
        return ids.Count == 0 ? Task.FromResult(new List<string>())
            : db.Chapters.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => c.AudiobookId).Distinct().ToListAsync(ct);
    }
}
