using System.Globalization;
using Jukebox.Data.Seeding;
using Jukebox.Sandbox.Catalog;

namespace Jukebox.Sandbox.Import;

/// <summary>
/// Tracks with their album and artists, one a row, under a header row naming the columns (any order):
/// <c>track_name</c>, <c>artist_names</c>, <c>album_name</c> and <c>duration_ms</c> are required;
/// <c>track_id</c>, <c>artist_ids</c>, <c>album_id</c>, <c>album_type</c>, <c>release_date</c>,
/// <c>explicit</c> (true/false), <c>isrc</c>, <c>markets</c>, <c>disc_number</c>, <c>track_number</c>,
/// <c>popularity</c>, <c>label</c> and <c>upc</c> optional. Lists (<c>artist_ids</c>,
/// <c>artist_names</c>, <c>markets</c>) are separated by <c>;</c>. Ids left out are made from the
/// row's names (an artist's from its name, an album's from its name and first artist, a track's from
/// its album, disc, number and name), so importing the file again finds the same objects.
/// </summary>
public static class CsvCatalogReader
{
    public static readonly string[] Columns =
    [
        "track_id", "track_name", "artist_ids", "artist_names", "album_id", "album_name", "album_type", "release_date",
        "duration_ms", "explicit", "isrc", "markets", "disc_number", "track_number", "popularity", "label", "upc",
    ];

    private static readonly string[] Required = ["track_name", "artist_names", "album_name", "duration_ms"];

    public static void Read(string file, Stream csv, ImportedObjects into)
    {
        using var reader = new StreamReader(csv);
        Dictionary<string, int>? header = null;
        try
        {
            foreach (var (line, fields) in CsvRows.Read(reader))
            {
                var at = new ImportPosition(file, $"line {line}");
                if (header is null)
                {
                    header = Header(fields, at, into);
                    if (header is null)
                    {
                        return;
                    }
                    continue;
                }
                try
                {
                    Row(new CsvRow(header, fields), at, into);
                }
                catch (ImportException e)
                {
                    into.Fail(at, e.Message);
                }
            }
        }
        catch (ImportException e)
        {
            into.Fail(new ImportPosition(file, "end of file"), e.Message);
        }
    }

    /// <summary>The header's columns by name, or null (and the file's failure) when it is not a header of this format.</summary>
    private static Dictionary<string, int>? Header(List<string> fields, ImportPosition at, ImportedObjects into)
    {
        var names = fields.Select(name => name.Trim()).ToList();
        if (names.FirstOrDefault(name => !Columns.Contains(name)) is { } unknown)
        {
            into.Fail(at, $"Unknown column {unknown} (the columns are {string.Join(',', Columns)})");
            return null;
        }
        if (names.Distinct().Count() != names.Count)
        {
            into.Fail(at, "The header names a column twice");
            return null;
        }
        if (Required.FirstOrDefault(name => !names.Contains(name)) is { } missing)
        {
            into.Fail(at, $"The header has no {missing} column");
            return null;
        }
        return names.Select((name, i) => (name, i)).ToDictionary(f => f.name, f => f.i, StringComparer.Ordinal);
    }

    private static void Row(CsvRow row, ImportPosition at, ImportedObjects into)
    {
        var names = row.List("artist_names");
        var ids = row.List("artist_ids");
        if (names.Count == 0 || (ids.Count > 0 && ids.Count != names.Count))
        {
            throw new ImportException("artist_names must name the track's artists, and artist_ids (when given) as many");
        }
        var artists = names.Select((name, i) => new ArtistFixture(ids.Count > 0 ? ids[i] : Id("artist", name), "artist", name, null, null, null)).ToList();
        var credits = artists.Select(a => new IdFixture(a.Id)).ToList();
        var albumName = row.Text("album_name");
        var albumId = row.Optional("album_id") ?? Id("album", albumName, artists[0].Id!);
        var markets = row.Optional("markets") is null ? null : row.List("markets");
        var album = new AlbumFixture(albumId, "album", albumName, row.Optional("album_type"), credits, markets, row.Optional("release_date"),
            null, row.Optional("label"), null, null, null, new ExternalIdsFixture(null, row.Optional("upc"), null), null);
        var disc = row.Number("disc_number");
        var number = row.Number("track_number");
        var trackName = row.Text("track_name");
        var trackId = row.Optional("track_id") ?? Id("track", albumId, $"{disc ?? 1}", $"{number}", trackName);
        var track = new TrackFixture(trackId, "track", trackName, credits, new IdFixture(albumId), row.Number("duration_ms"),
            row.Flag("explicit"), disc, number, markets, new ExternalIdsFixture(row.Optional("isrc"), null, null), null, row.Number("popularity"));
        if (new[] { trackId, albumId }.Concat(artists.Select(a => a.Id!)).FirstOrDefault(id => !Api.Http.SpotifyIds.IsValid(id)) is { } invalid)
        {
            throw new ImportException($"Invalid base62 id {invalid}");
        }
        foreach (var artist in artists)
        {
            into.Add(artist.Id!, artist, at, full: true);
        }
        into.Add(albumId, album, at, full: true);
        into.Add(trackId, track, at, full: true);
    }

    /// <summary>An id made from names, the same on every import of the same row.</summary>
    internal static string Id(string kind, params string[] names) =>
        CatalogIds.FromSeed($"jukebox:import:{kind}:{string.Join('\u001f', names)}");

    private sealed class CsvRow(Dictionary<string, int> header, List<string> fields)
    {
        public string? Optional(string column) =>
            header.TryGetValue(column, out var i) && i < fields.Count && fields[i].Trim() is { Length: > 0 } value ? value : null;

        public string Text(string column) => Optional(column) ?? throw new ImportException($"{column} is required");

        public List<string> List(string column) =>
            [.. (Optional(column) ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

        public int? Number(string column) =>
            Optional(column) is not { } text ? null
            : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n
            : throw new ImportException($"{column} must be a whole number, not {text}");

        public bool? Flag(string column) =>
            Optional(column) is not { } text ? null
            : bool.TryParse(text, out var flag) ? flag
            : throw new ImportException($"{column} must be true or false, not {text}");
    }
}
