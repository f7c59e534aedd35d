using Jukebox.Api.Audio;
using Jukebox.Api.Images;
using Jukebox.Data.Entities;
using Jukebox.Sandbox.Catalog;

namespace Jukebox.Sandbox.Import;

/// <summary>
/// One audio file (MP3, FLAC, Ogg Vorbis/Opus, M4A, WAV) of a folder being imported, read with
/// TagLib#: its tags and duration become a track, grouped as music servers group files: the album
/// artist tag (else the first artist) is the album's artist, an album is its title and that artist,
/// so the files of one album in several folders, or of several albums in one folder, land right.
/// Ids are made from the names, as the CSV format makes them (an album's from its title and artist,
/// a track's from its album, disc, number and title), so importing the folder again finds the same
/// objects. The first picture (the front cover if there is one) of an album's files becomes its
/// cover at 640, 300 and 64 px.
/// </summary>
public static class AudioFileReader
{
    public static readonly int[] CoverSizes = [640, 300, 64];

    public const string UnknownArtist = "Unknown Artist";
    public const string UnknownAlbum = "Unknown Album";

    /// <param name="name">The file as failures name it (its path under the imported folder).</param>
    /// <param name="path">The file itself, which the server reads to play it.</param>
    public static void Read(string name, string path, Stream stream, ImportedObjects into)
    {
        var at = new ImportPosition(name, "tags");
        TagLib.File file;
        try
        {
            file = TagLib.File.Create(new StreamAbstraction(name, stream));
        }
        catch (Exception e) when (e is TagLib.CorruptFileException or TagLib.UnsupportedFormatException or IOException or ArgumentException)
        {
            into.Fail(at, $"Not an audio file that can be read: {e.Message}");
            return;
        }
        using (file)
        {
            if (file.Properties is not { MediaTypes: var types, Duration: var duration } || !types.HasFlag(TagLib.MediaTypes.Audio) || duration <= TimeSpan.Zero)
            {
                into.Fail(at, "No audio stream with a duration");
                return;
            }
            Add(file, name, Path.GetFullPath(path), (int)Math.Round(duration.TotalMilliseconds), at, into);
        }
    }

    private static void Add(TagLib.File file, string name, string path, int durationMs, ImportPosition at, ImportedObjects into)
    {
        var tag = file.Tag;
        var performers = Names(tag.Performers);
        var albumArtistName = Names(tag.AlbumArtists).FirstOrDefault() ?? performers.FirstOrDefault() ?? UnknownArtist;
        var trackArtistNames = performers.Count > 0 ? performers : [albumArtistName];
        var albumArtist = Artist(albumArtistName);
        var trackArtists = trackArtistNames.Select(Artist).ToList();

        var albumName = Text(tag.Album) ?? UnknownAlbum;
        var albumId = CsvCatalogReader.Id("album", albumName, albumArtist.Id!);
        var copyrights = Text(tag.Copyright) is { } copyright ? new[] { new CopyrightFixture(copyright, "C") } : null;
        var album = new AlbumFixture(albumId, "album", albumName, null, [new IdFixture(albumArtist.Id)], null,
            tag.Year > 0 ? $"{tag.Year:D4}" : null, tag.Year > 0 ? "year" : null, Text(tag.Publisher), Names(tag.Genres), null, copyrights, null, null);

        int? disc = tag.Disc > 0 ? (int)tag.Disc : null;
        int? number = tag.Track > 0 ? (int)tag.Track : null;
        var title = Text(tag.Title) ?? Path.GetFileNameWithoutExtension(name);
        var trackId = CsvCatalogReader.Id("track", albumId, $"{disc ?? 1}", $"{number}", title);
        if (into.AudioFiles.TryGetValue(trackId, out var other))
        {
            into.Fail(at, $"The same track (album, disc, number and title) as {other.At.File}");
            return;
        }
        var track = new TrackFixture(trackId, "track", title, [.. trackArtists.Select(a => new IdFixture(a.Id))], new IdFixture(albumId), durationMs,
            null, disc, number, null, new ExternalIdsFixture(Isrc(tag.ISRC), null, null), null, null);

        foreach (var artist in trackArtists.Append(albumArtist))
        {
            into.Add(artist.Id!, artist, at, full: true);
        }
        into.Add(albumId, album, at, full: true);
        into.Add(trackId, track, at, full: true);
        var contentType = TrackAudio.ContentTypes.GetValueOrDefault(Path.GetExtension(name)) ?? "application/octet-stream";
        if (contentType is "audio/ogg" or "audio/mp4" && file.Properties.MediaTypes.HasFlag(TagLib.MediaTypes.Video))
        {
            // An Ogg or MP4 file with a video stream besides the audio: not cut into a preview.
            contentType = contentType.Replace("audio/", "video/", StringComparison.Ordinal);
        }
        into.AudioFiles[trackId] = (new TrackAudioFile
        {
            TrackId = trackId, Path = path, ContentType = contentType, MediaStart = file.InvariantStartPosition, MediaEnd = file.InvariantEndPosition,
        }, at);
        if (!into.Covers.ContainsKey(albumId) && Cover(tag.Pictures) is { } picture)
        {
            var covers = CoverSizes.ToDictionary(size => size, size => CoverScaling.Square(picture, size));
            if (covers.Values.Any(jpeg => jpeg is null))
            {
                into.Fail(at with { Where = "cover art" }, "The embedded picture is no image that can be decoded");
                return;
            }
            into.Covers[albumId] = covers.ToDictionary(c => c.Key, c => c.Value!);
        }
    }

    private static ArtistFixture Artist(string name) => new(CsvCatalogReader.Id("artist", name), "artist", name, null, null, null);

    private static byte[]? Cover(TagLib.IPicture[] pictures) =>
        (pictures.FirstOrDefault(p => p.Type == TagLib.PictureType.FrontCover) ?? pictures.FirstOrDefault())?.Data?.Data;

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static List<string> Names(string[]? values) => [.. (values ?? []).Select(Text).OfType<string>().Distinct()];

    /// <summary>The ISRC tag when it is one (hyphens, as some taggers write it, left out); a malformed tag is ignored.</summary>
    private static string? Isrc(string? tag) =>
        Text(tag)?.Replace("-", "", StringComparison.Ordinal).ToUpperInvariant() is { Length: 12 } isrc && isrc.All(char.IsAsciiLetterOrDigit) ? isrc : null;

    /// <summary>
    /// The open file as TagLib# reads it: the library only ships an abstraction over a path, and the
    /// import hands readers a stream (which it owns and closes).
    /// </summary>
    private sealed class StreamAbstraction(string name, Stream stream) : TagLib.File.IFileAbstraction
    {
        public string Name => name;
        public Stream ReadStream => stream;
        public Stream WriteStream => stream;

        public void CloseStream(Stream closing)
        {
        }
    }
}
