using Jukebox.Sandbox.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Jukebox.Sandbox.Import;

/// <summary>The audiobooks of an import (their chapters are <see cref="ImportChapters"/>'): made, or changed in place.</summary>
internal static class ImportAudiobooks
{
    public static async Task WriteAsync(CatalogImporter.Run run, IEnumerable<(AudiobookFixture Body, ImportPosition At)> audiobooks, CancellationToken ct)
    {
        foreach (var chunk in audiobooks.Chunk(2000))
        {
            var ids = chunk.Select(b => b.Body.Id!).ToList();
            var stored = await run.Db.Audiobooks.Where(b => ids.Contains(b.Id)).ToDictionaryAsync(b => b.Id, StringComparer.Ordinal, ct);
            foreach (var (body, at) in chunk)
            {
                run.Try(at, () =>
                {
                    var id = body.Id!;
                    if (stored.TryGetValue(id, out var existing))
                    {
                        run.Imaged(AudiobookRows.From(SpokenMerge.Audiobook(body, SpokenMerge.From(existing)), id)).CopyTo(existing);
                        run.Outcome.Audiobooks.Updated++;
                    }
                    else
                    {
                        if (body.Name is null)
                        {
                            throw new ImportException($"Unknown audiobook id {id}: a reference without a name, and no audiobook object of that id");
                        }
                        run.Db.Audiobooks.Add(run.Imaged(AudiobookRows.From(body, id)));
                        run.Outcome.Audiobooks.Imported++;
                    }
                });
            }
            await run.SaveAsync("audiobooks", chunk.Length, ct);
        }
    }
}
