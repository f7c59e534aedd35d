using System.Text.RegularExpressions;
using Jukebox.Api.Catalog;
using Jukebox.Api.Http;
using Jukebox.Data;
using Jukebox.Data.Entities;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Jukebox.Sandbox.Catalog;

/// <summary>
/// Browse categories as fixtures, with their playlists (<c>playlists.items</c>, in order). A category's
/// playlists are editorial ones (<see cref="PlaylistFixtures"/>), so that what a reset keeps (the catalog)
/// never lists what it deletes (users' playlists). A new category comes last in
/// <c>GET /v1/browse/categories</c>; a replaced one keeps its place, gets the body's name in every
/// locale, and keeps its playlists unless the body lists them.
/// </summary>
public sealed partial class CategoryFixtures(CatalogChanges changes)
{
    /// <summary>The snapshot holds the categories' names and order; their playlists are read from the database.</summary>
    private static readonly CatalogChange CategoriesChanged = new() { Categories = true };

    /// <summary>As long as the database keeps a category id.</summary>
    private const int MaxIdLength = 64;

    public async Task<(CatalogSnapshot Catalog, string Id)> CreateAsync(CategoryFixture body, CancellationToken ct)
    {
        var id = body.Id is null ? Base62.RandomId() : RequireId(body.Id);
        var name = FixtureRules.Name(body.Name);
        var playlistIds = PlaylistIds(body);
        var catalog = await changes.CommitAsync(CategoriesChanged, async (db, token) =>
        {
            if (await db.Categories.AnyAsync(c => c.Id == id, token))
            {
                throw new SpotifyException(StatusCodes.Status409Conflict, $"A category with id {id} exists");
            }
            var last = await db.Categories.Select(c => (int?)c.Position).MaxAsync(token);
            db.Categories.Add(new Category { Id = id, Name = name, Position = (last ?? -1) + 1 });
            await SetPlaylistsAsync(db, id, playlistIds ?? [], token);
        }, ct);
        return (catalog, id);
    }

    public Task<CatalogSnapshot> ReplaceAsync(string id, CategoryFixture body, CancellationToken ct)
    {
        RequireId(id);
        FixtureRules.SameId(body.Id, id);
        var name = FixtureRules.Name(body.Name);
        var playlistIds = PlaylistIds(body);
        return changes.CommitAsync(CategoriesChanged, async (db, token) =>
        {
            var stored = await db.Categories.SingleOrDefaultAsync(c => c.Id == id, token) ?? throw NotFound();
            stored.Name = name;
            await db.CategoryNames.Where(n => n.CategoryId == id).ExecuteDeleteAsync(token);
            if (playlistIds is not null)
            {
                await db.CategoryPlaylists.Where(p => p.CategoryId == id).ExecuteDeleteAsync(token);
                await SetPlaylistsAsync(db, id, playlistIds, token);
            }
        }, ct);
    }

    public Task DeleteAsync(string id, CancellationToken ct)
    {
        RequireId(id);
        return changes.CommitAsync(CategoriesChanged, async (db, token) =>
        {
            if (!await db.Categories.AnyAsync(c => c.Id == id, token))
            {
                throw NotFound();
            }
            await db.CategoryPlaylists.Where(p => p.CategoryId == id).ExecuteDeleteAsync(token);
            await db.CategoryNames.Where(n => n.CategoryId == id).ExecuteDeleteAsync(token);
            await db.Categories.Where(c => c.Id == id).ExecuteDeleteAsync(token);
        }, ct);
    }

    /// <summary>A category id: 1 to 64 letters, digits, <c>_</c> or <c>-</c> (Spotify's are readable, like <c>toplists</c>, or base62).</summary>
    private static string RequireId(string id) =>
        CategoryId().IsMatch(id) ? id : throw FixtureRules.Invalid($"A category id is 1 to {MaxIdLength} letters, digits, _ or -");

    /// <summary>The playlists the body lists, each once, or null when it lists none (a replace keeps the stored ones).</summary>
    private static List<string>? PlaylistIds(CategoryFixture body)
    {
        if (body.Playlists is null)
        {
            return null;
        }
        var ids = new List<string>();
        foreach (var item in body.Playlists.Items ?? [])
        {
            var id = FixtureRules.RequireId(item?.Id ?? throw FixtureRules.Invalid("Every one of playlists.items needs an id"));
            ids.Add(ids.Contains(id) ? throw FixtureRules.Invalid($"playlists.items names {id} twice") : id);
        }
        return ids;
    }

    private static async Task SetPlaylistsAsync(JukeboxDbContext db, string categoryId, List<string> playlistIds, CancellationToken ct)
    {
        var owners = await db.Playlists.Where(p => playlistIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.OwnerId, ct);
        foreach (var id in playlistIds)
        {
            var owner = owners.GetValueOrDefault(id) ?? throw FixtureRules.Invalid($"Unknown playlist id {id}");
            if (owner != PlaylistRows.Owner)
            {
                throw FixtureRules.Invalid($"Playlist {id} is a user's: a category lists editorial playlists (owned by {PlaylistRows.Owner})");
            }
        }
        db.CategoryPlaylists.AddRange(playlistIds.Select((id, i) => new CategoryPlaylist { CategoryId = categoryId, PlaylistId = id, Position = i }));
    }

    private static SpotifyException NotFound() => SpotifyException.NotFound("No such category");

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex CategoryId();
}
