using Jukebox.Sandbox.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Jukebox.Sandbox.Import;

/// <summary>
/// The chapters of an import, each of an audiobook of the catalog (imported before them, or there
/// already): made, or changed in place. A chapter without a <c>chapter_number</c> keeps its own, or a
/// new one comes after its audiobook's last.
/// </summary>
internal static class ImportChapters
{
    public static async Task WriteAsync(CatalogImporter.Run run, IEnumerable<(ChapterFixture Body, ImportPosition At)> chapters, CancellationToken ct)
    {
        var last = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var chunk in chapters.Chunk(2000))
        {
            var ids = chunk.Select(c => c.Body.Id!).ToList();
            var stored = await run.Db.Chapters.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, StringComparer.Ordinal, ct);
            var episodes = (await run.Db.Episodes.Where(e => ids.Contains(e.Id)).Select(e => e.Id).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
            var bookIds = chunk.Select(c => c.Body.Audiobook?.Id).OfType<string>().Concat(stored.Values.Select(c => c.AudiobookId)).Distinct().ToList();
            var books = await run.Db.Audiobooks.AsNoTracking().Where(b => bookIds.Contains(b.Id))
                .ToDictionaryAsync(b => b.Id, b => b.Languages, StringComparer.Ordinal, ct);
            var highest = await run.Db.Chapters.Where(c => bookIds.Contains(c.AudiobookId)).GroupBy(c => c.AudiobookId)
                .Select(g => new { AudiobookId = g.Key, Number = g.Max(c => c.ChapterNumber) }).ToListAsync(ct);
            foreach (var book in highest)
            {
                last[book.AudiobookId] = Math.Max(last.GetValueOrDefault(book.AudiobookId, -1), book.Number);
            }
            foreach (var (body, at) in chunk)
            {
                run.Try(at, () =>
                {
                    var id = body.Id!;
                    if (episodes.Contains(id))
                    {
                        throw new ImportException($"An episode has id {id}: a chapter and an episode cannot share one");
                    }
                    var existing = stored.GetValueOrDefault(id);
                    var merged = existing is null ? body : SpokenMerge.Chapter(body, SpokenMerge.From(existing));
                    var bookId = merged.Audiobook?.Id ?? throw new ImportException("audiobook is required: a chapter is imported with its audiobook");
                    var languages = books.GetValueOrDefault(bookId)
                        ?? throw new ImportException($"Unknown audiobook id {bookId} (not in the catalog, and not imported)");
                    var next = existing is not null && existing.AudiobookId == bookId ? existing.ChapterNumber : last.GetValueOrDefault(bookId, -1) + 1;
                    var row = run.Imaged(ChapterRows.From(merged, id, bookId, languages, next, run.Now));
                    last[bookId] = Math.Max(last.GetValueOrDefault(bookId, -1), row.ChapterNumber);
                    if (existing is null)
                    {
                        run.Db.Chapters.Add(row);
                        run.Outcome.Chapters.Imported++;
                    }
                    else
                    {
                        row.CopyTo(existing);
                        run.Outcome.Chapters.Updated++;
                    }
                });
            }
            await run.SaveAsync("chapters", chunk.Length, ct);
        }
    }
}
