namespace Jukebox.Api.Audio;

/// <summary>
/// A track's preview cut from its file, by the file's media type: the first 30 seconds in the file's
/// own format, its container cut on a frame, block, page or sample boundary and never re-encoded.
/// </summary>
public static class AudioPreview
{
    /// <summary>True for the media types whose files are cut into a preview (what `jukebox import` gives a <c>preview_url</c>).</summary>
    public static bool IsCut(string contentType) => contentType is "audio/mpeg" or "audio/wav" or "audio/flac" or "audio/ogg" or "audio/mp4";

    /// <param name="start">Where the audio stream starts in the file (after a tag in front), as the import found it.</param>
    /// <param name="end">Where it ends (before a tag behind).</param>
    /// <returns>The preview, or null when the file is not of a kind that is cut or not what its type says.</returns>
    public static byte[]? Cut(string contentType, Stream file, long start, long end)
    {
        start = Math.Max(0, start);
        end = end > start ? end : file.Length;
        return contentType switch
        {
            "audio/mpeg" => Mp3Preview.Cut(file, start, end),
            "audio/wav" => WavPreview.Cut(file),
            "audio/flac" => FlacPreview.Cut(file, start, end),
            // An Ogg file has no tag in front: its pages are read from its first byte.
            "audio/ogg" => OggPreview.Cut(file),
            "audio/mp4" => Mp4Preview.Cut(file),
            _ => null,
        };
    }
}
