using NAudio.Wave;

namespace Jukebox.Api.Audio;

/// <summary>
/// The first 30 seconds of a WAV file: NAudio reads the RIFF chunks (PCM or any other format a WAV
/// file carries, RF64 included) and writes a new file of the same format with the first whole blocks
/// of the data chunk, its sizes written for what it holds. Other chunks (tags, cue points) are left out.
/// </summary>
public static class WavPreview
{
    /// <returns>The preview, or null when the file is no WAV file NAudio can read.</returns>
    public static byte[]? Cut(Stream file)
    {
        file.Position = 0;
        WaveFileReader reader;
        try
        {
            reader = new WaveFileReader(file);
        }
        catch (Exception e) when (e is FormatException or InvalidDataException or EndOfStreamException)
        {
            return null;
        }
        using (reader)
        {
            var format = reader.WaveFormat;
            if (format.BlockAlign <= 0 || format.AverageBytesPerSecond <= 0)
            {
                return null;
            }
            var wanted = (long)Math.Ceiling(TrackAudio.PreviewLength.TotalSeconds * format.AverageBytesPerSecond / format.BlockAlign) * format.BlockAlign;
            var length = Math.Min(wanted, reader.Length / format.BlockAlign * format.BlockAlign);
            var preview = new MemoryStream();
            using (var writer = new WaveFileWriter(preview, format))
            {
                // NAudio reads whole blocks only.
                var buffer = new byte[(64 * 1024 / format.BlockAlign + 1) * format.BlockAlign];
                for (var left = length; left > 0;)
                {
                    var read = reader.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
                    if (read == 0)
                    {
                        break;
                    }
                    writer.Write(buffer, 0, read);
                    left -= read;
                }
            }
            return preview.ToArray();
        }
    }
}
