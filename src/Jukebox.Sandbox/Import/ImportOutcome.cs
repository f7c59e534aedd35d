namespace Jukebox.Sandbox.Import;

/// <summary>What an import did: objects made and changed per kind, and the records it could not import.</summary>
public sealed class ImportOutcome
{
    public ImportCounts Artists { get; } = new();
    public ImportCounts Albums { get; } = new();
    public ImportCounts Tracks { get; } = new();
    public ImportCounts Shows { get; } = new();
    public ImportCounts Episodes { get; } = new();
    public ImportCounts Audiobooks { get; } = new();
    public ImportCounts Chapters { get; } = new();
    public ImportCounts Playlists { get; } = new();
    public List<ImportFailure> Failures { get; } = [];

    /// <summary>Whether the changes were committed (false: nothing was written).</summary>
    public bool Written { get; set; }

    public int Imported => All.Sum(k => k.Counts.Imported);
    public int Updated => All.Sum(k => k.Counts.Updated);

    /// <summary>Every kind, by name.</summary>
    private IEnumerable<(string Name, ImportCounts Counts)> All =>
    [
        ("artists", Artists), ("albums", Albums), ("tracks", Tracks), ("shows", Shows), ("episodes", Episodes),
        ("audiobooks", Audiobooks), ("chapters", Chapters), ("playlists", Playlists),
    ];

    public bool Complete => Written && Failures.Count == 0;

    /// <summary>After a rollback: nothing was made nor changed.</summary>
    public void Discard()
    {
        foreach (var (_, counts) in All)
        {
            counts.Imported = 0;
            counts.Updated = 0;
        }
    }

    /// <summary>What was made and changed of artists, albums and tracks, and of the other kinds when there were any.</summary>
    public string Summary =>
        $"imported {Imported} ({Per(c => c.Imported)}), updated {Updated} ({Per(c => c.Updated)}), " +
        $"failed {Failures.Count}" + (Written ? "" : "; nothing was written");

    private string Per(Func<ImportCounts, int> count) => string.Join(", ", All
        .Where((k, i) => i < 3 || k.Counts.Imported + k.Counts.Updated > 0)
        .Select(k => $"{k.Name} {count(k.Counts)}"));
}

public sealed class ImportCounts
{
    public int Imported { get; set; }
    public int Updated { get; set; }
}
