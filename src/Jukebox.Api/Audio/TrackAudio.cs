namespace Jukebox.Api.Audio;

/// <summary>
/// Where a track imported from an audio file is heard. Its preview's address is stored in the track's
/// <c>preview_url</c> as a path from the server's root, which the API answers with the public base URL
/// in front (so the address follows the server's configured URL); the full file is the web player's.
/// </summary>
public static class TrackAudio
{
    /// <summary>How much of a track its preview plays, as Spotify's previews did.</summary>
    public static readonly TimeSpan PreviewLength = TimeSpan.FromSeconds(30);

    public static string PreviewPath(string trackId) => $"/audio/{trackId}/preview";

    /// <summary>True for the stored address of an imported file's preview (a path from this server's root).</summary>
    public static bool IsServedHere(string? previewUrl) => previewUrl is not null && previewUrl.StartsWith("/audio/", StringComparison.Ordinal);

    /// <summary>The media types of the files `jukebox import --format audio` reads, by extension.</summary>
    public static readonly IReadOnlyDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".mp3"] = "audio/mpeg",
        [".flac"] = "audio/flac",
        [".ogg"] = "audio/ogg",
        [".oga"] = "audio/ogg",
        [".opus"] = "audio/ogg",
        [".m4a"] = "audio/mp4",
        [".wav"] = "audio/wav",
    };
}
