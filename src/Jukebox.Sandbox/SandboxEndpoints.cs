using System.Text.Json.Serialization;
using Jukebox.Api.Http;
using Jukebox.Api.Users;
using Jukebox.Data;
using Jukebox.Data.Entities;
using Jukebox.Sandbox.Apps;
using Jukebox.Sandbox.Catalog;
using Jukebox.Sandbox.Faults;
using Jukebox.Sandbox.Requests;
using Jukebox.Sandbox.Clock;
using Jukebox.Sandbox.Users;
using Jukebox.Sandbox.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jukebox.Sandbox;

/// <summary>
/// The opt-in administrative API for client developers' test suites: create users without a
/// browser. (Tokens for them come from /api/token with the sandbox grant type.) Every route is
/// behind <see cref="SandboxGuard"/> (applied by <see cref="SandboxGuardMiddleware"/>): off unless Sandbox:Enabled is true, never for browser pages of
/// other origins, and only with Sandbox:AdminKey when one is set.
/// </summary>
public static class SandboxEndpoints
{
    /// <summary>Where the sandbox API lives; the server answers no CORS here.</summary>
    public const string PathPrefix = "/sandbox";

    public static void MapSandbox(this IEndpointRouteBuilder app)
    {
        var sandbox = app.MapGroup(PathPrefix).WithMetadata(SandboxRoute.Instance).DisableAntiforgery();
        sandbox.MapPost("/users", CreateUser).WithSummary("Create a user").Produces<SandboxUser>(StatusCodes.Status201Created);
        sandbox.MapSandboxPlayer();
        sandbox.MapClock();
        sandbox.MapSandboxUsers();
        sandbox.MapSandboxApps();
        sandbox.MapCatalogFixtures();
        sandbox.MapPut("/users/{id}/image", SetUserImage).WithSummary("Set a user's profile picture (a JPEG or PNG body)");
        sandbox.MapDelete("/users/{id}/image", RemoveUserImage).WithSummary("Remove a user's profile picture");
        sandbox.MapFaults();
        sandbox.MapRequestLog();
        sandbox.MapReset();
        sandbox.MapSnapshots();
        sandbox.MapSandboxOpenApi();
    }

    // Snake case, as the rest of the sandbox API and the Web API name their fields.
    public sealed record CreateUserRequest(
        string Id, [property: JsonPropertyName("display_name")] string? DisplayName, string? Email, string? Password, string? Country, string? Product);

    public sealed record SandboxUser(
        string Id, [property: JsonPropertyName("display_name")] string DisplayName, string? Email, string Country, string Product);

    private static async Task<IResult> CreateUser(CreateUserRequest body, JukeboxDbContext db, IPasswordHasher<User> hasher, TimeProvider clock)
    {
        if (string.IsNullOrWhiteSpace(body.Id) || body.Id.Length > 64 || !body.Id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            throw SpotifyException.BadRequest("id must be 1-64 letters, digits, '-', '_' or '.'");
        }
        var country = (body.Country ?? "US").ToUpperInvariant();
        if (!Jukebox.Data.Markets.IsKnown(country))
        {
            throw SpotifyException.BadRequest(SpotifyErrors.InvalidMarket);
        }
        var product = body.Product ?? "premium";
        if (product is not ("premium" or "free" or "open"))
        {
            throw SpotifyException.BadRequest("product must be premium, free or open");
        }
        if (await UserExistsAsync(db, body))
        {
            throw UserExists();
        }
        var user = new User
        {
            Id = body.Id,
            DisplayName = body.DisplayName ?? body.Id,
            Email = body.Email,
            NormalizedEmail = body.Email?.ToUpperInvariant(),
            Country = country,
            Product = product,
            CreatedAt = clock.GetUtcNow(),
        };
        if (!string.IsNullOrEmpty(body.Password))
        {
            user.PasswordHash = hasher.HashPassword(user, body.Password);
        }
        db.Users.Add(user);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Another request created the same id or email between the check and the insert. Any other
            // failure (an outage included) still surfaces, since the user is then not found.
            db.ChangeTracker.Clear();
            if (await UserExistsAsync(db, body))
            {
                throw UserExists();
            }
            throw;
        }
        return TypedResults.Created($"/sandbox/users/{user.Id}", new SandboxUser(user.Id, user.DisplayName, user.Email, user.Country, user.Product));
    }

    private static Task<bool> UserExistsAsync(JukeboxDbContext db, CreateUserRequest body) =>
        db.Users.AnyAsync(u => u.Id == body.Id || (body.Email != null && u.NormalizedEmail == body.Email.ToUpperInvariant()));

    private static SpotifyException UserExists() => new(StatusCodes.Status409Conflict, "A user with this id or email exists");

    /// <summary>Sets the user's profile picture from the body: the image file itself (JPEG, PNG, …), at most 1 MB.</summary>
    private static async Task<NoContent> SetUserImage(string id, HttpRequest request, JukeboxDbContext db, TimeProvider clock)
    {
        await RequireUserAsync(db, id);
        if (request.ContentLength > UserImages.MaxUploadBytes)
        {
            throw new SpotifyException(StatusCodes.Status413PayloadTooLarge, "The image is larger than 1 MB");
        }
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, request.HttpContext.RequestAborted);
        if (body.Length > UserImages.MaxUploadBytes)
        {
            throw new SpotifyException(StatusCodes.Status413PayloadTooLarge, "The image is larger than 1 MB");
        }
        await UserImages.SaveAsync(db, id, body.ToArray(), clock.GetUtcNow(), request.HttpContext.RequestAborted);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> RemoveUserImage(string id, JukeboxDbContext db, HttpContext context)
    {
        await RequireUserAsync(db, id);
        await UserImages.DeleteAsync(db, id, context.RequestAborted);
        return TypedResults.NoContent();
    }

    private static async Task RequireUserAsync(JukeboxDbContext db, string id)
    {
        if (!await db.Users.AnyAsync(u => u.Id == id))
        {
            throw SpotifyException.NotFound("No such user");
        }
    }
}
