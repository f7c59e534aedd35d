using System.Buffers.Binary;
using System.Text;

namespace Jukebox.Api.Audio;

/// <summary>
/// A box of an MP4 file's movie header (ISO/IEC 14496-12): the boxes that hold others (moov, trak,
/// mdia, minf, stbl, edts) with their children, any other with its bytes, to be changed and written again.
/// </summary>
internal sealed class Mp4Box(string type)
{
    private static readonly HashSet<string> Containers = ["moov", "trak", "mdia", "minf", "stbl", "edts"];

    public string Type => type;

    /// <summary>What follows the box's header, for a box that holds no others.</summary>
    public byte[] Payload { get; set; } = [];

    public List<Mp4Box>? Children { get; set; }

    public long Length => 8 + (Children?.Sum(c => c.Length) ?? Payload.Length);

    public Mp4Box? Child(string childType) => Children?.FirstOrDefault(c => c.Type == childType);

    /// <returns>The boxes of <paramref name="bytes"/>, or null when one's size does not fit.</returns>
    public static List<Mp4Box>? ReadAll(ReadOnlySpan<byte> bytes)
    {
        var boxes = new List<Mp4Box>();
        while (bytes.Length >= 8)
        {
            long size = BinaryPrimitives.ReadUInt32BigEndian(bytes);
            var header = 8;
            if (size == 1 && bytes.Length >= 16)
            {
                size = (long)BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]);
                header = 16;
            }
            else if (size == 0)
            {
                size = bytes.Length;
            }
            if (size < header || size > bytes.Length)
            {
                return null;
            }
            var box = new Mp4Box(Encoding.Latin1.GetString(bytes[4..8]));
            var body = bytes[header..(int)size];
            if (Containers.Contains(box.Type))
            {
                box.Children = ReadAll(body);
                if (box.Children is null)
                {
                    return null;
                }
            }
            else
            {
                box.Payload = body.ToArray();
            }
            boxes.Add(box);
            bytes = bytes[(int)size..];
        }
        return bytes.Length == 0 ? boxes : null;
    }

    public void WriteTo(Stream output)
    {
        Span<byte> header = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(header, checked((uint)Length));
        Encoding.Latin1.GetBytes(type, header[4..]);
        output.Write(header);
        if (Children is null)
        {
            output.Write(Payload);
            return;
        }
        foreach (var child in Children)
        {
            child.WriteTo(output);
        }
    }
}
