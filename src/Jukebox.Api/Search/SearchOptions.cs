namespace Jukebox.Api.Search;

public sealed class SearchOptions
{
    /// <summary>Where the catalog index is kept between runs; empty keeps it in memory and rebuilds it at every start.</summary>
    public string IndexDirectory { get; set; } = "";

    /// <summary>How many documents one thread writes into a part of the index (fewer parts than this gives are not made).</summary>
    internal int DocumentsPerPart { get; set; } = 100_000;

    /// <summary>
    /// Memory for the documents of frequent words, per type, kept between searches so that their
    /// postings are not read again at every search; 0 keeps none.
    /// </summary>
    public int WordCacheMegabytes { get; set; } = 64;

    /// <summary>Words found in fewer documents of a type are not kept: they are cheap to read again.</summary>
    internal int CachedWordMinimum { get; set; } = 4096;

    /// <summary>
    /// Documents changed since the index was built (or a tenth of the index, if more) beyond which a
    /// change builds the index anew rather than patching it: each search also looks through them.
    /// </summary>
    public int MaxPatchedDocuments { get; set; } = 50_000;
}
