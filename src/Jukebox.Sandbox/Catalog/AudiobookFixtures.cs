using Jukebox.Api.Catalog;
using Jukebox.Api.Http;
using Jukebox.Data;
using Jukebox.Data.Entities;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Jukebox.Sandbox.Catalog;

/// <summary>
/// Audiobooks as fixtures, with their chapters (<c>chapters.items</c>). A replace with <c>chapters</c>
/// makes its items the audiobook's chapters (ids of its chapters are changed in place, others made, the
/// rest deleted); without <c>chapters</c> the audiobook keeps its own. Deleting an audiobook deletes its
/// chapters.
/// </summary>
public sealed class AudiobookFixtures(CatalogChanges changes, TimeProvider clock)
{
    public async Task<(CatalogSnapshot Catalog, string Id)> CreateAsync(AudiobookFixture body, CancellationToken ct)
    {
        var book = AudiobookRows.From(body, FixtureRules.IdOrNew(body.Id));
        var chapters = AudiobookRows.Chapters(book, body.Chapters?.Items ?? [], clock.GetUtcNow());
        var catalog = await changes.CommitAsync(new CatalogChange { Audiobooks = [book.Id] }, async (db, token) =>
        {
            if (await db.Audiobooks.AnyAsync(b => b.Id == book.Id, token))
            {
                throw new SpotifyException(StatusCodes.Status409Conflict, $"An audiobook with id {book.Id} exists");
            }
            await KnownIds.RefuseTakenChaptersAsync(db, [.. chapters.Select(c => c.Id)], null, token);
            db.Audiobooks.Add(book);
            db.Chapters.AddRange(chapters);
        }, ct);
        return (catalog, book.Id);
    }

    public Task<CatalogSnapshot> ReplaceAsync(string id, AudiobookFixture body, CancellationToken ct)
    {
        FixtureRules.RequireId(id);
        FixtureRules.SameId(body.Id, id);
        var book = AudiobookRows.From(body, id);
        var chapters = body.Chapters?.Items is { } items ? AudiobookRows.Chapters(book, items, clock.GetUtcNow()) : null;
        return changes.CommitAsync(new CatalogChange { Audiobooks = [id] }, async (db, token) =>
        {
            var stored = await db.Audiobooks.SingleOrDefaultAsync(b => b.Id == id, token) ?? throw NotFound();
            book.CopyTo(stored);
            if (chapters is not null)
            {
                await ReplaceChaptersAsync(db, id, chapters, token);
            }
        }, ct);
    }

    public Task DeleteAsync(string id, CancellationToken ct)
    {
        FixtureRules.RequireId(id);
        return changes.CommitAsync(new CatalogChange { Audiobooks = [id] }, async (db, token) =>
        {
            if (!await db.Audiobooks.AnyAsync(b => b.Id == id, token))
            {
                throw NotFound();
            }
            var chapterIds = await db.Chapters.Where(c => c.AudiobookId == id).Select(c => c.Id).ToListAsync(token);
            await UserDataReferences.RefuseSavedAsync(db, "audiobook", id, "The audiobook", token);
            await UserDataReferences.RefuseEpisodesAsync(db, chapterIds, "A chapter of the audiobook", token);
            await db.Chapters.Where(c => c.AudiobookId == id).ExecuteDeleteAsync(token);
            await db.Audiobooks.Where(b => b.Id == id).ExecuteDeleteAsync(token);
        }, ct);
    }

    /// <summary>The audiobook's chapters become <paramref name="chapters"/>: kept ones changed in place.</summary>
    private static async Task ReplaceChaptersAsync(JukeboxDbContext db, string audiobookId, List<Chapter> chapters, CancellationToken ct)
    {
        var wanted = chapters.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        await KnownIds.RefuseTakenChaptersAsync(db, wanted, audiobookId, ct);
        var stored = await db.Chapters.Where(c => c.AudiobookId == audiobookId).ToDictionaryAsync(c => c.Id, StringComparer.Ordinal, ct);
        var removed = stored.Keys.Where(k => !wanted.Contains(k)).ToList();
        await UserDataReferences.RefuseEpisodesAsync(db, removed, "A chapter the audiobook would lose", ct);
        foreach (var id in removed)
        {
            db.Chapters.Remove(stored[id]);
        }
        foreach (var chapter in chapters)
        {
            if (stored.TryGetValue(chapter.Id, out var existing))
            {
                chapter.CopyTo(existing);
            }
            else
            {
                db.Chapters.Add(chapter);
            }
        }
    }

    private static SpotifyException NotFound() => SpotifyException.NotFound("No such audiobook");
}
