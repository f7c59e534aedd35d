using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Jukebox.Accounts;
using Jukebox.Accounts.Apps;
using Jukebox.Api.Catalog.Stored;
using Jukebox.Api.Search;
using Jukebox.Data.Seeding;
using Jukebox.Data.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Jukebox.Server;

/// <summary>
/// The state a fresh SQLite data folder starts with (the demo catalog, the demo user and app, and the
/// catalog's search index), kept in a cache folder of the machine and copied into the next fresh data
/// folder instead of being seeded and indexed again: what a test suite that starts a server per run
/// waits for (bench/docs/startup.md). The first fresh start of the day seeds as before and leaves
/// the template behind; later ones copy it. A template belongs to one build of the server, one day of
/// the server's clock (the demo catalog's new releases and the demo user's history follow the day) and
/// one demo configuration; anything else gets a template of its own. It never holds a key: the Data
/// Protection keys are made per data folder after the copy (<see cref="JukeboxHost.InitializeAsync"/>).
/// </summary>
internal sealed class DemoTemplate(
    JukeboxOptions options, IOptions<DemoOptions> demo, IOptions<SearchOptions> search, IOptions<CatalogFileOptions> catalogFile,
    TimeProvider clock, ILogger<DemoTemplate> logger)
{
    private const string DatabaseFile = "jukebox.db";
    private const string IndexFolder = "search";
    private const string CatalogFolder = "catalog";
    private const string StagingPrefix = ".staging-";

    /// <summary>How many templates the cache keeps (other builds, days or configurations are removed).</summary>
    private const int Kept = 4;

    private readonly Lazy<Target?> _target = new(() => Resolve(options, search.Value, catalogFile.Value));
    private (string Folder, string Key)? _staging;

    /// <summary>The folder templates are kept in: the setting, or the user's cache folder.</summary>
    public static string DefaultDirectory()
    {
        var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (string.IsNullOrEmpty(cache))
        {
            cache = OperatingSystem.IsWindows()
                ? Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData)
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        }
        return cache.Length == 0 || !Path.IsPathRooted(cache) ? "" : Path.Combine(cache, "jukebox", "demo-templates");
    }

    /// <summary>Whether a template was copied into this data folder (it was then not seeded here).</summary>
    public bool Restored { get; private set; }

    /// <summary>
    /// Copies the template into a data folder that has no database yet, when one is kept for this build,
    /// day and configuration. Runs before anything opens the database.
    /// </summary>
    public bool TryRestore()
    {
        if (_target.Value is not { } target || File.Exists(target.DatabasePath))
        {
            return false;
        }
        var template = Path.Combine(target.Directory, Key());
        if (!File.Exists(Path.Combine(template, DatabaseFile)))
        {
            logger.LogInformation("No demo template {Template} for this build, day and configuration yet; seeding.", template);
            return false;
        }
        string[] indexes = [];
        try
        {
            indexes = [.. Directory.EnumerateDirectories(Path.Combine(template, IndexFolder)).Select(d => Path.GetFileName(d))];
            CopyInto(Path.Combine(template, IndexFolder), target.IndexDirectory);
            if (target.CatalogDirectory.Length > 0 && Directory.Exists(Path.Combine(template, CatalogFolder)))
            {
                CopyInto(Path.Combine(template, CatalogFolder), target.CatalogDirectory);
            }
            var partial = target.DatabasePath + ".partial";
            File.Copy(Path.Combine(template, DatabaseFile), partial, overwrite: true);
            File.Move(partial, target.DatabasePath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Another process removing an old template, or a full disk: seed as without a template, and
            // leave no part of the copy behind (a half-copied index would be taken for a whole one).
            logger.LogWarning("Could not copy the demo template {Template} ({Reason}); seeding instead.", template, e.Message);
            File.Delete(target.DatabasePath + ".partial");
            foreach (var index in indexes)
            {
                TryDelete(Path.Combine(target.IndexDirectory, index));
            }
            if (target.CatalogDirectory.Length > 0)
            {
                TryDelete(target.CatalogDirectory);
            }
            return false;
        }
        Restored = true;
        logger.LogInformation("The new data folder was made from the demo template in {Template}.", template);
        return true;
    }

    /// <summary>
    /// After a fresh data folder was seeded (before its first Data Protection key and its first request):
    /// a copy of its database, aside in the cache, completed by <see cref="Publish"/> once the
    /// search index is built.
    /// </summary>
    public void StageDatabase(string connectionString)
    {
        if (_target.Value is not { } target || Restored)
        {
            return;
        }
        try
        {
            var staging = Path.Combine(target.Directory, StagingPrefix + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(staging);
            using (var source = new SqliteConnection(connectionString))
            using (var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(staging, DatabaseFile), Pooling = false }.ToString()))
            {
                source.Open();
                copy.Open();
                source.BackupDatabase(copy);
                using var command = copy.CreateCommand();
                // Nothing that is secret to a data folder: these are empty at this point, and stay so in the template.
                command.CommandText = """DELETE FROM "DataProtectionKeys"; DELETE FROM "OpenIddictTokens"; DELETE FROM "OpenIddictAuthorizations";""";
                command.ExecuteNonQuery();
            }
            _staging = (staging, Key());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SqliteException)
        {
            logger.LogWarning("Could not keep a demo template in {Directory} ({Reason}).", target.Directory, e.Message);
        }
    }

    /// <summary>Adds the search index and the stored catalog to the staged copy and makes it the template of its key.</summary>
    public void Publish()
    {
        if (_target.Value is not { } target || _staging is not var (staging, key))
        {
            return;
        }
        _staging = null;
        var template = Path.Combine(target.Directory, key);
        try
        {
            CopyInto(target.IndexDirectory, Path.Combine(staging, IndexFolder));
            if (target.CatalogDirectory.Length > 0 && Directory.Exists(target.CatalogDirectory))
            {
                CopyInto(target.CatalogDirectory, Path.Combine(staging, CatalogFolder));
            }
            Directory.Move(staging, template);
            logger.LogInformation("Kept the new data folder as the demo template in {Template}.", template);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Most often another server published the same template first.
            TryDelete(staging);
        }
        RemoveOld(target.Directory, keep: template);
    }

    private string Key()
    {
        var day = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var settings = demo.Value;
        var text = new StringBuilder("jukebox demo template 1\n")
            .AppendLine(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .AppendLine(options.CatalogSize.ToString(CultureInfo.InvariantCulture))
            // The secret and the password are brought in line with the configuration at every start, so
            // they need no template of their own (and are not written into a folder name, even hashed).
            .AppendJoin('\n', settings.Enabled, settings.AppName, settings.ClientId, settings.RedirectUri, settings.UserId,
                settings.UserDisplayName, settings.UserEmail, settings.UserCountry, settings.QuotaMode)
            .AppendLine();
        // The builds whose code writes the template: the schema and seeding, the index, the accounts.
        foreach (var assembly in new[]
                 {
                     typeof(JukeboxHost).Assembly, typeof(CatalogSeeder).Assembly, typeof(SqliteStorage).Assembly,
                     typeof(CatalogSearchIndex).Assembly, typeof(DemoAccounts).Assembly, typeof(Lucene.Net.Index.IndexWriter).Assembly,
                     typeof(SqliteConnection).Assembly, typeof(OpenIddict.Abstractions.OpenIddictConstants).Assembly,
                 })
        {
            text.AppendLine(assembly.ManifestModule.ModuleVersionId.ToString("N"));
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..32];
    }

    private static Target? Resolve(JukeboxOptions options, SearchOptions search, CatalogFileOptions catalogFile)
    {
        var directory = options.DemoTemplateDirectory ?? DefaultDirectory();
        // Only what a template can stand for: the demo catalog alone (a synthetic extension would make it
        // large), on SQLite, with the search index on disk.
        if (directory.Length == 0 || !options.DemoCatalog || options.CatalogSize > 0 || search.IndexDirectory.Length == 0)
        {
            return null;
        }
        var (provider, connectionString) = JukeboxHost.ResolveStorage(options);
        if (provider != "sqlite")
        {
            return null;
        }
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode == SqliteOpenMode.Memory || builder.DataSource.Length == 0 || builder.DataSource == ":memory:")
        {
            return null;
        }
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        return new Target(Path.GetFullPath(directory), Path.GetFullPath(builder.DataSource), search.IndexDirectory, catalogFile.Directory);
    }

    private static void CopyInto(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var folder in Directory.EnumerateDirectories(from))
        {
            var name = Path.GetFileName(folder);
            if (!name.StartsWith("building-", StringComparison.Ordinal))
            {
                CopyInto(folder, Path.Combine(to, name));
            }
        }
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
        }
    }

    /// <summary>
    /// Templates of other builds or days, and copies left half-made by a server that stopped early (by the
    /// files' times, so on the wall clock, not the server's).
    /// </summary>
    private static void RemoveOld(string directory, string keep)
    {
        var folders = new DirectoryInfo(directory).EnumerateDirectories().Where(d => d.FullName != keep).ToList();
        var staged = folders.Where(d => d.Name.StartsWith(StagingPrefix, StringComparison.Ordinal)).ToList();
        var old = folders.Except(staged).OrderByDescending(d => d.CreationTimeUtc).Skip(Kept - 1)
            .Concat(staged.Where(d => d.CreationTimeUtc < TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(-1)));
        foreach (var folder in old)
        {
            TryDelete(folder.FullName);
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Another process is copying it; it goes next time.
        }
    }

    private sealed record Target(string Directory, string DatabasePath, string IndexDirectory, string CatalogDirectory);
}
