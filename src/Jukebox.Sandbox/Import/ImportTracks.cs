using Jukebox.Data.Entities;
using Jukebox.Sandbox.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Jukebox.Sandbox.Import;

/// <summary>
/// The tracks of an import, each on an album of the catalog (imported before them, or there already):
/// made, or changed in place with new credits (their audio features stay). A track without a number
/// gets the next one on its disc among those the import has numbered.
/// </summary>
internal static class ImportTracks
{
    public static async Task WriteAsync(CatalogImporter.Run run, IEnumerable<(TrackFixture Body, ImportPosition At)> tracks, CancellationToken ct)
    {
        var lastNumber = new Dictionary<(string Album, int Disc), int>();
        foreach (var chunk in tracks.Chunk(4000))
        {
            var ids = chunk.Select(t => t.Body.Id!).ToList();
            var stored = await run.Db.Tracks.Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, StringComparer.Ordinal, ct);
            var credits = CatalogImporter.Run.CreditsById(
                await run.Db.TrackArtists.AsNoTracking().Where(x => ids.Contains(x.TrackId)).ToListAsync(ct), x => x.TrackId, x => x.ArtistId, x => x.Position);
            var albumIds = chunk.Select(t => t.Body.Album?.Id).OfType<string>().Concat(stored.Values.Select(t => t.AlbumId)).Distinct().ToList();
            var albums = await run.Db.Albums.AsNoTracking().Where(a => albumIds.Contains(a.Id))
                .ToDictionaryAsync(a => a.Id, a => a.AvailableMarkets, StringComparer.Ordinal, ct);
            var known = await run.KnownArtistsAsync(chunk.SelectMany(t => t.Body.Artists ?? []).Select(a => a?.Id).OfType<string>(), ct);
            var recredited = new List<string>();
            var newCredits = new List<TrackArtist>();
            foreach (var (body, at) in chunk)
            {
                run.Try(at, () =>
                {
                    var id = body.Id!;
                    var existing = stored.GetValueOrDefault(id);
                    var merged = existing is null ? body : FixtureMerge.Track(body, FixtureMerge.From(existing, credits.GetValueOrDefault(id) ?? []));
                    var albumId = merged.Album?.Id ?? throw new ImportException("album is required: a track is imported on its album");
                    var markets = albums.GetValueOrDefault(albumId)
                        ?? throw new ImportException($"Unknown album id {albumId} (not in the catalog, and not imported)");
                    var disc = merged.DiscNumber ?? 1;
                    var rows = TrackRows.From(merged, id, albumId, markets, lastNumber.GetValueOrDefault((albumId, disc)) + 1, existing);
                    CatalogImporter.Run.RequireKnown(rows.ArtistIds, known);
                    var key = (albumId, rows.Track.DiscNumber);
                    lastNumber[key] = Math.Max(lastNumber.GetValueOrDefault(key), rows.Track.TrackNumber);
                    if (existing is null)
                    {
                        run.Db.Tracks.Add(rows.Track);
                        run.Outcome.Tracks.Imported++;
                    }
                    else
                    {
                        rows.CopyTo(existing);
                        recredited.Add(id);
                        run.Outcome.Tracks.Updated++;
                    }
                    newCredits.AddRange(rows.Credits);
                });
            }
            await run.Db.TrackArtists.Where(x => recredited.Contains(x.TrackId)).ExecuteDeleteAsync(ct);
            run.Db.TrackArtists.AddRange(newCredits);
            await run.SaveAsync("tracks", chunk.Length, ct);
        }
    }
}
