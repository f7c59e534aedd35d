using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Jukebox.Api.Audio;
using Jukebox.Testing;
using SkiaSharp;

namespace Jukebox.Sandbox.Tests.Import;

/// <summary>
/// The previews of tracks imported from FLAC, Ogg Opus, WAV and M4A files: the first 30 seconds in the
/// file's own format, cut on its frames, pages or blocks, read back here by TagLib# and by their headers.
/// </summary>
public sealed class AudioPreviewTests(EmptyCatalogServer server) : IClassFixture<EmptyCatalogServer>
{
    private const int FlacFrameBytes = 11;

    [Theory]
    [InlineData("long.flac", "audio/flac", 30.512)]
    [InlineData("long.opus", "audio/ogg", 30.0)]
    [InlineData("long.wav", "audio/wav", 30.0)]
    [InlineData("long.m4a", "audio/mp4", 30.024)]
    public async Task A_track_from_a_longer_file_has_a_30_second_preview_in_the_file_s_format_answered_with_ranges(string name, string contentType, double longest)
    {
        using var folder = new ImportFolder();
        var album = $"Previews {Guid.NewGuid():N}";
        var audio = Path.GetExtension(name) switch
        {
            ".flac" => TestAudioFiles.SilentFlac(80),
            ".opus" => TestAudioFiles.SilentOpus(TimeSpan.FromSeconds(40)),
            ".m4a" => TestAudioFiles.SilentM4a(TimeSpan.FromSeconds(40)),
            _ => TestAudioFiles.SilentWav(TimeSpan.FromSeconds(40)),
        };
        TestAudioFiles.Write(Path.Combine(folder.Path, name), audio, tag =>
        {
            tag.Title = "Long";
            tag.Album = album;
            tag.Performers = ["Preview Artist"];
        }, TestAudioFiles.Picture(800, 600, SKColors.Blue));
        Assert.Equal(0, await server.ImportAsync(folder.Path, "--format", "audio"));
        var track = (await server.ReloadCatalogAsync()).Albums.Values.Single(a => a.Name == album).Tracks.Single().Id;
        using var api = await server.CreateAppClientAsync();
        var json = await api.GetFromJsonAsync<JsonElement>($"/v1/tracks/{track}");
        Assert.InRange(json.GetProperty("duration_ms").GetInt32(), 39_900, 41_000);
        var previewUrl = json.GetProperty("preview_url").GetString();
        Assert.Equal(new Uri(server.BaseAddress, $"/audio/{track}/preview").ToString(), previewUrl);

        using var anonymous = server.CreateClient();
        using var answer = await anonymous.GetAsync(previewUrl);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(contentType, answer.Content.Headers.ContentType?.MediaType);
        var preview = await answer.Content.ReadAsByteArrayAsync();
        // TagLib# reads an Opus stream 6.5 ms short (its pre-skip taken off twice), hence the 20 ms (a packet) allowed below 30 s.
        Assert.InRange(Duration(preview, name).TotalSeconds, 29.98, longest + 0.001);
        Assert.InRange(HeaderSeconds(preview, name), 30.0, longest + 0.001);
        // The cover art and tags embedded in the file are left out: 30 seconds of audio, and little else.
        Assert.True(preview.Length < 500_000, $"{preview.Length} bytes");

        using var request = new HttpRequestMessage(HttpMethod.Get, previewUrl) { Headers = { Range = new RangeHeaderValue(0, 99) } };
        using var part = await anonymous.SendAsync(request);
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal($"bytes 0-99/{preview.Length}", part.Content.Headers.ContentRange?.ToString());
        Assert.Equal(preview[..100], await part.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_track_from_a_file_shorter_than_30_seconds_has_the_whole_file_as_its_preview()
    {
        using var folder = new AudioFolder();
        TestAudioFiles.Write(folder.File("loose/short.opus"), TestAudioFiles.SilentOpus(TimeSpan.FromSeconds(12)), tag =>
        {
            tag.Title = "Short";
            tag.Album = folder.LooseAlbumName;
            tag.Performers = [folder.LooseArtistName];
        });
        TestAudioFiles.Write(folder.File("loose/short.m4a"), TestAudioFiles.SilentM4a(TimeSpan.FromSeconds(12)), tag =>
        {
            tag.Title = "Shorter";
            tag.Album = folder.LooseAlbumName;
            tag.Performers = [folder.LooseArtistName];
        });
        // 26 chunks of 20 frames of 1024 samples at 44.1 kHz.
        const double m4aSeconds = 26 * 20 * 1024 / 44_100.0;
        Assert.Equal(0, await server.ImportAsync(folder.Path));
        var catalog = await server.ReloadCatalogAsync();
        using var anonymous = server.CreateClient();
        foreach (var (album, title, name, seconds) in new[]
        {
            (folder.AlbumName, "Coda", "coda.flac", 10.24), (folder.LooseAlbumName, "Hum", "hum.wav", 10.0), (folder.LooseAlbumName, "Short", "short.opus", 12.0),
            (folder.LooseAlbumName, "Shorter", "short.m4a", m4aSeconds),
        })
        {
            var track = catalog.Albums.Values.Single(a => a.Name == album).Tracks.Single(t => t.Name == title);
            Assert.Equal($"/audio/{track.Id}/preview", track.PreviewUrl);
            var preview = await anonymous.GetByteArrayAsync(track.PreviewUrl);
            Assert.Equal(seconds, Duration(preview, name).TotalSeconds, 0.02);
            Assert.Equal(seconds, HeaderSeconds(preview, name), 0.001);
        }
    }

    [Fact]
    public void A_FLAC_file_whose_audio_holds_the_sync_code_is_cut_on_its_frames()
    {
        // Every frame's audio is 0xFFF8, the sync code of a frame header.
        var flac = TestAudioFiles.SilentFlac(80, level: -8);
        using var file = new MemoryStream(flac);
        var preview = FlacPreview.Cut(file, 0, flac.Length);

        Assert.NotNull(preview);
        // 30 s at 8 kHz end in frame 58 (of 4096 samples): frames 0 to 58, whole, follow the metadata.
        Assert.Equal(59 * 4096, FlacTotalSamples(preview));
        Assert.Equal(flac.AsSpan(4 + 4 + 34, 59 * FlacFrameBytes), preview.AsSpan(FlacFramesStart(preview)));
    }

    [Fact]
    public void An_Ogg_Vorbis_stream_ends_at_30_seconds_of_its_own_rate_without_the_packet_it_leaves_unfinished()
    {
        // 8 kHz Vorbis (the identification header gives the rate; the cut reads no other header), then
        // pages of one second: the rest of a packet begun on the page before, two packets of 10 bytes,
        // and the first 255 bytes of a packet that goes on on the next page.
        byte[] identification = [1, .. "vorbis"u8, 0, 0, 0, 0, 1, 8000 & 0xFF, 8000 >> 8, 0, 0, .. new byte[12], 0xB8, 1];
        using var ogg = new MemoryStream();
        ogg.Write(OggPage(OggBeginsStream, 0, 0, [30], identification));
        ogg.Write(OggPage(0, 0, 1, [12, 20], new byte[32]));
        for (var second = 1; second <= 40; second++)
        {
            byte[] lacing = second == 1 ? [10, 10, 255] : [45, 10, 10, 255];
            ogg.Write(OggPage(second == 1 ? (byte)0 : OggContinued, second * 8000L, (uint)second + 1, lacing, new byte[lacing.Sum(l => l)]));
        }

        var preview = OggPreview.Cut(new MemoryStream(ogg.ToArray()));

        Assert.NotNull(preview);
        // Each page is whole with its checksum, the last ends the stream: 30 seconds at 8 kHz.
        Assert.Equal(30.0, OggSeconds(preview, 0, 8000));
        var last = preview.AsSpan().LastIndexOf("OggS"u8);
        Assert.Equal(31u, BinaryPrimitives.ReadUInt32LittleEndian(preview.AsSpan(last + 18)));
        Assert.Equal([45, 10, 10], preview.AsSpan(last + 27, preview[last + 26]).ToArray());
        Assert.Equal(last + 27 + 3 + 65, preview.Length);
    }

    private const byte OggContinued = 0x01;
    private const byte OggBeginsStream = 0x02;

    private static byte[] OggPage(byte flags, long granule, uint sequence, byte[] lacing, byte[] body)
    {
        byte[] page = [.. "OggS"u8, 0, flags, .. new byte[8], 0x78, 0x56, 0x34, 0x12, .. new byte[8], (byte)lacing.Length, .. lacing, .. body];
        BinaryPrimitives.WriteInt64LittleEndian(page.AsSpan(6), granule);
        BinaryPrimitives.WriteUInt32LittleEndian(page.AsSpan(18), sequence);
        BinaryPrimitives.WriteUInt32LittleEndian(page.AsSpan(22), TestAudioFiles.OggCrc(page));
        return page;
    }

    [Fact]
    public async Task A_file_replaced_by_one_that_is_not_what_its_name_says_has_no_preview_any_more()
    {
        using var folder = new AudioFolder();
        Assert.Equal(0, await server.ImportAsync(folder.Path));
        var coda = (await server.ReloadCatalogAsync()).Albums.Values.Single(a => a.Name == folder.AlbumName).Tracks.Single(t => t.Name == "Coda");
        using var anonymous = server.CreateClient();
        using (var before = await anonymous.GetAsync(coda.PreviewUrl))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }
        // The file is replaced, after the import, by one of another format: the preview cut before is not served.
        await File.WriteAllBytesAsync(folder.File("Ada Lane/First Light/03 Coda.flac"), TestAudioFiles.SilentWav(TimeSpan.FromSeconds(5)));

        using var answer = await anonymous.GetAsync(coda.PreviewUrl);
        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        Assert.Equal("""{"error":{"status":404,"message":"Resource not found"}}""", await answer.Content.ReadAsStringAsync());
    }

    /// <summary>The duration TagLib# reads from the preview, as a player would.</summary>
    private static TimeSpan Duration(byte[] preview, string name)
    {
        var path = Path.Combine(Path.GetTempPath(), $"jukebox-preview-{Guid.NewGuid():N}{Path.GetExtension(name)}");
        File.WriteAllBytes(path, preview);
        try
        {
            using var file = TagLib.File.Create(path);
            return file.Properties.Duration;
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The length the preview's own headers give, each read as its format describes it.</summary>
    private static double HeaderSeconds(byte[] preview, string name) => Path.GetExtension(name) switch
    {
        ".flac" => FlacSeconds(preview),
        ".opus" => OpusSeconds(preview),
        ".m4a" => M4aSeconds(preview),
        _ => WavSeconds(preview),
    };

    /// <summary>
    /// ftyp, moov and mdat, in that order: mdat holds exactly the samples stsz lists, the first chunk
    /// at its start, and the chunks hold them all; the length is what stts adds up to over mdhd's timescale.
    /// </summary>
    private static double M4aSeconds(byte[] m4a)
    {
        var boxes = new List<(string Type, int At, int Length)>();
        for (var at = 0; at < m4a.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(m4a.AsSpan(at));
            boxes.Add((System.Text.Encoding.Latin1.GetString(m4a, at + 4, 4), at, length));
            at += length;
        }
        Assert.Equal(["ftyp", "moov", "mdat"], boxes.Select(b => b.Type));
        var moov = m4a[boxes[1].At..(boxes[1].At + boxes[1].Length)];
        int Field(string box, int offset) => BinaryPrimitives.ReadInt32BigEndian(moov.AsSpan(moov.AsSpan().IndexOf(System.Text.Encoding.Latin1.GetBytes(box)) + 4 + offset));
        // The files made here have samples of one size, which stsz gives once.
        Assert.Equal(boxes[2].Length - 8, Field("stsz", 8) * Field("stsz", 4));
        Assert.Equal(boxes[2].At + 8, Field("stco", 8));
        // The chunks stsc describes (runs of chunks of as many samples) hold every sample once.
        var (runs, chunks, inChunks) = (Field("stsc", 4), Field("stco", 4), 0);
        for (var i = 0; i < runs; i++)
        {
            var next = i + 1 < runs ? Field("stsc", 8 + (i + 1) * 12) : chunks + 1;
            inChunks += (next - Field("stsc", 8 + i * 12)) * Field("stsc", 12 + i * 12);
        }
        Assert.Equal(Field("stsz", 8), inChunks);
        var duration = 0L;
        for (var i = 0; i < Field("stts", 4); i++)
        {
            duration += (long)Field("stts", 8 + i * 8) * Field("stts", 12 + i * 8);
        }
        return duration / (double)Field("mdhd", 12);
    }

    /// <summary>The samples in whole 11-byte frames after the metadata, which must agree with STREAMINFO's total.</summary>
    private static double FlacSeconds(byte[] flac)
    {
        Assert.Equal("fLaC"u8.ToArray(), flac[..4]);
        var frames = flac.Length - FlacFramesStart(flac);
        Assert.Equal(0, frames % FlacFrameBytes);
        var last = flac[^FlacFrameBytes..];
        Assert.Equal([0xFF, 0xF8], last[..2]);
        // Frames are numbered from 0, and all of 4096 samples.
        Assert.Equal(frames / FlacFrameBytes - 1, last[4]);
        Assert.Equal(frames / FlacFrameBytes * 4096, FlacTotalSamples(flac));
        return FlacTotalSamples(flac) / (double)TestAudioFiles.FlacSampleRate;
    }

    /// <summary>Where the frames start: after "fLaC" and the metadata blocks, of which none is a picture (type 6).</summary>
    private static int FlacFramesStart(byte[] flac)
    {
        var at = 4;
        for (var last = false; !last; at += 4 + ((flac[at + 1] << 16) | (flac[at + 2] << 8) | flac[at + 3]))
        {
            last = (flac[at] & 0x80) != 0;
            Assert.NotEqual(6, flac[at] & 0x7F);
        }
        return at;
    }

    private static long FlacTotalSamples(byte[] flac) => ((long)(flac[8 + 13] & 0x0F) << 32) | BinaryPrimitives.ReadUInt32BigEndian(flac.AsSpan(8 + 14));

    private static double OpusSeconds(byte[] ogg) => OggSeconds(ogg, TestAudioFiles.OpusPreSkip, 48_000);

    /// <summary>Every page whole and with its checksum, the last one ending the stream: its granule position less the pre-skip, over the rate.</summary>
    private static double OggSeconds(byte[] ogg, int preSkip, int rate)
    {
        var at = 0;
        var granule = 0L;
        var flags = 0;
        while (at < ogg.Length)
        {
            Assert.Equal("OggS"u8.ToArray(), ogg[at..(at + 4)]);
            var segments = ogg[at + 26];
            var length = 27 + segments + ogg.AsSpan(at + 27, segments).ToArray().Sum(b => b);
            var page = ogg[at..(at + length)];
            var crc = BinaryPrimitives.ReadUInt32LittleEndian(page.AsSpan(22));
            page.AsSpan(22, 4).Clear();
            Assert.Equal(TestAudioFiles.OggCrc(page), crc);
            Assert.Equal(0, flags & 0x04);
            flags = page[5];
            granule = BinaryPrimitives.ReadInt64LittleEndian(page.AsSpan(6));
            at += length;
        }
        Assert.Equal(0x04, flags & 0x04);
        return (granule - preSkip) / (double)rate;
    }

    /// <summary>The data chunk's size over the byte rate of the format chunk.</summary>
    private static double WavSeconds(byte[] wav)
    {
        Assert.Equal("RIFF"u8.ToArray(), wav[..4]);
        Assert.Equal(wav.Length - 8, BinaryPrimitives.ReadInt32LittleEndian(wav.AsSpan(4)));
        var data = wav.AsSpan().IndexOf("data"u8);
        var fmt = wav.AsSpan().IndexOf("fmt "u8);
        var size = BinaryPrimitives.ReadInt32LittleEndian(wav.AsSpan(data + 4));
        Assert.Equal(wav.Length, data + 8 + size);
        return size / (double)BinaryPrimitives.ReadInt32LittleEndian(wav.AsSpan(fmt + 16));
    }
}
