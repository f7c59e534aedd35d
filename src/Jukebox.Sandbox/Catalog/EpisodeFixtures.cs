using Jukebox.Api.Catalog;
using Jukebox.Api.Http;
using Jukebox.Data;
using Jukebox.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Jukebox.Sandbox.Catalog;

/// <summary>
/// Episodes as fixtures, each of a show that exists (<c>show.id</c>). An episode made on its own, or
/// moved to another show, is that show's newest; a replaced one keeps its place.
/// </summary>
public sealed class EpisodeFixtures(CatalogChanges changes, TimeProvider clock)
{
    public async Task<(CatalogSnapshot Catalog, string Id)> CreateAsync(EpisodeFixture body, CancellationToken ct)
    {
        var id = FixtureRules.IdOrNew(body.Id);
        var showId = ShowId(body);
        var catalog = await changes.CommitAsync(new CatalogChange { Episodes = [id] }, async (db, token) =>
        {
            await KnownIds.RefuseTakenEpisodesAsync(db, [id], null, token);
            db.Episodes.Add(await RowAsync(db, body, id, showId, null, token));
        }, ct);
        return (catalog, id);
    }

    public Task<CatalogSnapshot> ReplaceAsync(string id, EpisodeFixture body, CancellationToken ct)
    {
        FixtureRules.RequireId(id);
        FixtureRules.SameId(body.Id, id);
        var showId = ShowId(body);
        return changes.CommitAsync(new CatalogChange { Episodes = [id] }, async (db, token) =>
        {
            var stored = await db.Episodes.SingleOrDefaultAsync(e => e.Id == id, token) ?? throw NotFound();
            (await RowAsync(db, body, id, showId, stored, token)).CopyTo(stored);
        }, ct);
    }

    public Task DeleteAsync(string id, CancellationToken ct)
    {
        FixtureRules.RequireId(id);
        return changes.CommitAsync(new CatalogChange { Episodes = [id] }, async (db, token) =>
        {
            if (!await db.Episodes.AnyAsync(e => e.Id == id, token))
            {
                throw NotFound();
            }
            await UserDataReferences.RefuseEpisodesAsync(db, [id], "The episode", token);
            await db.Episodes.Where(e => e.Id == id).ExecuteDeleteAsync(token);
        }, ct);
    }

    private static string ShowId(EpisodeFixture body) =>
        FixtureRules.RequireId(body.Show?.Id ?? throw FixtureRules.Invalid("show must name the episode's show by id"));

    /// <summary>The episode's row, checked against its show (whose languages it speaks unless it says).</summary>
    private async Task<Episode> RowAsync(JukeboxDbContext db, EpisodeFixture body, string id, string showId, Episode? stored, CancellationToken ct)
    {
        var show = await db.Shows.Where(s => s.Id == showId).Select(s => new { s.Languages }).SingleOrDefaultAsync(ct)
            ?? throw FixtureRules.Invalid($"Unknown show id {showId}");
        var number = stored is not null && stored.ShowId == showId
            ? stored.Number
            : await db.Episodes.Where(e => e.ShowId == showId).Select(e => (int?)e.Number).MaxAsync(ct) + 1 ?? 1;
        return EpisodeRows.From(body, id, showId, show.Languages, number, clock.GetUtcNow());
    }

    private static SpotifyException NotFound() => SpotifyException.NotFound("No such episode");
}
