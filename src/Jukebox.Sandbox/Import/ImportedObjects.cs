using Jukebox.Api.Catalog;
using Jukebox.Data.Entities;
using Jukebox.Sandbox.Catalog;

namespace Jukebox.Sandbox.Import;

/// <summary>Where an object was read: the file and the JSON path or line within it.</summary>
public sealed record ImportPosition(string File, string Where)
{
    public override string ToString() => $"{File}: {Where}";
}

/// <summary>A record that could not be imported, and why.</summary>
public sealed record ImportFailure(ImportPosition Position, string Message)
{
    public override string ToString() => $"{Position}: {Message}";
}

/// <summary>
/// Everything read from the sources, one entry per id: an object met several times (a full album, and
/// the simplified one inside each of its tracks) is merged, the fuller object's fields winning. Each
/// keeps where it was first met, for the failure that names it.
/// </summary>
public sealed class ImportedObjects
{
    public Dictionary<string, (ArtistFixture Body, ImportPosition At)> Artists { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, (AlbumFixture Body, ImportPosition At)> Albums { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, (TrackFixture Body, ImportPosition At)> Tracks { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, (ShowFixture Body, ImportPosition At)> Shows { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, (EpisodeFixture Body, ImportPosition At)> Episodes { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, (AudiobookFixture Body, ImportPosition At)> Audiobooks { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, (ChapterFixture Body, ImportPosition At)> Chapters { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, (PlaylistFixture Body, ImportPosition At)> Playlists { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Where an episode was in its show's episodes page, as its number (the newest, first, has the
    /// highest): the total less its index. An episode met only on its own has none.
    /// </summary>
    public Dictionary<string, int> EpisodeNumbers { get; } = new(StringComparer.Ordinal);

    public List<ImportFailure> Failures { get; } = [];

    /// <summary>The audio file each track was read from (the audio format), by track id.</summary>
    public Dictionary<string, (TrackAudioFile File, ImportPosition At)> AudioFiles { get; } = new(StringComparer.Ordinal);

    /// <summary>Album covers from the art embedded in audio files: JPEG by size, by album id.</summary>
    public Dictionary<string, Dictionary<int, byte[]>> Covers { get; } = new(StringComparer.Ordinal);

    public int Count => Artists.Count + Albums.Count + Tracks.Count + Shows.Count + Episodes.Count + Audiobooks.Count + Chapters.Count + Playlists.Count;

    /// <summary>The objects an import of these writes, for running nodes to patch their catalogs with.</summary>
    public CatalogChange Change => new()
    {
        Artists = [.. Artists.Keys], Albums = [.. Albums.Keys], Tracks = [.. Tracks.Keys], Shows = [.. Shows.Keys],
        Episodes = [.. Episodes.Keys], Audiobooks = [.. Audiobooks.Keys], Chapters = [.. Chapters.Keys],
    };

    /// <param name="full">A full object (its own record), whose fields win over those of a simplified one (a reference).</param>
    public void Add(string id, ArtistFixture body, ImportPosition at, bool full) =>
        Put(Artists, id, body, at, full, FixtureMerge.Artist);

    public void Add(string id, AlbumFixture body, ImportPosition at, bool full) =>
        Put(Albums, id, body with { Tracks = null }, at, full, FixtureMerge.Album);

    public void Add(string id, TrackFixture body, ImportPosition at, bool full) =>
        Put(Tracks, id, body, at, full, FixtureMerge.Track);

    public void Add(string id, ShowFixture body, ImportPosition at, bool full) =>
        Put(Shows, id, body with { Episodes = null }, at, full, SpokenMerge.Show);

    public void Add(string id, EpisodeFixture body, ImportPosition at, bool full) =>
        Put(Episodes, id, body, at, full, SpokenMerge.Episode);

    public void Add(string id, AudiobookFixture body, ImportPosition at, bool full) =>
        Put(Audiobooks, id, body with { Chapters = null }, at, full, SpokenMerge.Audiobook);

    public void Add(string id, ChapterFixture body, ImportPosition at, bool full) =>
        Put(Chapters, id, body, at, full, SpokenMerge.Chapter);

    /// <summary>A playlist is read whole (its items with it): one read later in the sources replaces an earlier one.</summary>
    public void Add(string id, PlaylistFixture body, ImportPosition at) => Playlists[id] = (body, at);

    /// <summary>Drops the images read, for an import that serves generated covers (nor are they checked then).</summary>
    public void ForgetImages()
    {
        Forget(Artists, b => b with { Images = null });
        Forget(Albums, b => b with { Images = null });
        Forget(Shows, b => b with { Images = null });
        Forget(Episodes, b => b with { Images = null });
        Forget(Audiobooks, b => b with { Images = null });
        Forget(Chapters, b => b with { Images = null });
    }

    private static void Forget<T>(Dictionary<string, (T Body, ImportPosition At)> objects, Func<T, T> without)
    {
        foreach (var id in objects.Keys.ToList())
        {
            var (body, at) = objects[id];
            objects[id] = (without(body), at);
        }
    }

    public void Fail(ImportPosition at, string message) => Failures.Add(new ImportFailure(at, message));

    private static void Put<T>(Dictionary<string, (T Body, ImportPosition At)> objects, string id, T body, ImportPosition at, bool full, Func<T, T, T> merge)
    {
        if (objects.TryGetValue(id, out var known))
        {
            objects[id] = (full ? merge(body, known.Body) : merge(known.Body, body), known.At);
        }
        else
        {
            objects[id] = (body, at);
        }
    }
}
