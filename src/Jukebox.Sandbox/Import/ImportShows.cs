using Jukebox.Sandbox.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Jukebox.Sandbox.Import;

/// <summary>The shows of an import (their episodes are <see cref="ImportEpisodes"/>'): made, or changed in place.</summary>
internal static class ImportShows
{
    public static async Task WriteAsync(CatalogImporter.Run run, IEnumerable<(ShowFixture Body, ImportPosition At)> shows, CancellationToken ct)
    {
        foreach (var chunk in shows.Chunk(2000))
        {
            var ids = chunk.Select(s => s.Body.Id!).ToList();
            var stored = await run.Db.Shows.Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, StringComparer.Ordinal, ct);
            foreach (var (body, at) in chunk)
            {
                run.Try(at, () =>
                {
                    var id = body.Id!;
                    if (stored.TryGetValue(id, out var existing))
                    {
                        run.Imaged(ShowRows.From(SpokenMerge.Show(body, SpokenMerge.From(existing)), id)).CopyTo(existing);
                        run.Outcome.Shows.Updated++;
                    }
                    else
                    {
                        if (body.Name is null)
                        {
                            throw new ImportException($"Unknown show id {id}: a reference without a name, and no show object of that id");
                        }
                        run.Db.Shows.Add(run.Imaged(ShowRows.From(body, id)));
                        run.Outcome.Shows.Imported++;
                    }
                });
            }
            await run.SaveAsync("shows", chunk.Length, ct);
        }
    }
}
