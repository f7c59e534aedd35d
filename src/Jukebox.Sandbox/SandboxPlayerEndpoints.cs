using System.Text.Json.Serialization;
using Jukebox.Api.Http;
using Jukebox.Api.Player;
using Jukebox.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Jukebox.Sandbox;

/// <summary>
/// Sandbox control of a user's player: create and remove Spotify Connect devices, and move the
/// user's playback clock forward so that a test need not wait for a track to end.
/// </summary>
public static class SandboxPlayerEndpoints
{
    public static void MapSandboxPlayer(this RouteGroupBuilder sandbox)
    {
        sandbox.MapPost("/users/{userId}/devices", CreateDevice).WithSummary("Add a Connect device to a user's player");
        sandbox.MapDelete("/users/{userId}/devices/{deviceId}", DeleteDevice).WithSummary("Remove a device");
        sandbox.MapPost("/users/{userId}/player/advance", AdvanceClock).WithSummary("Move one user's playback ahead");
    }

    public sealed record CreateDeviceRequest(
        [property: JsonPropertyName("name")] string? Name,
        [property: JsonPropertyName("type")] string? Type,
        [property: JsonPropertyName("volume_percent")] int? VolumePercent,
        [property: JsonPropertyName("supports_volume")] bool? SupportsVolume,
        [property: JsonPropertyName("is_restricted")] bool? IsRestricted,
        [property: JsonPropertyName("is_private_session")] bool? IsPrivateSession);

    /// <summary>Either field, or both (they add up).</summary>
    public sealed record AdvanceRequest(
        [property: JsonPropertyName("seconds")] double? Seconds,
        [property: JsonPropertyName("milliseconds")] long? Milliseconds);

    public sealed record AdvanceResponse(
        [property: JsonPropertyName("clock_offset_ms")] long ClockOffsetMs,
        [property: JsonPropertyName("now")] DateTimeOffset Now);

    private static async Task<IResult> CreateDevice(string userId, CreateDeviceRequest body, JukeboxDbContext db, PlayerObjects view, TimeProvider clock)
    {
        await RequireUserAsync(db, userId);
        if (string.IsNullOrWhiteSpace(body.Name) || body.Name.Length > 512)
        {
            throw SpotifyException.BadRequest("name must be 1-512 characters");
        }
        var type = body.Type ?? "Computer";
        if (!PlayerDevices.Types.Contains(type))
        {
            throw SpotifyException.BadRequest($"type must be one of {string.Join(", ", PlayerDevices.Types.Order(StringComparer.Ordinal))}");
        }
        if (body.VolumePercent is < 0 or > 100)
        {
            throw SpotifyException.BadRequest("volume_percent must be 0-100");
        }
        var device = PlayerDevices.Create(userId, body.Name, type, clock.GetUtcNow(), body.VolumePercent ?? 50,
            body.SupportsVolume ?? true, body.IsRestricted ?? false, body.IsPrivateSession ?? false);
        db.PlayerDevices.Add(device);
        await db.SaveChangesAsync();
        return new SpotifyJson<DeviceObject>(view.Device(device, null), SpotifyJsonContext.Default.DeviceObject, CachePolicy.Private, StatusCodes.Status201Created);
    }

    private static async Task<IResult> DeleteDevice(string userId, string deviceId, JukeboxDbContext db, PlayerService player, IPlayerNotifier notifier)
    {
        await player.DeviceGoneAsync(userId, deviceId, CancellationToken.None);
        var removed = await db.PlayerDevices.Where(d => d.UserId == userId && d.Id == deviceId).ExecuteDeleteAsync();
        if (removed == 0)
        {
            throw SpotifyException.NotFound("Device not found");
        }
        await notifier.PublishAsync(userId);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> AdvanceClock(string userId, AdvanceRequest body, JukeboxDbContext db, PlaybackClock playback)
    {
        await RequireUserAsync(db, userId);
        var seconds = body.Seconds ?? 0;
        if (double.IsNaN(seconds) || seconds < 0 || seconds > 10 * 365 * 86400 || body.Milliseconds is < 0)
        {
            throw SpotifyException.BadRequest("seconds and milliseconds must be positive (at most ten years)");
        }
        var milliseconds = (long)Math.Round(seconds * 1000) + (body.Milliseconds ?? 0);
        var time = await playback.AdvanceAsync(userId, milliseconds, CancellationToken.None);
        return TypedResults.Ok(new AdvanceResponse(time.OffsetMs, time.Now));
    }

    private static async Task RequireUserAsync(JukeboxDbContext db, string userId)
    {
        if (!await db.Users.AnyAsync(u => u.Id == userId))
        {
            throw SpotifyException.NotFound("User not found");
        }
    }
}
