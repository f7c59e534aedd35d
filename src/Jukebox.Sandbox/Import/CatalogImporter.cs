using Jukebox.Api.Http;
using Jukebox.Data;
using Jukebox.Data.Entities;
using Jukebox.Sandbox.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Jukebox.Sandbox.Import;

/// <summary>
/// Writes what was read into the catalog, under the objects' own ids: a new id is made, a known one is
/// changed in place (the fields a source gives replace the stored ones, the others stay), so importing
/// the same files again updates and never duplicates. Every object passes the catalog fixtures' checks
/// (<see cref="FixtureRules"/>). Artists, albums, tracks (with the audio files and covers of the audio
/// format), shows, episodes, audiobooks, chapters, then playlists are written in chunks through one
/// DbContext, all in one transaction: with <c>strict</c> the first failure rolls everything back;
/// without, the failing records are left out (with those that need them: a track whose album failed)
/// and the rest is committed. Nothing is deleted: an album's tracks that a source does not list stay
/// (a playlist's items, though, become the object's).
/// </summary>
public sealed class CatalogImporter(JukeboxDbContext db, TimeProvider clock)
{
    /// <summary>
    /// What becomes of the images the sources give: with <see cref="ImportImages.Generate"/> (the
    /// default) they are ignored and every object written serves the generated covers again; with
    /// <see cref="ImportImages.Keep"/> an object's <c>images</c> are stored and served as given, and an
    /// object read without any keeps those it has.
    /// </summary>
    public ImportImages Images { get; init; } = ImportImages.Generate;

    public async Task<ImportOutcome> ImportAsync(ImportedObjects objects, bool strict, Action<string>? progress, CancellationToken ct)
    {
        var outcome = new ImportOutcome();
        outcome.Failures.AddRange(objects.Failures);
        if (strict && outcome.Failures.Count > 0)
        {
            return outcome;
        }
        if (Images == ImportImages.Generate)
        {
            objects.ForgetImages();
        }
        var run = new Run(db, clock.GetUtcNow(), strict, outcome, progress, objects.Count) { KeepImages = Images == ImportImages.Keep };
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            try
            {
                await ImportArtists.WriteAsync(run, objects.Artists.Values, ct);
                await ImportAlbums.WriteAsync(run, objects.Albums.Values, ct);
                await ImportTracks.WriteAsync(run, objects.Tracks.Values, ct);
                await ImportMedia.WriteAsync(run, objects, ct);
                await ImportShows.WriteAsync(run, objects.Shows.Values, ct);
                await ImportEpisodes.WriteAsync(run, objects, ct);
                await ImportAudiobooks.WriteAsync(run, objects.Audiobooks.Values, ct);
                await ImportChapters.WriteAsync(run, objects.Chapters.Values, ct);
                await ImportPlaylists.WriteAsync(run, objects.Playlists.Values, ct);
            }
            catch (StrictStop)
            {
                outcome.Discard();
                return outcome;
            }
            await transaction.CommitAsync(ct);
            outcome.Written = true;
            return outcome;
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    /// <summary>One import's state, shared by the steps that write each kind.</summary>
    internal sealed class Run(JukeboxDbContext db, DateTimeOffset now, bool strict, ImportOutcome outcome, Action<string>? progress, int total)
    {
        private int _done;

        public JukeboxDbContext Db => db;
        public DateTimeOffset Now => now;
        public ImportOutcome Outcome => outcome;
        public bool KeepImages { get; init; }

        /// <summary>The row to write, without images of its own unless they are kept.</summary>
        public T Imaged<T>(T row) where T : IHasImages
        {
            if (!KeepImages)
            {
                row.Images = null;
            }
            return row;
        }

        /// <summary>Runs one record's step; a refusal is its failure (and with strict, the end of the import).</summary>
        public void Try(ImportPosition at, Action step)
        {
            try
            {
                step();
            }
            catch (Exception e) when (e is SpotifyException or ImportException)
            {
                outcome.Failures.Add(new ImportFailure(at, e.Message));
                if (strict)
                {
                    throw new StrictStop();
                }
            }
        }

        /// <inheritdoc cref="Try"/>
        public async Task TryAsync(ImportPosition at, Func<Task> step)
        {
            try
            {
                await step();
            }
            catch (Exception e) when (e is SpotifyException or ImportException)
            {
                outcome.Failures.Add(new ImportFailure(at, e.Message));
                if (strict)
                {
                    throw new StrictStop();
                }
            }
        }

        /// <summary>Saves a chunk and forgets its entities, so the change tracker stays small.</summary>
        public async Task SaveAsync(string kind, int count, CancellationToken ct)
        {
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            _done += count;
            progress?.Invoke($"{_done} of {total} objects written ({kind})");
        }

        /// <summary>Which of <paramref name="ids"/> the database holds (written earlier in this import included).</summary>
        public async Task<HashSet<string>> KnownArtistsAsync(IEnumerable<string> ids, CancellationToken ct)
        {
            var wanted = ids.Distinct().ToList();
            return [.. await db.Artists.Where(a => wanted.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct)];
        }

        public static void RequireKnown(IEnumerable<string> artistIds, HashSet<string> known)
        {
            if (artistIds.FirstOrDefault(id => !known.Contains(id)) is { } unknown)
            {
                throw new ImportException($"Unknown artist id {unknown} (not in the catalog, and not imported)");
            }
        }

        public static Dictionary<string, List<string>> CreditsById<T>(IEnumerable<T> credits, Func<T, string> owner, Func<T, string> artist, Func<T, int> position) =>
            credits.GroupBy(owner).ToDictionary(g => g.Key, g => g.OrderBy(position).Select(artist).ToList(), StringComparer.Ordinal);
    }

    internal sealed class StrictStop : Exception;
}

/// <summary>The images of imported objects: the generated covers, or those the sources give, kept as URLs.</summary>
public enum ImportImages
{
    Generate,
    Keep,
}
