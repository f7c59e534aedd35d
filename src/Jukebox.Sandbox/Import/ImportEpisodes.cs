using Jukebox.Sandbox.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Jukebox.Sandbox.Import;

/// <summary>
/// The episodes of an import, each of a show of the catalog (imported before them, or there already):
/// made, or changed in place. An episode read in its show's episodes page takes its place there (the
/// newest has the highest number); one read on its own keeps its place, or a new one becomes its show's newest.
/// </summary>
internal static class ImportEpisodes
{
    public static async Task WriteAsync(CatalogImporter.Run run, ImportedObjects objects, CancellationToken ct)
    {
        var newest = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var chunk in objects.Episodes.Values.Chunk(2000))
        {
            var ids = chunk.Select(e => e.Body.Id!).ToList();
            var stored = await run.Db.Episodes.Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, StringComparer.Ordinal, ct);
            var chapters = (await run.Db.Chapters.Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
            var showIds = chunk.Select(e => e.Body.Show?.Id).OfType<string>().Concat(stored.Values.Select(e => e.ShowId)).Distinct().ToList();
            var shows = await run.Db.Shows.AsNoTracking().Where(s => showIds.Contains(s.Id))
                .ToDictionaryAsync(s => s.Id, s => s.Languages, StringComparer.Ordinal, ct);
            var highest = await run.Db.Episodes.Where(e => showIds.Contains(e.ShowId)).GroupBy(e => e.ShowId)
                .Select(g => new { ShowId = g.Key, Number = g.Max(e => e.Number) }).ToListAsync(ct);
            foreach (var show in highest)
            {
                newest[show.ShowId] = Math.Max(newest.GetValueOrDefault(show.ShowId), show.Number);
            }
            foreach (var (body, at) in chunk)
            {
                run.Try(at, () =>
                {
                    var id = body.Id!;
                    if (chapters.Contains(id))
                    {
                        throw new ImportException($"A chapter has id {id}: an episode and a chapter cannot share one");
                    }
                    var existing = stored.GetValueOrDefault(id);
                    var merged = existing is null ? body : SpokenMerge.Episode(body, SpokenMerge.From(existing));
                    var showId = merged.Show?.Id ?? throw new ImportException("show is required: an episode is imported with its show");
                    var languages = shows.GetValueOrDefault(showId)
                        ?? throw new ImportException($"Unknown show id {showId} (not in the catalog, and not imported)");
                    var number = objects.EpisodeNumbers.TryGetValue(id, out var place) ? place
                        : existing is not null && existing.ShowId == showId ? existing.Number
                        : newest.GetValueOrDefault(showId) + 1;
                    newest[showId] = Math.Max(newest.GetValueOrDefault(showId), number);
                    var row = run.Imaged(EpisodeRows.From(merged, id, showId, languages, number, run.Now));
                    if (existing is null)
                    {
                        run.Db.Episodes.Add(row);
                        run.Outcome.Episodes.Imported++;
                    }
                    else
                    {
                        row.CopyTo(existing);
                        run.Outcome.Episodes.Updated++;
                    }
                });
            }
            await run.SaveAsync("episodes", chunk.Length, ct);
        }
    }
}
