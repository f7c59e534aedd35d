using System.Security.Cryptography;
using Jukebox.Data.Entities;

namespace Jukebox.Api.Player;

/// <summary>Creating devices: the sandbox API and the web player page both go through here.</summary>
public static class PlayerDevices
{
    /// <summary>The device types the Device object knows.</summary>
    public static readonly IReadOnlySet<string> Types = new HashSet<string>(StringComparer.Ordinal)
    {
        "Computer", "Tablet", "Smartphone", "Speaker", "TV", "AVR", "STB", "AudioDongle", "GameConsole",
        "CastVideo", "CastAudio", "Automobile", "Unknown",
    };

    /// <summary>40 hexadecimal characters, the shape of Spotify's device ids.</summary>
    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));

    public static PlayerDevice Create(string userId, string name, string type, DateTimeOffset now, int? volumePercent = 50,
        bool supportsVolume = true, bool isRestricted = false, bool isPrivateSession = false, DateTimeOffset? expiresAt = null) => new()
    {
        Id = NewId(),
        UserId = userId,
        Name = name,
        Type = type,
        VolumePercent = supportsVolume ? volumePercent : null,
        SupportsVolume = supportsVolume,
        IsRestricted = isRestricted,
        IsPrivateSession = isPrivateSession,
        CreatedAt = now,
        ExpiresAt = expiresAt,
    };
}
