namespace Jukebox.Data.Entities;

/// <summary>
/// The audio file a track was imported from (`jukebox import --format audio`): the server reads it
/// from this path, on its own file system, to serve the track's preview and the web player's audio.
/// </summary>
public sealed class TrackAudioFile
{
    public required string TrackId { get; set; }

    /// <summary>The file's full path where it was imported from.</summary>
    public required string Path { get; set; }

    /// <summary>The media type it is served as, from its format (audio/mpeg, audio/flac, audio/ogg…).</summary>
    public required string ContentType { get; set; }

    /// <summary>Where the audio stream starts in the file, after any tag in front of it (an ID3v2 tag).</summary>
    public long MediaStart { get; set; }

    /// <summary>Where it ends, before any tag behind it (ID3v1, APE).</summary>
    public long MediaEnd { get; set; }
}

/// <summary>
/// An album's cover from the art embedded in its audio files, at one of the sizes the API lists
/// (640, 300, 64): served at the album's image URLs in place of the generated cover.
/// </summary>
public sealed class AlbumCover
{
    public required string AlbumId { get; set; }
    public int Size { get; set; }
    public required byte[] Jpeg { get; set; }
}
