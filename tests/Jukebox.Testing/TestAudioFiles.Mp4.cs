using System.Buffers.Binary;
using System.Text;

namespace Jukebox.Testing;

public static partial class TestAudioFiles
{
    public const int AacSampleRate = 44_100;
    public const int AacFrameSamples = 1024;

    /// <summary>How many AAC frames make a chunk of the M4A files made here.</summary>
    public const int AacFramesPerChunk = 20;

    /// <summary>
    /// An M4A file (ISO/IEC 14496-12 and 14) of AAC LC, 44.1 kHz, mono: ftyp, a movie header with one
    /// sound track (timescale 1000 for the movie, 44100 for the track), its sample description (mp4a
    /// with the AudioSpecificConfig 0x12 0x08) and tables (every sample the same 6 bytes, 20 to a
    /// chunk), then the samples in mdat. Each sample is one short AAC frame meant as silence; only the
    /// container is read in the tests. Written here: no library at hand writes MP4.
    /// </summary>
    public static byte[] SilentM4a(TimeSpan length)
    {
        byte[] frame = [0x21, 0x10, 0x04, 0x60, 0x8C, 0x1C];
        var chunks = (int)Math.Ceiling(length.TotalSeconds * AacSampleRate / AacFrameSamples / AacFramesPerChunk);
        var samples = chunks * AacFramesPerChunk;
        var trackDuration = (long)samples * AacFrameSamples;
        var movieDuration = (uint)Math.Ceiling(trackDuration * 1000.0 / AacSampleRate);

        var ftyp = Box("ftyp", [.. "M4A "u8, .. U32(0), .. "M4A mp42isom"u8]);
        byte[] matrix = [.. U32(0x10000), .. U32(0), .. U32(0), .. U32(0), .. U32(0x10000), .. U32(0), .. U32(0), .. U32(0), .. U32(0x40000000)];
        var mvhd = Box("mvhd", [.. U32(0), .. U32(0), .. U32(0), .. U32(1000), .. U32(movieDuration), .. U32(0x10000), 0x01, 0x00,
            .. new byte[10], .. matrix, .. new byte[24], .. U32(2)]);
        var tkhd = Box("tkhd", [.. U32(7), .. U32(0), .. U32(0), .. U32(1), .. U32(0), .. U32(movieDuration), .. new byte[8], 0, 0, 0, 0,
            0x01, 0x00, 0, 0, .. matrix, .. U32(0), .. U32(0)]);
        var mdhd = Box("mdhd", [.. U32(0), .. U32(0), .. U32(0), .. U32(AacSampleRate), .. U32((uint)trackDuration), 0x55, 0xC4, 0, 0]);
        var hdlr = Box("hdlr", [.. U32(0), .. U32(0), .. "soun"u8, .. new byte[12], .. "SoundHandler\0"u8]);
        byte[] decoderInfo = [0x05, 2, 0x12, 0x08];
        byte[] decoderConfig = [0x04, (byte)(13 + decoderInfo.Length), 0x40, 0x15, 0, 0x03, 0x00, .. U32(64_000), .. U32(64_000), .. decoderInfo];
        byte[] slConfig = [0x06, 1, 0x02];
        byte[] es = [0x03, (byte)(3 + decoderConfig.Length + slConfig.Length), 0, 0, 0, .. decoderConfig, .. slConfig];
        var mp4a = Box("mp4a", [.. new byte[6], 0, 1, .. new byte[8], 0, 1, 0, 16, 0, 0, 0, 0, .. U32((uint)AacSampleRate << 16), .. Box("esds", [.. U32(0), .. es])]);
        var stsd = Box("stsd", [.. U32(0), .. U32(1), .. mp4a]);
        var stts = Box("stts", [.. U32(0), .. U32(1), .. U32((uint)samples), .. U32(AacFrameSamples)]);
        var stsc = Box("stsc", [.. U32(0), .. U32(1), .. U32(1), .. U32(AacFramesPerChunk), .. U32(1)]);
        var stsz = Box("stsz", [.. U32(0), .. U32((uint)frame.Length), .. U32((uint)samples)]);

        byte[] Moov(uint dataStart)
        {
            var offsets = Enumerable.Range(0, chunks).SelectMany(c => U32((uint)(dataStart + c * AacFramesPerChunk * frame.Length)));
            var stco = Box("stco", [.. U32(0), .. U32((uint)chunks), .. offsets]);
            var stbl = Box("stbl", [.. stsd, .. stts, .. stsc, .. stsz, .. stco]);
            var dinf = Box("dinf", Box("dref", [.. U32(0), .. U32(1), .. Box("url ", U32(1))]));
            var minf = Box("minf", [.. Box("smhd", U32(0).Concat(U32(0)).ToArray()), .. dinf, .. stbl]);
            return Box("moov", [.. mvhd, .. Box("trak", [.. tkhd, .. Box("mdia", [.. mdhd, .. hdlr, .. minf])])]);
        }

        var moovLength = Moov(0).Length;
        var data = Enumerable.Range(0, samples).SelectMany(_ => frame).ToArray();
        return [.. ftyp, .. Moov((uint)(ftyp.Length + moovLength + 8)), .. Box("mdat", data)];
    }

    private static byte[] Box(string type, byte[] payload) => [.. U32((uint)(8 + payload.Length)), .. Encoding.Latin1.GetBytes(type), .. payload];

    private static byte[] U32(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return bytes;
    }

    private static byte[] U32(int value) => U32((uint)value);
}
