using Jukebox.Api.Catalog;
using Jukebox.Api.Http;
using Jukebox.Data.Entities;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Jukebox.Sandbox.Catalog;

/// <summary>
/// Artists as fixtures. An artist that albums or tracks still credit is not deleted (409 naming how
/// many): deleting their albums and tracks first is explicit, where a cascade would silently take
/// other fixtures with it.
/// </summary>
public sealed class ArtistFixtures(CatalogChanges changes)
{
    public async Task<(CatalogSnapshot Catalog, string Id)> CreateAsync(ArtistFixture body, CancellationToken ct)
    {
        var artist = From(body, FixtureRules.IdOrNew(body.Id));
        var catalog = await changes.CommitAsync(new CatalogChange { Artists = [artist.Id] }, async (db, token) =>
        {
            if (await db.Artists.AnyAsync(a => a.Id == artist.Id, token))
            {
                throw Exists(artist.Id);
            }
            db.Artists.Add(artist);
        }, ct);
        return (catalog, artist.Id);
    }

    public Task<CatalogSnapshot> ReplaceAsync(string id, ArtistFixture body, CancellationToken ct)
    {
        FixtureRules.RequireId(id);
        FixtureRules.SameId(body.Id, id);
        var replacement = From(body, id);
        return changes.CommitAsync(new CatalogChange { Artists = [id] }, async (db, token) =>
        {
            var stored = await db.Artists.SingleOrDefaultAsync(a => a.Id == id, token) ?? throw NotFound();
            stored.Name = replacement.Name;
            stored.Genres = replacement.Genres;
            stored.Popularity = replacement.Popularity;
            stored.Followers = replacement.Followers;
            stored.Images = replacement.Images;
        }, ct);
    }

    public Task DeleteAsync(string id, CancellationToken ct)
    {
        FixtureRules.RequireId(id);
        return changes.CommitAsync(new CatalogChange { Artists = [id] }, async (db, token) =>
        {
            var stored = await db.Artists.SingleOrDefaultAsync(a => a.Id == id, token) ?? throw NotFound();
            var albums = await db.AlbumArtists.CountAsync(x => x.ArtistId == id, token);
            var tracks = await db.TrackArtists.CountAsync(x => x.ArtistId == id, token);
            if (albums + tracks > 0)
            {
                throw new SpotifyException(StatusCodes.Status409Conflict,
                    $"The artist is credited on {albums} album(s) and {tracks} track(s): delete or change them first");
            }
            await UserDataReferences.RefuseArtistAsync(db, id, token);
            db.Artists.Remove(stored);
        }, ct);
    }

    internal static Artist From(ArtistFixture body, string id)
    {
        FixtureRules.TypeIs(body.Type, "artist");
        var followers = body.Followers?.Total ?? 0;
        return new Artist
        {
            Id = id,
            Name = FixtureRules.Name(body.Name),
            Genres = FixtureRules.Genres(body.Genres),
            Popularity = FixtureRules.Popularity(body.Popularity),
            Followers = followers >= 0 ? followers : throw FixtureRules.Invalid("followers.total must be 0 or more"),
            Images = ImageRules.Images(body.Images),
        };
    }

    private static SpotifyException Exists(string id) => new(StatusCodes.Status409Conflict, $"An artist with id {id} exists");

    private static SpotifyException NotFound() => SpotifyException.NotFound("No such artist");
}
