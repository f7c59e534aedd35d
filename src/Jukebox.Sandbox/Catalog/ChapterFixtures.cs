using Jukebox.Api.Catalog;
using Jukebox.Api.Http;
using Jukebox.Data;
using Jukebox.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Jukebox.Sandbox.Catalog;

/// <summary>
/// Chapters as fixtures, each of an audiobook that exists (<c>audiobook.id</c>). A chapter without a
/// <c>chapter_number</c> gets the one after the audiobook's last; no two chapters of a book share one.
/// </summary>
public sealed class ChapterFixtures(CatalogChanges changes, TimeProvider clock)
{
    public async Task<(CatalogSnapshot Catalog, string Id)> CreateAsync(ChapterFixture body, CancellationToken ct)
    {
        var id = FixtureRules.IdOrNew(body.Id);
        var audiobookId = AudiobookId(body);
        var catalog = await changes.CommitAsync(new CatalogChange { Chapters = [id] }, async (db, token) =>
        {
            await KnownIds.RefuseTakenChaptersAsync(db, [id], null, token);
            db.Chapters.Add(await RowAsync(db, body, id, audiobookId, token));
        }, ct);
        return (catalog, id);
    }

    public Task<CatalogSnapshot> ReplaceAsync(string id, ChapterFixture body, CancellationToken ct)
    {
        FixtureRules.RequireId(id);
        FixtureRules.SameId(body.Id, id);
        var audiobookId = AudiobookId(body);
        return changes.CommitAsync(new CatalogChange { Chapters = [id] }, async (db, token) =>
        {
            var stored = await db.Chapters.SingleOrDefaultAsync(c => c.Id == id, token) ?? throw NotFound();
            (await RowAsync(db, body, id, audiobookId, token)).CopyTo(stored);
        }, ct);
    }

    public Task DeleteAsync(string id, CancellationToken ct)
    {
        FixtureRules.RequireId(id);
        return changes.CommitAsync(new CatalogChange { Chapters = [id] }, async (db, token) =>
        {
            if (!await db.Chapters.AnyAsync(c => c.Id == id, token))
            {
                throw NotFound();
            }
            await UserDataReferences.RefuseEpisodesAsync(db, [id], "The chapter", token);
            await db.Chapters.Where(c => c.Id == id).ExecuteDeleteAsync(token);
        }, ct);
    }

    private static string AudiobookId(ChapterFixture body) =>
        FixtureRules.RequireId(body.Audiobook?.Id ?? throw FixtureRules.Invalid("audiobook must name the chapter's audiobook by id"));

    /// <summary>The chapter's row, checked against its audiobook (numbering, and the languages it speaks unless it says).</summary>
    private async Task<Chapter> RowAsync(JukeboxDbContext db, ChapterFixture body, string id, string audiobookId, CancellationToken ct)
    {
        var book = await db.Audiobooks.Where(b => b.Id == audiobookId).Select(b => new { b.Languages }).SingleOrDefaultAsync(ct)
            ?? throw FixtureRules.Invalid($"Unknown audiobook id {audiobookId}");
        var siblings = await db.Chapters.Where(c => c.AudiobookId == audiobookId && c.Id != id).Select(c => c.ChapterNumber).ToListAsync(ct);
        var next = siblings.Count == 0 ? 0 : siblings.Max() + 1;
        var chapter = ChapterRows.From(body, id, audiobookId, book.Languages, next, clock.GetUtcNow());
        if (siblings.Contains(chapter.ChapterNumber))
        {
            throw FixtureRules.Invalid($"The audiobook has a chapter numbered {chapter.ChapterNumber}");
        }
        return chapter;
    }

    private static SpotifyException NotFound() => SpotifyException.NotFound("No such chapter");
}
