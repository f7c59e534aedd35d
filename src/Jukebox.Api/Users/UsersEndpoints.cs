using Jukebox.Api.Catalog;
using Jukebox.Api.Http;
using Jukebox.Api.Http.Policies;
using Jukebox.Api.Library;
using Jukebox.Data;
using Jukebox.Data.Entities;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Jukebox.Api.Users;

public static class UsersEndpoints
{
    /// <summary>The most ids one follow, unfollow or contains request takes.</summary>
    private const int MaxFollowIds = 50;

    public static void MapUsers(this IEndpointRouteBuilder api)
    {
        api.MapGet("/me", GetCurrentUser);
        api.MapGet("/users/{user_id}", GetUser);
        api.MapGet("/me/following", GetFollowedArtists);
        api.MapPut("/me/following", Follow);
        api.MapDelete("/me/following", Unfollow);
        api.MapGet("/me/following/contains", FollowingContains);
    }

    private static async Task<SpotifyJson<PrivateUserObject>> GetCurrentUser(
        Caller caller, JukeboxDbContext db, PublicUrls urls, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == caller.UserId, ct)
            ?? throw SpotifyException.NotFound("Resource not found");
        var isPrivate = ScopeTable.SeesPrivateProfile(caller);
        var profile = new PrivateUserObject(
            Country: isPrivate ? user.Country : null,
            DisplayName: user.DisplayName,
            Email: ScopeTable.SeesEmail(caller) ? user.Email : null,
            ExplicitContent: isPrivate ? new ExplicitContentSettingsObject(user.ExplicitFilterEnabled, user.ExplicitFilterLocked) : null,
            ExternalUrls: urls.External("user", user.Id),
            Followers: await FollowersAsync(db, user, ct),
            Href: urls.Resource("users", user.Id),
            Id: user.Id,
            Images: await UserImages.OfAsync(db, urls, user.Id, ct),
            Product: isPrivate ? user.Product : null,
            Type: "user",
            Uri: SpotifyIds.Uri("user", user.Id));
        return SpotifyResults.Private(profile, SpotifyJsonContext.Default.PrivateUserObject);
    }

    private static async Task<SpotifyJson<PublicUserObject>> GetUser(string user_id, JukeboxDbContext db, PublicUrls urls, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == user_id, ct)
            ?? throw SpotifyException.NotFound("Resource not found");
        var profile = new PublicUserObject(user.DisplayName, urls.External("user", user.Id), await FollowersAsync(db, user, ct),
            urls.Resource("users", user.Id), user.Id, await UserImages.OfAsync(db, urls, user.Id, ct), "user", SpotifyIds.Uri("user", user.Id));
        return SpotifyResults.Private(profile, SpotifyJsonContext.Default.PublicUserObject);
    }

    private static async Task<FollowersObject> FollowersAsync(JukeboxDbContext db, User user, CancellationToken ct) =>
        new(null, await UserFollows.FollowersAsync(db, user.Id, ct));

    /// <summary>GET /me/following: cursor paging over the followed artists, see <see cref="ArtistFollows.PageAsync"/>.</summary>
    private static async Task<SpotifyJson<FollowedArtistsResponse>> GetFollowedArtists(
        string? type, string? after, HttpRequest request, Caller caller, JukeboxDbContext db, CatalogStore store, CatalogObjects objects, CancellationToken ct)
    {
        if (FollowType(type, allowUser: false) is null)
        {
            throw SpotifyException.BadRequest("Only valid type is artist");
        }
        var limit = Page.From(request, defaultLimit: 20, maxLimit: 50).Limit;
        if (after is not null)
        {
            SpotifyIds.Require(after);
        }
        var (ids, more, total) = await ArtistFollows.PageAsync(db, caller.UserId!, after, limit, ct);
        var catalog = await store.GetAsync();
        var artists = ids.Where(catalog.Artists.ContainsKey).Select(id => objects.Artist(catalog.Artists[id])).ToList();
        var page = new CursorPagingArtistObject(
            Href: FollowingLink(objects.Urls, after, limit),
            Limit: limit,
            Next: more ? FollowingLink(objects.Urls, ids[^1], limit) : null,
            Cursors: new FollowedArtistsCursors(more ? ids[^1] : null),
            Total: total,
            Items: artists);
        return SpotifyResults.Private(new FollowedArtistsResponse(page), SpotifyJsonContext.Default.FollowedArtistsResponse);
    }

    private static async Task<NoContent> Follow(
        string? type, HttpRequest request, Caller caller, LibraryService library, ArtistFollows artists, UserFollows users, CancellationToken ct)
    {
        ILibraryCollection kind = FollowType(type) == "user" ? users : artists;
        var ids = await RequestIds.ReadAsync(request, "ids", MaxFollowIds);
        await library.SaveAsync(caller, kind, ids, timestamps: false, ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> Unfollow(
        string? type, HttpRequest request, Caller caller, LibraryService library, ArtistFollows artists, UserFollows users, CancellationToken ct)
    {
        ILibraryCollection kind = FollowType(type) == "user" ? users : artists;
        var ids = await RequestIds.ReadAsync(request, "ids", MaxFollowIds);
        await library.RemoveAsync(caller, kind, ids, ct);
        return TypedResults.NoContent();
    }

    private static async Task<SpotifyJson<bool[]>> FollowingContains(
        string? type, HttpRequest request, Caller caller, LibraryService library, ArtistFollows artists, UserFollows users, CancellationToken ct)
    {
        ILibraryCollection kind = FollowType(type) == "user" ? users : artists;
        var ids = await RequestIds.ReadAsync(request, "ids", MaxFollowIds, distinct: false);
        return SpotifyResults.Private(await library.ContainsAsync(caller, kind, ids, ct), SpotifyJsonContext.Default.BooleanArray);
    }

    /// <summary>The <c>type</c> parameter: artist, or user where the operation takes users; 400 otherwise.</summary>
    private static string? FollowType(string? type, bool allowUser = true) => type switch
    {
        null or "" => throw SpotifyException.BadRequest("Missing parameter type"),
        "artist" => "artist",
        "user" when allowUser => "user",
        _ => allowUser ? throw SpotifyException.BadRequest("Invalid type") : null,
    };

    /// <summary>/me/following's links: type, the cursor when there is one, then limit, as Spotify writes them.</summary>
    private static string FollowingLink(PublicUrls urls, string? after, int limit) =>
        urls.Api(after is null
            ? $"me/following?type=artist&limit={limit}"
            : $"me/following?type=artist&after={Uri.EscapeDataString(after)}&limit={limit}");
}
