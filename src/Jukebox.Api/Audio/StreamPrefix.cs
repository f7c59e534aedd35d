namespace Jukebox.Api.Audio;

/// <summary>
/// The start of a stream, read into memory only as far as a cutter looks (a preview needs the first
/// seconds of a file that may be long), and never past <paramref name="length"/> bytes.
/// </summary>
internal sealed class StreamPrefix(Stream stream, long length)
{
    private byte[] _bytes = new byte[256 * 1024];
    private bool _ended;

    /// <summary>How many bytes are read so far.</summary>
    public int Read { get; private set; }

    public byte this[int index] => _bytes[index];

    /// <summary>True when the first <paramref name="count"/> bytes are there (reading more as needed).</summary>
    public bool Has(long count)
    {
        while (Read < count && !_ended)
        {
            if (Read == _bytes.Length)
            {
                Array.Resize(ref _bytes, checked(_bytes.Length * 2));
            }
            var wanted = (int)Math.Min(_bytes.Length - Read, length - Read);
            var read = wanted > 0 ? stream.Read(_bytes, Read, wanted) : 0;
            _ended = read == 0;
            Read += read;
        }
        return Read >= count;
    }

    /// <summary>Up to <paramref name="count"/> bytes from <paramref name="offset"/>, fewer where the stream ends.</summary>
    public ReadOnlySpan<byte> Span(int offset, int count)
    {
        Has((long)offset + count);
        return _bytes.AsSpan(offset, Math.Max(0, Math.Min(count, Read - offset)));
    }
}
