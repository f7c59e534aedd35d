using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Jukebox.Api.Search;

/// <summary>
/// The catalog index on disk (or in memory when no folder is set): opening a stored index and checking
/// it against the expected order, building one on all cores, and removing the indexes of older catalogs.
/// </summary>
internal sealed class CatalogIndexStore(SearchOptions options, ILogger logger)
{
    /// <summary>
    /// Whether the index holds <paramref name="ids"/> in that order (checked on a sample): the searches
    /// rely on it, so a stored index that does not (a bug, or a damaged folder) is rebuilt.
    /// </summary>
    public static bool InOrder(DirectoryReader reader, string[] ids)
    {
        if (reader.MaxDoc != ids.Length || reader.HasDeletions)
        {
            return false;
        }
        const int Samples = 256;
        for (var k = 0; k < Math.Min(Samples, ids.Length); k++)
        {
            var doc = (int)((long)k * (ids.Length - 1) / Math.Max(1, Math.Min(Samples, ids.Length) - 1));
            if (reader.Document(doc, SearchFields.IdOnly).Get(SearchFields.Id) != ids[doc])
            {
                return false;
            }
        }
        return true;
    }

    public (LuceneDirectory?, DirectoryReader?) OpenStored(string fingerprint, string[] ids)
    {
        if (options.IndexDirectory.Length == 0)
        {
            return (null, null);
        }
        var path = Path.Combine(options.IndexDirectory, fingerprint);
        if (!System.IO.Directory.Exists(path))
        {
            return (null, null);
        }
        var directory = FSDirectory.Open(path);
        if (DirectoryReader.IndexExists(directory))
        {
            var reader = DirectoryReader.Open(directory);
            if (InOrder(reader, ids))
            {
                return (directory, reader);
            }
            reader.Dispose();
            logger.LogWarning("The stored search index {Path} does not match the catalog; building it again.", path);
        }
        directory.Dispose();
        System.IO.Directory.Delete(path, recursive: true);
        return (null, null);
    }

    /// <summary>
    /// Writes the documents in <paramref name="order"/>. Contiguous parts of that order are written by
    /// one thread each, into an index of their own (a writer shared by several threads would interleave
    /// their documents), and the parts are then added to the index one after the other, as segments,
    /// which keeps the order without a merge.
    /// </summary>
    public LuceneDirectory Build(object[] sources, SearchOrder[] order, MarketKeys markets, string fingerprint)
    {
        var inMemory = options.IndexDirectory.Length == 0;
        var buildPath = inMemory ? "" : Path.Combine(options.IndexDirectory, $"building-{Guid.NewGuid():N}");
        var partCount = Math.Clamp(order.Length / options.DocumentsPerPart, 1, 2 * Environment.ProcessorCount);
        var parts = new LuceneDirectory[partCount];
        try
        {
            Parallel.For(0, partCount, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, p =>
            {
                parts[p] = inMemory ? new RAMDirectory() : FSDirectory.Open(Path.Combine(buildPath + "-parts", p.ToString(CultureInfo.InvariantCulture)));
                var config = new IndexWriterConfig(SearchAnalyzer.Version, SearchAnalyzer.Instance)
                {
                    OpenMode = OpenMode.CREATE,
                    RAMBufferSizeMB = 128,
                    UseCompoundFile = false,
                    // Merges only neighbouring segments, so a part that flushes more than once stays in order.
                    MergePolicy = new LogByteSizeMergePolicy(),
                };
                using var writer = new IndexWriter(parts[p], config);
                var to = (int)((long)order.Length * (p + 1) / partCount);
                for (var i = (int)((long)order.Length * p / partCount); i < to; i++)
                {
                    writer.AddDocument(SearchItems.From(sources[order[i].Source], markets).ToDocument(markets));
                }
                writer.Commit();
            });
            LuceneDirectory directory = inMemory ? new RAMDirectory() : FSDirectory.Open(buildPath);
            var joined = new IndexWriterConfig(SearchAnalyzer.Version, SearchAnalyzer.Instance)
            {
                OpenMode = OpenMode.CREATE,
                MergePolicy = NoMergePolicy.NO_COMPOUND_FILES,
            };
            using (var writer = new IndexWriter(directory, joined))
            {
                writer.AddIndexes(parts);
                writer.Commit();
            }
            if (inMemory)
            {
                return directory;
            }
            directory.Dispose();
        }
        finally
        {
            foreach (var part in parts)
            {
                part?.Dispose();
            }
            if (!inMemory && System.IO.Directory.Exists(buildPath + "-parts"))
            {
                System.IO.Directory.Delete(buildPath + "-parts", recursive: true);
            }
        }
        var finalPath = Path.Combine(options.IndexDirectory, fingerprint);
        try
        {
            System.IO.Directory.Move(buildPath, finalPath);
        }
        catch (IOException) when (System.IO.Directory.Exists(finalPath))
        {
            // Another node sharing the folder built the same index first.
            System.IO.Directory.Delete(buildPath, recursive: true);
        }
        RemoveOtherIndexes(fingerprint);
        return FSDirectory.Open(finalPath);
    }

    /// <summary>Indexes of older catalogs are of no further use.</summary>
    private void RemoveOtherIndexes(string keep)
    {
        foreach (var dir in new DirectoryInfo(options.IndexDirectory).EnumerateDirectories("v*"))
        {
            if (dir.Name != keep)
            {
                try
                {
                    dir.Delete(recursive: true);
                }
                catch (IOException e)
                {
                    logger.LogWarning(e, "Could not remove the old search index {Path}.", dir.FullName);
                }
            }
        }
    }
}
