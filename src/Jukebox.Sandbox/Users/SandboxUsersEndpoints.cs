using System.Text.Json.Serialization;
using Jukebox.Api.Http;
using Jukebox.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using static Jukebox.Sandbox.SandboxEndpoints;

namespace Jukebox.Sandbox.Users;

/// <summary>The server's users as the sandbox sees them (the objects POST /sandbox/users returns): list, read, remove.</summary>
public static class SandboxUsersEndpoints
{
    public static void MapSandboxUsers(this RouteGroupBuilder sandbox)
    {
        sandbox.MapGet("/users", ListUsers).WithSummary("List the users");
        sandbox.MapGet("/users/{id}", GetUser).WithSummary("Read a user");
        sandbox.MapDelete("/users/{id}", DeleteUser).WithSummary("Remove a user and everything theirs");
    }

    public sealed record UserList([property: JsonPropertyName("items")] IReadOnlyList<SandboxUser> Items);

    /// <summary>Every user as the sandbox shows it, by id (also the dashboard's sandbox page).</summary>
    public static IQueryable<SandboxUser> Listed(JukeboxDbContext db) => db.Users.AsNoTracking().OrderBy(u => u.Id)
        .Select(u => new SandboxUser(u.Id, u.DisplayName, u.Email, u.Country, u.Product));

    private static async Task<Ok<UserList>> ListUsers(JukeboxDbContext db, HttpContext context) =>
        TypedResults.Ok(new UserList(await Listed(db).ToListAsync(context.RequestAborted)));

    private static async Task<Ok<SandboxUser>> GetUser(string id, JukeboxDbContext db, HttpContext context)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new SandboxUser(u.Id, u.DisplayName, u.Email, u.Country, u.Product))
            .FirstOrDefaultAsync(context.RequestAborted);
        return TypedResults.Ok(user ?? throw SpotifyException.NotFound("No such user"));
    }

    private static async Task<NoContent> DeleteUser(string id, UserRemoval removal) =>
        await removal.RemoveAsync(id, CancellationToken.None)
            ? TypedResults.NoContent()
            : throw SpotifyException.NotFound("No such user");
}
