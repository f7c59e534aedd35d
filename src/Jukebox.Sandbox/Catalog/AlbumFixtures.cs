using Jukebox.Api.Catalog;
using Jukebox.Api.Http;
using Jukebox.Data;
using Jukebox.Data.Entities;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Jukebox.Sandbox.Catalog;

/// <summary>
/// Albums as fixtures, with their tracks. A replace with <c>tracks</c> makes its items the album's
/// tracks (ids of the album's tracks are changed in place, others made, the rest deleted); without
/// <c>tracks</c> the album keeps its tracks. Deleting an album deletes its tracks.
/// </summary>
public sealed class AlbumFixtures(CatalogChanges changes, TimeProvider clock)
{
    public async Task<(CatalogSnapshot Catalog, string Id)> CreateAsync(AlbumFixture body, CancellationToken ct)
    {
        var rows = AlbumRows.From(body, FixtureRules.IdOrNew(body.Id), clock.GetUtcNow());
        var tracks = rows.Tracks(body.Tracks?.Items ?? [], new Dictionary<string, Track>());
        var id = rows.Album.Id;
        var catalog = await changes.CommitAsync(new CatalogChange { Albums = [id] }, async (db, token) =>
        {
            if (await db.Albums.AnyAsync(a => a.Id == id, token))
            {
                throw new SpotifyException(StatusCodes.Status409Conflict, $"An album with id {id} exists");
            }
            await KnownIds.RequireArtistsAsync(db, rows.Credits.Select(c => c.ArtistId).Concat(tracks.SelectMany(t => t.ArtistIds)), token);
            await KnownIds.RefuseTakenTracksAsync(db, [.. tracks.Select(t => t.Track.Id)], null, token);
            db.Albums.Add(rows.Album);
            db.AlbumArtists.AddRange(rows.Credits);
            AddTracks(db, tracks);
        }, ct);
        return (catalog, id);
    }

    public Task<CatalogSnapshot> ReplaceAsync(string id, AlbumFixture body, CancellationToken ct)
    {
        FixtureRules.RequireId(id);
        FixtureRules.SameId(body.Id, id);
        return changes.CommitAsync(new CatalogChange { Albums = [id] }, async (db, token) =>
        {
            var stored = await db.Albums.SingleOrDefaultAsync(a => a.Id == id, token) ?? throw NotFound();
            var rows = AlbumRows.From(body, id, clock.GetUtcNow(), stored);
            var storedTracks = body.Tracks?.Items is null
                ? new Dictionary<string, Track>(StringComparer.Ordinal)
                : await db.Tracks.Where(t => t.AlbumId == id).ToDictionaryAsync(t => t.Id, StringComparer.Ordinal, token);
            var tracks = body.Tracks?.Items is { } items ? rows.Tracks(items, storedTracks) : [];
            await KnownIds.RequireArtistsAsync(db, rows.Credits.Select(c => c.ArtistId).Concat(tracks.SelectMany(t => t.ArtistIds)), token);
            rows.CopyTo(stored);
            await db.AlbumArtists.Where(x => x.AlbumId == id).ExecuteDeleteAsync(token);
            db.AlbumArtists.AddRange(rows.Credits);
            if (body.Tracks?.Items is not null)
            {
                await ReplaceTracksAsync(db, id, storedTracks, tracks, token);
            }
        }, ct);
    }

    public Task DeleteAsync(string id, CancellationToken ct)
    {
        FixtureRules.RequireId(id);
        return changes.CommitAsync(new CatalogChange { Albums = [id] }, async (db, token) =>
        {
            if (!await db.Albums.AnyAsync(a => a.Id == id, token))
            {
                throw NotFound();
            }
            var trackIds = await db.Tracks.Where(t => t.AlbumId == id).Select(t => t.Id).ToListAsync(token);
            await UserDataReferences.RefuseAlbumAsync(db, id, token);
            await UserDataReferences.RefuseTracksAsync(db, trackIds, "A track of the album", token);
            await db.TrackArtists.Where(x => trackIds.Contains(x.TrackId)).ExecuteDeleteAsync(token);
            await db.Tracks.Where(t => t.AlbumId == id).ExecuteDeleteAsync(token);
            await db.AlbumArtists.Where(x => x.AlbumId == id).ExecuteDeleteAsync(token);
            await db.Albums.Where(a => a.Id == id).ExecuteDeleteAsync(token);
        }, ct);
    }

    /// <summary>The album's tracks become <paramref name="tracks"/>: kept ones changed in place (their audio features stay).</summary>
    private static async Task ReplaceTracksAsync(
        JukeboxDbContext db, string albumId, Dictionary<string, Track> stored, List<TrackRows> tracks, CancellationToken ct)
    {
        var wanted = tracks.Select(t => t.Track.Id).ToHashSet(StringComparer.Ordinal);
        await KnownIds.RefuseTakenTracksAsync(db, wanted, albumId, ct);
        var removed = stored.Keys.Where(k => !wanted.Contains(k)).ToList();
        await UserDataReferences.RefuseTracksAsync(db, removed, "A track the album would lose", ct);
        var touched = stored.Keys.ToList();
        await db.TrackArtists.Where(x => touched.Contains(x.TrackId)).ExecuteDeleteAsync(ct);
        foreach (var id in removed)
        {
            db.Tracks.Remove(stored[id]);
        }
        foreach (var track in tracks)
        {
            if (stored.TryGetValue(track.Track.Id, out var existing))
            {
                track.CopyTo(existing);
                db.TrackArtists.AddRange(track.Credits);
            }
            else
            {
                AddTracks(db, [track]);
            }
        }
    }

    private static void AddTracks(JukeboxDbContext db, IEnumerable<TrackRows> tracks)
    {
        foreach (var track in tracks)
        {
            db.Tracks.Add(track.Track);
            db.TrackArtists.AddRange(track.Credits);
        }
    }

    private static SpotifyException NotFound() => SpotifyException.NotFound("No such album");
}
