using Jukebox.Testing;
using SkiaSharp;

namespace Jukebox.Sandbox.Tests.Import;

/// <summary>
/// A folder of tagged audio files as a user's music library would be: two MP3 files and a FLAC file
/// of one album (with its cover, one featuring a guest) in a folder of their own, and a WAV file
/// without an album artist elsewhere. Names are new for every folder, as the tests share a catalog.
/// </summary>
public sealed class AudioFolder : IDisposable
{
    private readonly ImportFolder _folder = new();
    private readonly string _tag = Guid.NewGuid().ToString("N")[..8];

    public AudioFolder()
    {
        Isrc = "SEJBX" + Random.Shared.Next(10_000_000).ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
        TestAudioFiles.Write(File("Ada Lane/First Light/01 Opening.mp3"), TestAudioFiles.SilentMp3(TimeSpan.FromSeconds(60)), tag =>
        {
            tag.Title = "Opening";
            tag.Album = AlbumName;
            tag.AlbumArtists = [ArtistName];
            tag.Performers = [ArtistName, GuestName];
            tag.Track = 1;
            tag.Disc = 1;
            tag.Year = 2021;
            tag.ISRC = Isrc;
        }, TestAudioFiles.Picture(800, 600, SKColors.Red));
        TestAudioFiles.Write(File("Ada Lane/First Light/02 Closing.mp3"), TestAudioFiles.SilentMp3(TimeSpan.FromSeconds(45)), tag =>
        {
            tag.Title = "Closing";
            tag.Album = AlbumName;
            tag.AlbumArtists = [ArtistName];
            tag.Performers = [ArtistName];
            tag.Track = 2;
            tag.Year = 2021;
        });
        TestAudioFiles.Write(File("Ada Lane/First Light/03 Coda.flac"), TestAudioFiles.SilentFlac(20), tag =>
        {
            tag.Title = "Coda";
            tag.Album = AlbumName;
            tag.AlbumArtists = [ArtistName];
            tag.Performers = [ArtistName];
            tag.Track = 3;
        });
        TestAudioFiles.Write(File("loose/hum.wav"), TestAudioFiles.SilentWav(TimeSpan.FromSeconds(10)), tag =>
        {
            tag.Title = "Hum";
            tag.Album = LooseAlbumName;
            tag.Performers = [LooseArtistName];
        });
    }

    public string Path => _folder.Path;
    public string Isrc { get; }
    public string AlbumName => $"First Light {_tag}";
    public string ArtistName => $"Ada Lane {_tag}";
    public string GuestName => $"Guest {_tag}";
    public string LooseAlbumName => $"Loose {_tag}";
    public string LooseArtistName => $"Bo Hum {_tag}";

    public string File(string name) => System.IO.Path.Combine(_folder.Path, name);

    public void Dispose() => _folder.Dispose();
}
