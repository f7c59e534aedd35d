using Jukebox.Data.Entities;
using Jukebox.Sandbox.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Jukebox.Sandbox.Import;

/// <summary>The albums of an import (their tracks are <see cref="ImportTracks"/>'): made, or changed in place with new credits.</summary>
internal static class ImportAlbums
{
    public static async Task WriteAsync(CatalogImporter.Run run, IEnumerable<(AlbumFixture Body, ImportPosition At)> albums, CancellationToken ct)
    {
        foreach (var chunk in albums.Chunk(2000))
        {
            var ids = chunk.Select(a => a.Body.Id!).ToList();
            var stored = await run.Db.Albums.Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, StringComparer.Ordinal, ct);
            var credits = CatalogImporter.Run.CreditsById(
                await run.Db.AlbumArtists.AsNoTracking().Where(x => ids.Contains(x.AlbumId)).ToListAsync(ct), x => x.AlbumId, x => x.ArtistId, x => x.Position);
            var known = await run.KnownArtistsAsync(chunk.SelectMany(a => a.Body.Artists ?? []).Select(a => a?.Id).OfType<string>(), ct);
            var recredited = new List<string>();
            var newCredits = new List<AlbumArtist>();
            foreach (var (body, at) in chunk)
            {
                run.Try(at, () =>
                {
                    var id = body.Id!;
                    var existing = stored.GetValueOrDefault(id);
                    var merged = existing is null ? body : FixtureMerge.Album(body, FixtureMerge.From(existing, credits.GetValueOrDefault(id) ?? []));
                    var rows = AlbumRows.From(merged, id, run.Now, existing);
                    run.Imaged(rows.Album);
                    CatalogImporter.Run.RequireKnown(rows.Credits.Select(c => c.ArtistId), known);
                    if (existing is null)
                    {
                        run.Db.Albums.Add(rows.Album);
                        run.Outcome.Albums.Imported++;
                    }
                    else
                    {
                        rows.CopyTo(existing);
                        recredited.Add(id);
                        run.Outcome.Albums.Updated++;
                    }
                    newCredits.AddRange(rows.Credits);
                });
            }
            await run.Db.AlbumArtists.Where(x => recredited.Contains(x.AlbumId)).ExecuteDeleteAsync(ct);
            run.Db.AlbumArtists.AddRange(newCredits);
            await run.SaveAsync("albums", chunk.Length, ct);
        }
    }
}
