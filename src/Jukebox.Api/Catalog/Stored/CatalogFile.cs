using System.Text;
using Jukebox.Data;
using Microsoft.Extensions.Logging;

namespace Jukebox.Api.Catalog.Stored;

/// <summary>
/// The catalog in memory, kept in a file beside the database so that a start on an unchanged catalog
/// reads it back instead of building it from the tables: at a million tracks that is a few seconds
/// instead of about eight. The file is a cache. It names the database's catalog stamp
/// (<see cref="CatalogRevision"/>) and the build of the server that wrote it, and is used only when both
/// are today's; anything else (another catalog, an upgrade, a damaged file) builds from the tables and
/// writes the file again. No library serializes this object graph (shared objects, links both ways) in
/// a form faster to read than the tables, so the format is this project's own.
/// </summary>
public sealed class CatalogFile(CatalogFileOptions options, ILogger<CatalogFile> logger)
{
    private const string Magic = "jukebox-catalog";
    private const int Format = 3;
    private const string FileName = "catalog.bin";

    /// <summary>The build of the code that maps rows to objects and writes the file.</summary>
    private static readonly string Build =
        $"{typeof(CatalogFile).Assembly.ManifestModule.ModuleVersionId:N}.{typeof(CatalogRevision).Assembly.ManifestModule.ModuleVersionId:N}";

    public bool IsEnabled => options.Directory.Length > 0;

    private string Path => System.IO.Path.Combine(options.Directory, FileName);

    /// <summary>The catalog the file holds for <paramref name="revision"/>, or null (no file, another catalog or build, damaged).</summary>
    public CatalogSnapshot? TryRead(string? revision)
    {
        if (!IsEnabled || revision is null || !File.Exists(Path))
        {
            return null;
        }
        try
        {
            using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
            using var input = new BinaryReader(stream, Encoding.UTF8);
            if (input.ReadString() != Magic || input.ReadInt32() != Format || input.ReadString() != Build || input.ReadString() != revision)
            {
                return null;
            }
            var catalog = new CatalogFileReader(input).Read();
            if (input.ReadString() != Magic)
            {
                throw new InvalidDataException("The file does not end where its contents do.");
            }
            return catalog;
        }
        catch (Exception e)
        {
            // Whatever a damaged file makes the reader do (a count that is out of range, a length too large
            // to allocate), the file is only a cache: the tables are read instead, and the file is written again.
            logger.LogWarning("The stored catalog {Path} could not be read ({Cause}); building it from the database.", Path, e.Message);
            return null;
        }
    }

    /// <summary>Writes the file for <paramref name="revision"/>, replacing the one before only once it is whole.</summary>
    public void Write(CatalogSnapshot catalog, string revision)
    {
        if (!IsEnabled)
        {
            return;
        }
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var partial = $"{Path}.{Guid.NewGuid():N}.partial";
        try
        {
            Directory.CreateDirectory(options.Directory);
            using (var stream = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20))
            using (var output = new BinaryWriter(stream, Encoding.UTF8))
            {
                output.Write(Magic);
                output.Write(Format);
                output.Write(Build);
                output.Write(revision);
                new CatalogFileWriter(output).Write(catalog);
                output.Write(Magic);
            }
            File.Move(partial, Path, overwrite: true);
            logger.LogInformation("Catalog stored in {Elapsed} for the next start.", System.Diagnostics.Stopwatch.GetElapsedTime(started));
        }
        catch (IOException e)
        {
            logger.LogWarning("Could not store the catalog in {Path} ({Cause}); the next start builds it from the database.", Path, e.Message);
            TryDelete(partial);
        }
        catch (UnauthorizedAccessException e)
        {
            logger.LogWarning("Could not store the catalog in {Path} ({Cause}); the next start builds it from the database.", Path, e.Message);
            TryDelete(partial);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
