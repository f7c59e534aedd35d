namespace Jukebox.Server;

/// <summary>The server's own settings (configuration root, environment variables prefixed JUKEBOX_).</summary>
public sealed class JukeboxOptions
{
    /// <summary>Where Kestrel listens, e.g. http://127.0.0.1:8080.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:8080";

    /// <summary>The base of every absolute URL the server hands out; defaults to the first listening URL.</summary>
    public string PublicBaseUrl { get; set; } = "";

    public string DataDirectory { get; set; } = "data";

    /// <summary>Tracks the catalog should hold when a new database is seeded (0: the demo catalog only).</summary>
    public long CatalogSize { get; set; }

    /// <summary>Whether a new database gets the demo catalog (false: an empty catalog, for one's own, see `jukebox import`).</summary>
    public bool DemoCatalog { get; set; } = true;

    public DatabaseOptions Database { get; set; } = new();

    /// <summary>All state in a temporary folder, removed when the server stops (SQLite only).</summary>
    public bool Ephemeral { get; set; }

    /// <summary>A file that receives the base URL once the server answers, and is removed when it stops.</summary>
    public string ReadyFile { get; set; } = "";

    /// <summary>
    /// Whether the server gives the memory that starting used back to the system once it is warm
    /// (<see cref="StartupMemory"/>); a process hosting many servers (a test run) may turn it off.
    /// </summary>
    public bool GiveBackStartupMemory { get; set; } = true;

    /// <summary>
    /// Where the state of a fresh demo data folder is kept for the next fresh start to copy
    /// (<see cref="DemoTemplate"/>); unset: the user's cache folder; empty: none is kept.
    /// </summary>
    public string? DemoTemplateDirectory { get; set; }

    public string EffectivePublicBaseUrl =>
        (string.IsNullOrWhiteSpace(PublicBaseUrl) ? Urls.Split(';')[0] : PublicBaseUrl).TrimEnd('/');
}

public sealed class DatabaseOptions
{
    /// <summary>sqlite (embedded, the default) or postgres.</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>The SQLite file; defaults to jukebox.db in the data directory.</summary>
    public string SqlitePath { get; set; } = "";

    /// <summary>A full connection string; required for postgres, overrides SqlitePath for sqlite.</summary>
    public string ConnectionString { get; set; } = "";
}
