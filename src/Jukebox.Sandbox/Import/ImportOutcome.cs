namespace Jukebox.Sandbox.Import;

/// <summary>What an import did: objects made and changed per kind, and the records it could not import.</summary>
public sealed class ImportOutcome
{
    public ImportCounts Artists { get; } = new();
    public ImportCounts Albums { get; } = new();
    public ImportCounts Tracks { get; } = new();
    public List<ImportFailure> Failures { get; } = [];

    /// <summary>Whether the changes were committed (false: nothing was written).</summary>
    public bool Written { get; set; }

    public int Imported => Artists.Imported + Albums.Imported + Tracks.Imported;
    public int Updated => Artists.Updated + Albums.Updated + Tracks.Updated;

    public bool Complete => Written && Failures.Count == 0;

    /// <summary>After a rollback: nothing was made nor changed.</summary>
    public void Discard()
    {
        foreach (var counts in new[] { Artists, Albums, Tracks })
        {
            counts.Imported = 0;
            counts.Updated = 0;
        }
    }

    public string Summary =>
        $"imported {Imported} (artists {Artists.Imported}, albums {Albums.Imported}, tracks {Tracks.Imported}), " +
        $"updated {Updated} (artists {Artists.Updated}, albums {Albums.Updated}, tracks {Tracks.Updated}), " +
        $"failed {Failures.Count}" + (Written ? "" : "; nothing was written");
}

public sealed class ImportCounts
{
    public int Imported { get; set; }
    public int Updated { get; set; }
}
