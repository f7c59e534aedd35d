using Jukebox.Api.Audio;
using Jukebox.Sandbox.Import;

namespace Jukebox.Server;

/// <summary>A file to import and the reader of its format.</summary>
internal sealed record ImportFile(string Path, string Name, Action<Stream, ImportedObjects> Read);

/// <summary>
/// The files a path names (a file, or a folder's files of the format, read recursively, in name order) and
/// their format: without --format, each file's from its extension (so a folder of audio files needs none).
/// </summary>
internal static class ImportFiles
{
    /// <summary>Each format's file extensions, and its reader of a file (by the name failures give it, and its path).</summary>
    private static readonly Dictionary<string, (string[] Extensions, Func<string, string, Action<Stream, ImportedObjects>> Reader)> Formats = new()
    {
        ["spotify-json"] = ([".json"], (name, _) => (stream, into) => SpotifyJsonReader.Read(name, stream, into)),
        ["csv"] = ([".csv"], (name, _) => (stream, into) => CsvCatalogReader.Read(name, stream, into)),
        ["audio"] = ([.. TrackAudio.ContentTypes.Keys], (name, path) => (stream, into) => AudioFileReader.Read(name, path, stream, into)),
    };

    public static IReadOnlyList<ImportFile> Find(string path, string? format, out string? problem)
    {
        problem = null;
        if (format is not null && !Formats.ContainsKey(format))
        {
            problem = $"Unknown format {format}: spotify-json, csv or audio";
            return [];
        }
        string[] paths;
        if (Directory.Exists(path))
        {
            var extensions = format is null ? Formats.Values.SelectMany(f => f.Extensions).ToList() : [.. Formats[format].Extensions];
            paths = [.. Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                .Where(p => extensions.Contains(Path.GetExtension(p).ToLowerInvariant())).Order(StringComparer.Ordinal)];
        }
        else if (File.Exists(path))
        {
            paths = [path];
        }
        else
        {
            problem = $"No such file or folder: {path}";
            return [];
        }
        var files = new List<ImportFile>();
        foreach (var file in paths)
        {
            var name = Path.GetRelativePath(Directory.Exists(path) ? path : Path.GetDirectoryName(Path.GetFullPath(path))!, file);
            var fileFormat = format ?? Formats.FirstOrDefault(f => f.Value.Extensions.Contains(Path.GetExtension(file).ToLowerInvariant())).Key;
            if (fileFormat is null)
            {
                problem = $"Cannot tell the format of {file} from its name: give --format";
                return [];
            }
            files.Add(new ImportFile(file, name, Formats[fileFormat].Reader(name, file)));
        }
        if (files.Count == 0)
        {
            problem = $"No files to import in {path}";
        }
        return files;
    }
}
