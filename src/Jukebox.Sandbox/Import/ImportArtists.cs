using Jukebox.Sandbox.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Jukebox.Sandbox.Import;

/// <summary>The artists of an import: made, or changed in place (their followers figure replaced when the source gives one).</summary>
internal static class ImportArtists
{
    public static async Task WriteAsync(CatalogImporter.Run run, IEnumerable<(ArtistFixture Body, ImportPosition At)> artists, CancellationToken ct)
    {
        foreach (var chunk in artists.Chunk(4000))
        {
            var ids = chunk.Select(a => a.Body.Id!).ToList();
            var stored = await run.Db.Artists.Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, StringComparer.Ordinal, ct);
            foreach (var (body, at) in chunk)
            {
                run.Try(at, () =>
                {
                    var id = body.Id!;
                    if (stored.TryGetValue(id, out var existing))
                    {
                        var artist = run.Imaged(ArtistFixtures.From(FixtureMerge.Artist(body, FixtureMerge.From(existing)), id));
                        existing.Name = artist.Name;
                        existing.Genres = artist.Genres;
                        existing.Popularity = artist.Popularity;
                        existing.Followers = artist.Followers;
                        existing.Images = artist.Images;
                        run.Outcome.Artists.Updated++;
                    }
                    else
                    {
                        if (body.Name is null)
                        {
                            throw new ImportException($"Unknown artist id {id}: a reference without a name, and no artist object of that id");
                        }
                        run.Db.Artists.Add(run.Imaged(ArtistFixtures.From(body, id)));
                        run.Outcome.Artists.Imported++;
                    }
                });
            }
            await run.SaveAsync("artists", chunk.Length, ct);
        }
    }
}
