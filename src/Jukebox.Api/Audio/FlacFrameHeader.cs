namespace Jukebox.Api.Audio;

/// <summary>
/// The header of a FLAC frame (RFC 9639, section 9.1), taken for one only when every field holds a
/// value the format allows and its CRC-8 matches: the sync code alone also occurs inside the audio.
/// </summary>
/// <param name="VariableBlocking">Whether the stream numbers its frames by sample (else by frame).</param>
/// <param name="Number">The frame's number, or its first sample's with variable blocking.</param>
/// <param name="BlockSize">How many samples (per channel) the frame holds.</param>
/// <param name="Length">The header's length in bytes, its CRC-8 included.</param>
internal readonly record struct FlacFrameHeader(bool VariableBlocking, long Number, int BlockSize, int Length)
{
    /// <summary>The longest a header is: sync and codes (4), coded number (7), block size (2), sample rate (2), CRC-8 (1).</summary>
    public const int MaxLength = 16;

    public static FlacFrameHeader? Read(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 6 || bytes[0] != 0xFF || (bytes[1] & 0xFE) != 0xF8)
        {
            return null;
        }
        var variable = (bytes[1] & 1) == 1;
        int sizeCode = bytes[2] >> 4, rateCode = bytes[2] & 0x0F, channels = bytes[3] >> 4, depth = (bytes[3] >> 1) & 7;
        if (sizeCode == 0 || rateCode == 15 || channels > 10 || depth == 3 || (bytes[3] & 1) != 0)
        {
            return null;
        }
        // The coded number: UTF-8's scheme, stretched to 36 bits (RFC 9639, section 9.1.5).
        var count = System.Numerics.BitOperations.LeadingZeroCount((uint)(byte)~bytes[4]) - 24;
        if (count == 1 || count > (variable ? 7 : 6) || bytes.Length < 4 + Math.Max(count, 1) + 5)
        {
            return null;
        }
        long number = count == 0 ? bytes[4] : bytes[4] & (0xFF >> (count + 1));
        for (var i = 1; i < count; i++)
        {
            if ((bytes[4 + i] & 0xC0) != 0x80)
            {
                return null;
            }
            number = (number << 6) | (bytes[4 + i] & 0x3FL);
        }
        var at = 4 + Math.Max(count, 1);
        var blockSize = sizeCode switch
        {
            1 => 192,
            <= 5 => 576 << (sizeCode - 2),
            6 => bytes[at++] + 1,
            7 => ((bytes[at++] << 8) | bytes[at++]) + 1,
            _ => 256 << (sizeCode - 8),
        };
        at += rateCode switch { 12 => 1, 13 or 14 => 2, _ => 0 };
        return Crc8(bytes[..at]) == bytes[at] ? new FlacFrameHeader(variable, number, blockSize, at + 1) : null;
    }

    /// <summary>CRC-8 with polynomial x^8 + x^2 + x + 1, initial value 0, as FLAC's headers carry it.</summary>
    private static byte Crc8(ReadOnlySpan<byte> bytes)
    {
        byte crc = 0;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (byte)((crc & 0x80) != 0 ? (crc << 1) ^ 0x07 : crc << 1);
            }
        }
        return crc;
    }
}
