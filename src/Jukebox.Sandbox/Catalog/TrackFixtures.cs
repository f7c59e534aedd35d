using Jukebox.Api.Catalog;
using Jukebox.Api.Http;
using Jukebox.Data;
using Jukebox.Data.Entities;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Jukebox.Sandbox.Catalog;

/// <summary>
/// Tracks as fixtures, each on an album that exists (<c>album.id</c>). A track without a number gets
/// the next one on its disc. Relinking follows <c>external_ids.isrc</c>: tracks sharing one are
/// instances of one recording.
/// </summary>
public sealed class TrackFixtures(CatalogChanges changes)
{
    public async Task<(CatalogSnapshot Catalog, string Id)> CreateAsync(TrackFixture body, CancellationToken ct)
    {
        var id = FixtureRules.IdOrNew(body.Id);
        var albumId = AlbumId(body);
        var catalog = await changes.CommitAsync(new CatalogChange { Tracks = [id] }, async (db, token) =>
        {
            await KnownIds.RefuseTakenTracksAsync(db, [id], null, token);
            var track = await RowsAsync(db, body, id, albumId, null, token);
            db.Tracks.Add(track.Track);
            db.TrackArtists.AddRange(track.Credits);
        }, ct);
        return (catalog, id);
    }

    public Task<CatalogSnapshot> ReplaceAsync(string id, TrackFixture body, CancellationToken ct)
    {
        FixtureRules.RequireId(id);
        FixtureRules.SameId(body.Id, id);
        var albumId = AlbumId(body);
        return changes.CommitAsync(new CatalogChange { Tracks = [id] }, async (db, token) =>
        {
            var stored = await db.Tracks.SingleOrDefaultAsync(t => t.Id == id, token) ?? throw NotFound();
            var track = await RowsAsync(db, body, id, albumId, stored, token);
            track.CopyTo(stored);
            await db.TrackArtists.Where(x => x.TrackId == id).ExecuteDeleteAsync(token);
            db.TrackArtists.AddRange(track.Credits);
        }, ct);
    }

    public Task DeleteAsync(string id, CancellationToken ct)
    {
        FixtureRules.RequireId(id);
        return changes.CommitAsync(new CatalogChange { Tracks = [id] }, async (db, token) =>
        {
            if (!await db.Tracks.AnyAsync(t => t.Id == id, token))
            {
                throw NotFound();
            }
            await UserDataReferences.RefuseTracksAsync(db, [id], "The track", token);
            await db.TrackArtists.Where(x => x.TrackId == id).ExecuteDeleteAsync(token);
            await db.Tracks.Where(t => t.Id == id).ExecuteDeleteAsync(token);
        }, ct);
    }

    private static string AlbumId(TrackFixture body) =>
        FixtureRules.RequireId(body.Album?.Id ?? throw FixtureRules.Invalid("album must name the track's album by id"));

    /// <summary>The track's rows, checked against its album (markets, numbering) and its artists.</summary>
    private static async Task<TrackRows> RowsAsync(JukeboxDbContext db, TrackFixture body, string id, string albumId, Track? stored, CancellationToken ct)
    {
        var album = await db.Albums.Where(a => a.Id == albumId).Select(a => new { a.AvailableMarkets }).SingleOrDefaultAsync(ct)
            ?? throw FixtureRules.Invalid($"Unknown album id {albumId}");
        var siblings = await db.Tracks.Where(t => t.AlbumId == albumId && t.Id != id)
            .Select(t => new { t.DiscNumber, t.TrackNumber }).ToListAsync(ct);
        var disc = body.DiscNumber ?? 1;
        var next = siblings.Where(s => s.DiscNumber == disc).Select(s => s.TrackNumber).DefaultIfEmpty(0).Max() + 1;
        var track = TrackRows.From(body, id, albumId, album.AvailableMarkets, next, stored);
        if (siblings.Any(s => s.DiscNumber == track.Track.DiscNumber && s.TrackNumber == track.Track.TrackNumber))
        {
            throw FixtureRules.Invalid($"The album has a track numbered {track.Track.TrackNumber} on disc {track.Track.DiscNumber}");
        }
        await KnownIds.RequireArtistsAsync(db, track.ArtistIds, ct);
        return track;
    }

    private static SpotifyException NotFound() => SpotifyException.NotFound("No such track");
}
