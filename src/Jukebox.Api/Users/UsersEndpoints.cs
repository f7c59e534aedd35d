using Jukebox.Api.Http;
using Jukebox.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Jukebox.Api.Users;

public static class UsersEndpoints
{
    public static void MapUsers(this IEndpointRouteBuilder api)
    {
        api.MapGet("/me", GetCurrentUser);
        api.MapGet("/users/{user_id}", GetUser);
    }

    private static async Task<SpotifyJson<PrivateUserObject>> GetCurrentUser(HttpContext context, JukeboxDbContext db, PublicUrls urls)
    {
        var caller = Caller.From(context);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == caller.UserId, context.RequestAborted)
            ?? throw SpotifyException.NotFound("Resource not found");
        var isPrivate = caller.Scopes.Contains(Scopes.UserReadPrivate);
        var profile = new PrivateUserObject(
            Country: isPrivate ? user.Country : null,
            DisplayName: user.DisplayName,
            Email: caller.Scopes.Contains(Scopes.UserReadEmail) ? user.Email : null,
            ExplicitContent: isPrivate ? new ExplicitContentSettingsObject(user.ExplicitFilterEnabled, user.ExplicitFilterLocked) : null,
            ExternalUrls: urls.External("user", user.Id),
            Followers: new FollowersObject(null, 0),
            Href: urls.Resource("users", user.Id),
            Id: user.Id,
            Images: [],
            Product: isPrivate ? user.Product : null,
            Type: "user",
            Uri: SpotifyIds.Uri("user", user.Id));
        return SpotifyResults.Private(profile, SpotifyJsonContext.Default.PrivateUserObject);
    }

    private static async Task<SpotifyJson<PublicUserObject>> GetUser(string user_id, HttpContext context, JukeboxDbContext db, PublicUrls urls)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == user_id, context.RequestAborted)
            ?? throw SpotifyException.NotFound("Resource not found");
        var profile = new PublicUserObject(user.DisplayName, urls.External("user", user.Id), new FollowersObject(null, 0),
            urls.Resource("users", user.Id), user.Id, [], "user", SpotifyIds.Uri("user", user.Id));
        return SpotifyResults.Private(profile, SpotifyJsonContext.Default.PublicUserObject);
    }
}
