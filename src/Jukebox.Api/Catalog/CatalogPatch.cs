using Jukebox.Data;

namespace Jukebox.Api.Catalog;

/// <summary>What a patch changed, for what derives from the snapshot (the search index, the audio features).</summary>
/// <param name="Reindexed">By search type, the ids whose search documents may differ: present in <paramref name="After"/> to update, absent to delete.</param>
/// <param name="Replaced">Tracks of <paramref name="Before"/> that <paramref name="After"/> no longer holds (changed or deleted).</param>
/// <param name="Added">Tracks of <paramref name="After"/> read by the patch (new or changed).</param>
public sealed record CatalogDelta(
    CatalogSnapshot Before, CatalogSnapshot After, IReadOnlyDictionary<string, HashSet<string>> Reindexed,
    IReadOnlyList<CatalogTrack> Replaced, IReadOnlyList<CatalogTrack> Added);

/// <summary>
/// Makes the snapshot after a <see cref="CatalogChange"/> from the one before it, reading only the
/// changed objects and what their links need. The dictionaries are copied (a copy of a dictionary
/// is a block copy of its entries, some milliseconds for a million tracks, against seconds to read
/// the catalog); the objects that did not change are shared. An object's own fields never change:
/// a changed object is a new one. What links to it (its album's track list, its artists' album and
/// track lists, the other instances of its recording, the albums and tracks crediting a renamed
/// artist) gets a new link, replaced whole, so a reader never sees half a list; a request that began
/// before the change may see the new links of an old object.
/// </summary>
internal static partial class CatalogPatch
{
    public static async Task<CatalogDelta> ApplyAsync(CatalogSnapshot before, CatalogChange change, JukeboxDbContext db, CancellationToken ct)
    {
        // What the change replaces, as the snapshot has it.
        var oldTracks = new Dictionary<string, CatalogTrack>(StringComparer.Ordinal);
        foreach (var id in change.Tracks)
        {
            if (before.Tracks.TryGetValue(id, out var t))
            {
                oldTracks[t.Id] = t;
            }
        }
        foreach (var id in change.Albums)
        {
            foreach (var t in before.Albums.TryGetValue(id, out var a) ? a.Tracks : [])
            {
                oldTracks[t.Id] = t;
            }
        }
        var shows = change.Shows.Concat(change.Episodes.Where(before.Episodes.ContainsKey).Select(e => before.Episodes[e].Show.Id))
            .Concat(await CatalogPatchRows.ShowsOfAsync(db, change.Episodes, ct)).ToHashSet(StringComparer.Ordinal);
        var books = change.Audiobooks.Concat(change.Chapters.Where(before.Chapters.ContainsKey).Select(c => before.Chapters[c].Audiobook.Id))
            .Concat(await CatalogPatchRows.AudiobooksOfAsync(db, change.Chapters, ct)).ToHashSet(StringComparer.Ordinal);
        var rows = await CatalogPatchRows.ReadAsync(db, change, [.. oldTracks.Values.Select(t => t.Isrc)], shows, books, ct);

        var patch = new Music(before, change, oldTracks, rows);
        patch.Apply();
        var (showMap, episodeMap, reindexedShows, reindexedEpisodes) = Spoken.Shows(before, shows, rows);
        var (bookMap, chapterMap) = Spoken.Audiobooks(before, books, rows);
        var after = new CatalogSnapshot
        {
            Artists = patch.Artists, Albums = patch.Albums, Tracks = patch.Tracks,
            Shows = showMap, Episodes = episodeMap, Audiobooks = bookMap, Chapters = chapterMap,
            Categories = change.Categories ? await CatalogLoader.LoadCategoriesAsync(db, ct) : before.Categories, NewReleases = patch.NewReleases(),
        };
        var reindexed = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal)
        {
            ["track"] = patch.ReindexedTracks, ["album"] = patch.ReindexedAlbums, ["artist"] = patch.ReindexedArtists,
            ["show"] = reindexedShows, ["episode"] = reindexedEpisodes, ["audiobook"] = books,
        };
        return new CatalogDelta(before, after, reindexed, [.. oldTracks.Values], patch.AddedTracks);
    }

    public static Dictionary<string, T> Copy<T>(IReadOnlyDictionary<string, T> source) =>
        source is Dictionary<string, T> d ? new Dictionary<string, T>(d, d.Comparer) : new Dictionary<string, T>(source, StringComparer.Ordinal);

    /// <summary>Market lists of the patch, one object per distinct list (as the loader shares them).</summary>
    public sealed class Markets
    {
        private readonly Dictionary<string, MarketSet> _sets = new(StringComparer.Ordinal);

        public MarketSet Of(IReadOnlyList<string> codes)
        {
            var key = string.Join(',', codes);
            if (!_sets.TryGetValue(key, out var set))
            {
                _sets[key] = set = new MarketSet(codes);
            }
            return set;
        }
    }

    /// <summary>Shows with their episodes and audiobooks with their chapters: each is read again whole.</summary>
    private static class Spoken
    {
        public static (IReadOnlyDictionary<string, CatalogShow>, IReadOnlyDictionary<string, CatalogEpisode>, HashSet<string>, HashSet<string>) Shows(
            CatalogSnapshot before, HashSet<string> changed, CatalogPatchRows rows)
        {
            if (changed.Count == 0)
            {
                return (before.Shows, before.Episodes, [], []);
            }
            var markets = new Markets();
            var shows = Copy(before.Shows);
            var episodes = Copy(before.Episodes);
            var reindexedEpisodes = new HashSet<string>(StringComparer.Ordinal);
            foreach (var id in changed)
            {
                if (shows.Remove(id, out var old))
                {
                    foreach (var e in old.Episodes)
                    {
                        episodes.Remove(e.Id);
                        reindexedEpisodes.Add(e.Id);
                    }
                }
            }
            var byShow = rows.Episodes.ToLookup(e => e.ShowId, StringComparer.Ordinal);
            foreach (var row in rows.Shows)
            {
                var show = CatalogLoader.NewShow(row, markets.Of(row.AvailableMarkets));
                show.Episodes = CatalogLoader.Episodes(show, byShow[row.Id]);
                shows[show.Id] = show;
                foreach (var e in show.Episodes)
                {
                    episodes[e.Id] = e;
                    reindexedEpisodes.Add(e.Id);
                }
            }
            return (shows, episodes, changed, reindexedEpisodes);
        }

        public static (IReadOnlyDictionary<string, CatalogAudiobook>, IReadOnlyDictionary<string, CatalogChapter>) Audiobooks(
            CatalogSnapshot before, HashSet<string> changed, CatalogPatchRows rows)
        {
            if (changed.Count == 0)
            {
                return (before.Audiobooks, before.Chapters);
            }
            var markets = new Markets();
            var books = Copy(before.Audiobooks);
            var chapters = Copy(before.Chapters);
            foreach (var id in changed)
            {
                if (books.Remove(id, out var old))
                {
                    foreach (var c in old.Chapters)
                    {
                        chapters.Remove(c.Id);
                    }
                }
            }
            var byBook = rows.Chapters.ToLookup(c => c.AudiobookId, StringComparer.Ordinal);
            foreach (var row in rows.Audiobooks)
            {
                var book = CatalogLoader.NewAudiobook(row, markets.Of(row.AvailableMarkets));
                book.Chapters = CatalogLoader.Chapters(book, byBook[row.Id]);
                books[book.Id] = book;
                foreach (var c in book.Chapters)
                {
                    chapters[c.Id] = c;
                }
            }
            return (books, chapters);
        }
    }
}
