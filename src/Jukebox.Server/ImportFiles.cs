using Jukebox.Sandbox.Import;

namespace Jukebox.Server;

/// <summary>A file to import and the reader of its format.</summary>
internal sealed record ImportFile(string Path, string Name, Action<Stream, ImportedObjects> Read);

/// <summary>The files a path names (a file, or a folder's files of the format, in name order) and their format.</summary>
internal static class ImportFiles
{
    private static readonly Dictionary<string, (string Extension, Func<string, Action<Stream, ImportedObjects>> Reader)> Formats = new()
    {
        ["spotify-json"] = (".json", name => (stream, into) => SpotifyJsonReader.Read(name, stream, into)),
        ["csv"] = (".csv", name => (stream, into) => CsvCatalogReader.Read(name, stream, into)),
    };

    public static IReadOnlyList<ImportFile> Find(string path, string? format, out string? problem)
    {
        problem = null;
        if (format == "audio")
        {
            problem = "The audio format is not implemented yet: import spotify-json or csv";
            return [];
        }
        if (format is not null && !Formats.ContainsKey(format))
        {
            problem = $"Unknown format {format}: spotify-json or csv";
            return [];
        }
        string[] paths;
        if (Directory.Exists(path))
        {
            var extensions = format is null ? Formats.Values.Select(f => f.Extension).ToList() : [Formats[format].Extension];
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
            var fileFormat = format ?? Formats.FirstOrDefault(f => f.Value.Extension == Path.GetExtension(file).ToLowerInvariant()).Key;
            if (fileFormat is null)
            {
                problem = $"Cannot tell the format of {file} from its name: give --format";
                return [];
            }
            files.Add(new ImportFile(file, name, Formats[fileFormat].Reader(name)));
        }
        if (files.Count == 0)
        {
            problem = $"No files to import in {path}";
        }
        return files;
    }
}
