using System.Text;
using NAudio.Wave;

namespace Jukebox.Api.Audio;

/// <summary>
/// The first 30 seconds of an MP3 file, cut on frame boundaries so that every player decodes it as a
/// shorter MP3 (NAudio reads the frames). The other formats have cutters of their own (see
/// <see cref="AudioPreview"/>).
/// </summary>
public static class Mp3Preview
{
    /// <param name="start">Where the audio stream starts in the file (after an ID3v2 tag), as the import found it.</param>
    /// <param name="end">Where it ends (before an ID3v1 or APE tag).</param>
    public static byte[] Cut(Stream file, long start, long end)
    {
        file.Position = start;
        using var preview = new MemoryStream();
        var samples = 0L;
        var first = true;
        while (file.Position < end && Mp3Frame.LoadFromStream(file) is { } frame)
        {
            // A LAME "Xing"/"Info" (or Fraunhofer "VBRI") frame carries the whole file's frame count,
            // which would make a player announce the full length: the preview leaves it out.
            var data = frame.RawData ?? [];
            if (first && IsSummaryFrame(data))
            {
                first = false;
                continue;
            }
            first = false;
            preview.Write(data);
            samples += frame.SampleCount;
            if (samples >= TrackAudio.PreviewLength.TotalSeconds * frame.SampleRate)
            {
                break;
            }
        }
        return preview.ToArray();
    }

    private static bool IsSummaryFrame(byte[] frame)
    {
        // The tag sits after the header and side information (at most 36 bytes in), hence the window.
        var head = Encoding.ASCII.GetString(frame, 0, Math.Min(frame.Length, 48));
        return head.Contains("Xing", StringComparison.Ordinal) || head.Contains("Info", StringComparison.Ordinal)
            || head.Contains("VBRI", StringComparison.Ordinal);
    }
}
