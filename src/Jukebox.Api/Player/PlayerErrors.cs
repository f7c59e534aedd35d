using Jukebox.Api.Http;
using Microsoft.AspNetCore.Http;

namespace Jukebox.Api.Player;

/// <summary>The player's errors: Spotify's error object with a <c>reason</c>, texts as the real service sends them.</summary>
public static class PlayerErrors
{
    private const string Restriction = "Player command failed: Restriction violated";

    public static SpotifyException NoActiveDevice() =>
        new(StatusCodes.Status404NotFound, "Player command failed: No active device found", "NO_ACTIVE_DEVICE");

    public static SpotifyException PremiumRequired() =>
        new(StatusCodes.Status403Forbidden, "Player command failed: Premium required", "PREMIUM_REQUIRED");

    public static SpotifyException VolumeControlDisallowed() =>
        new(StatusCodes.Status403Forbidden, "Player command failed: Cannot control device volume", "VOLUME_CONTROL_DISALLOW");

    /// <summary>A command the current state does not allow; Spotify words them all the same way.</summary>
    public static SpotifyException Restricted(string reason) => new(StatusCodes.Status403Forbidden, Restriction, reason);

    public static SpotifyException NoPreviousTrack() => Restricted("NO_PREV_TRACK");

    public static SpotifyException NoNextTrack() => Restricted("NO_NEXT_TRACK");

    public static SpotifyException AlreadyPaused() => Restricted("ALREADY_PAUSED");

    public static SpotifyException NotPaused() => Restricted("NOT_PAUSED");

    public static SpotifyException NoSpecificTrack() => Restricted("NO_SPECIFIC_TRACK");

    public static SpotifyException DeviceNotControllable() => Restricted("DEVICE_NOT_CONTROLLABLE");

    /// <summary>Nothing is loaded, or the targeted device is not the one playing.</summary>
    public static SpotifyException Unknown() => Restricted("UNKNOWN");

    public static SpotifyException DeviceNotFound() => SpotifyException.NotFound("Device not found");
}
