using Jukebox.Api.Catalog;
using Jukebox.Api.Http;
using Jukebox.Data;
using Jukebox.Data.Entities;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Jukebox.Sandbox.Catalog;

/// <summary>
/// Shows as fixtures, with their episodes (<c>episodes.items</c>, newest first). A replace with
/// <c>episodes</c> makes its items the show's episodes (ids of the show's episodes are changed in place,
/// others made, the rest deleted); without <c>episodes</c> the show keeps its own. Deleting a show
/// deletes its episodes.
/// </summary>
public sealed class ShowFixtures(CatalogChanges changes, TimeProvider clock)
{
    public async Task<(CatalogSnapshot Catalog, string Id)> CreateAsync(ShowFixture body, CancellationToken ct)
    {
        var show = ShowRows.From(body, FixtureRules.IdOrNew(body.Id));
        var episodes = ShowRows.Episodes(show, body.Episodes?.Items ?? [], clock.GetUtcNow());
        var catalog = await changes.CommitAsync(new CatalogChange { Shows = [show.Id] }, async (db, token) =>
        {
            if (await db.Shows.AnyAsync(s => s.Id == show.Id, token))
            {
                throw new SpotifyException(StatusCodes.Status409Conflict, $"A show with id {show.Id} exists");
            }
            await KnownIds.RefuseTakenEpisodesAsync(db, [.. episodes.Select(e => e.Id)], null, token);
            db.Shows.Add(show);
            db.Episodes.AddRange(episodes);
        }, ct);
        return (catalog, show.Id);
    }

    public Task<CatalogSnapshot> ReplaceAsync(string id, ShowFixture body, CancellationToken ct)
    {
        FixtureRules.RequireId(id);
        FixtureRules.SameId(body.Id, id);
        var show = ShowRows.From(body, id);
        var episodes = body.Episodes?.Items is { } items ? ShowRows.Episodes(show, items, clock.GetUtcNow()) : null;
        return changes.CommitAsync(new CatalogChange { Shows = [id] }, async (db, token) =>
        {
            var stored = await db.Shows.SingleOrDefaultAsync(s => s.Id == id, token) ?? throw NotFound();
            show.CopyTo(stored);
            if (episodes is not null)
            {
                await ReplaceEpisodesAsync(db, id, episodes, token);
            }
        }, ct);
    }

    public Task DeleteAsync(string id, CancellationToken ct)
    {
        FixtureRules.RequireId(id);
        return changes.CommitAsync(new CatalogChange { Shows = [id] }, async (db, token) =>
        {
            if (!await db.Shows.AnyAsync(s => s.Id == id, token))
            {
                throw NotFound();
            }
            var episodeIds = await db.Episodes.Where(e => e.ShowId == id).Select(e => e.Id).ToListAsync(token);
            await UserDataReferences.RefuseSavedAsync(db, "show", id, "The show", token);
            await UserDataReferences.RefuseEpisodesAsync(db, episodeIds, "An episode of the show", token);
            await db.Episodes.Where(e => e.ShowId == id).ExecuteDeleteAsync(token);
            await db.Shows.Where(s => s.Id == id).ExecuteDeleteAsync(token);
        }, ct);
    }

    /// <summary>The show's episodes become <paramref name="episodes"/>: kept ones changed in place.</summary>
    private static async Task ReplaceEpisodesAsync(JukeboxDbContext db, string showId, List<Episode> episodes, CancellationToken ct)
    {
        var wanted = episodes.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        await KnownIds.RefuseTakenEpisodesAsync(db, wanted, showId, ct);
        var stored = await db.Episodes.Where(e => e.ShowId == showId).ToDictionaryAsync(e => e.Id, StringComparer.Ordinal, ct);
        var removed = stored.Keys.Where(k => !wanted.Contains(k)).ToList();
        await UserDataReferences.RefuseEpisodesAsync(db, removed, "An episode the show would lose", ct);
        foreach (var id in removed)
        {
            db.Episodes.Remove(stored[id]);
        }
        foreach (var episode in episodes)
        {
            if (stored.TryGetValue(episode.Id, out var existing))
            {
                episode.CopyTo(existing);
            }
            else
            {
                db.Episodes.Add(episode);
            }
        }
    }

    private static SpotifyException NotFound() => SpotifyException.NotFound("No such show");
}
