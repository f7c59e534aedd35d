namespace Jukebox.Data.Entities;

/// <summary>A user's profile picture, optional, in the two sizes Spotify serves user images in.</summary>
public sealed class UserImage
{
    public required string UserId { get; set; }

    /// <summary>Derived from the picture's bytes, so its URLs change when the picture does and can be cached for ever.</summary>
    public required string ImageId { get; set; }

    /// <summary>JPEG, 300×300.</summary>
    public required byte[] Large { get; set; }

    /// <summary>JPEG, 64×64.</summary>
    public required byte[] Small { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
