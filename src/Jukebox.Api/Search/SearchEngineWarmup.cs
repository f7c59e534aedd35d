using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;

namespace Jukebox.Api.Search;

/// <summary>
/// Lucene.NET's first index in a process pays for its one-time start: codecs and formats found by
/// reflection, static tables, the analyzer's first token streams. Done on a throwaway in-memory index
/// of one document while the server prepares its database, that cost is off the path of the catalog's
/// own index, which a start's first search waits for.
/// </summary>
public static class SearchEngineWarmup
{
    public static Task Start() => Task.Run(() =>
    {
        using var directory = new RAMDirectory();
        // CREATE: the directory is new and empty (the default first looks for an index there, and throws and catches twice).
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(SearchAnalyzer.Version, SearchAnalyzer.Instance) { OpenMode = OpenMode.CREATE }))
        {
            writer.AddDocument(
            [
                new StringField(SearchFields.Type, "track", Field.Store.NO),
                new StringField(SearchFields.Id, "warmup", Field.Store.YES),
                new TextField(SearchFields.Name, "Warming up", Field.Store.NO),
                new NumericDocValuesField(SearchFields.Rank, 1),
                new Int32Field(SearchFields.Year, 2000, Field.Store.NO),
            ]);
            writer.Commit();
        }
        using var reader = DirectoryReader.Open(directory);
        new IndexSearcher(reader).Search(new TermQuery(new Term(SearchFields.Name, "warming")), 1);
    });
}
