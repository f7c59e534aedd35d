using Jukebox.Sandbox;
using System.CommandLine;
using System.Globalization;
using Jukebox.Accounts;
using Microsoft.Extensions.Options;

namespace Jukebox.Server;

/// <summary>
/// The command line: `jukebox` serves, `jukebox seed` only prepares the database,
/// `jukebox import` loads a catalog of one's own. Options map onto
/// configuration keys, which can also come from appsettings.json or JUKEBOX_* environment variables.
/// </summary>
internal static class JukeboxCommandLine
{
    /// <summary>
    /// How long a stop signal (SIGTERM, Ctrl+C) leaves the command to end before System.CommandLine ends
    /// the process (2 s by default). The server stops as its host does, within the host's own shutdown
    /// timeout (30 s): the background writes end, the database closes and an ephemeral run's folder is
    /// removed last. Cut off at 2 s, a stop under load left that folder behind, or exited with 1.
    /// </summary>
    private static readonly TimeSpan StopTimeout = new HostOptions().ShutdownTimeout + TimeSpan.FromSeconds(10);

    public static Task<int> InvokeAsync(string[] args) =>
        Create().Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = StopTimeout });

    public static RootCommand Create()
    {
        var urls = new Option<string?>("--urls") { Description = "Where to listen (default http://127.0.0.1:8080; env JUKEBOX_URLS)" };
        var publicUrl = new Option<string?>("--public-url") { Description = "Base of every URL the API returns (env JUKEBOX_PUBLICBASEURL)" };
        var dataDir = new Option<string?>("--data-dir") { Description = "Folder for the SQLite database (default ./data; env JUKEBOX_DATADIRECTORY)" };
        var database = new Option<string?>("--database") { Description = "sqlite or postgres (env JUKEBOX_DATABASE__PROVIDER)" };
        var connection = new Option<string?>("--connection-string") { Description = "Database connection string (env JUKEBOX_DATABASE__CONNECTIONSTRING)" };
        var catalogSize = new Option<long?>("--catalog-size") { Description = "Tracks to generate when seeding a new database (env JUKEBOX_CATALOGSIZE)" };
        var redis = new Option<string?>("--redis") { Description = "Redis shared by several nodes, e.g. 127.0.0.1:6379 (default none: one node; env JUKEBOX_REDIS__CONFIGURATION)" };
        var ephemeral = new Option<bool>("--ephemeral") { Description = "Keep all state in a temporary folder removed at exit (SQLite; env JUKEBOX_EPHEMERAL)" };
        var readyFile = new Option<string?>("--ready-file") { Description = "Write the base URL to this file once the server answers (env JUKEBOX_READYFILE)" };
        var logRequests = new Option<bool>("--log-requests") { Description = "Print one line per Web API and token request (env JUKEBOX_SANDBOX__LOGREQUESTS)" };
        var noDemoCatalog = new Option<bool>("--no-demo-catalog") { Description = "Seed a new database without the demo catalog, e.g. for a catalog of your own (`import`; env JUKEBOX_DEMOCATALOG=false)" };
        Option[] all = [urls, publicUrl, dataDir, database, connection, catalogSize, redis, ephemeral, readyFile, logRequests, noDemoCatalog];

        IEnumerable<KeyValuePair<string, string?>> Overrides(ParseResult parsed)
        {
            (string Key, string? Value)[] pairs =
            [
                ("Urls", parsed.GetValue(urls)),
                ("PublicBaseUrl", parsed.GetValue(publicUrl)),
                ("DataDirectory", parsed.GetValue(dataDir)),
                ("Database:Provider", parsed.GetValue(database)),
                ("Database:ConnectionString", parsed.GetValue(connection)),
                ("CatalogSize", parsed.GetValue(catalogSize)?.ToString(CultureInfo.InvariantCulture)),
                ("Redis:Configuration", parsed.GetValue(redis)),
                ("Ephemeral", parsed.GetValue(ephemeral) ? "true" : null),
                ("ReadyFile", parsed.GetValue(readyFile)),
                ("Sandbox:LogRequests", parsed.GetValue(logRequests) ? "true" : null),
                ("DemoCatalog", parsed.GetValue(noDemoCatalog) ? "false" : null),
            ];
            return pairs.Where(p => p.Value is not null).Select(p => new KeyValuePair<string, string?>(p.Key, p.Value));
        }

        var seed = new Command("seed", "Create or upgrade the database and seed the catalog, then exit");
        foreach (var option in all)
        {
            seed.Options.Add(option);
        }
        seed.SetAction(async (parsed, ct) =>
        {
            var app = JukeboxHost.Build(JukeboxHost.CreateBuilder(Overrides(parsed)));
            var run = app.Services.GetRequiredService<ThrowawayRun>();
            try
            {
                await JukeboxHost.InitializeAsync(app, ct, serving: false);
            }
            finally
            {
                await app.DisposeAsync();
                run.CleanUp();
            }
            return 0;
        });

        var root = new RootCommand("Jukebox: a self-hostable Spotify Web API and Accounts service");
        foreach (var option in all)
        {
            root.Options.Add(option);
        }
        root.Subcommands.Add(seed);
        root.Subcommands.Add(ImportCommand.Create(all, Overrides));
        root.SetAction(async (parsed, ct) =>
        {
            var app = JukeboxHost.Build(JukeboxHost.CreateBuilder(Overrides(parsed)));
            var run = app.Services.GetRequiredService<ThrowawayRun>();
            try
            {
                await JukeboxHost.InitializeAsync(app, ct);
                await app.StartAsync(ct);
                PrintBanner(app);
                run.AnnounceReady(app.Services.GetRequiredService<JukeboxOptions>().EffectivePublicBaseUrl);
                await app.WaitForShutdownAsync(ct);
            }
            finally
            {
                await app.DisposeAsync();
                run.CleanUp();
            }
            return 0;
        });
        return root;
    }

    private static void PrintBanner(WebApplication app)
    {
        var options = app.Services.GetRequiredService<JukeboxOptions>();
        var demo = app.Services.GetRequiredService<IOptions<DemoOptions>>().Value;
        var sandbox = app.Services.GetRequiredService<IOptions<SandboxOptions>>().Value;
        var (provider, _) = JukeboxHost.ResolveStorage(options);
        var baseUrl = options.EffectivePublicBaseUrl;
        var redis = app.Configuration["Redis:Configuration"];
        Console.WriteLine($"""

            Jukebox is running at {baseUrl}
              Web API:   {baseUrl}/v1/...        (instead of https://api.spotify.com/v1)
              Accounts:  {baseUrl}/authorize, {baseUrl}/api/token   (instead of https://accounts.spotify.com)
              Database:  {provider}{(provider == "sqlite" ? " at " + Path.GetFullPath(string.IsNullOrWhiteSpace(options.Database.SqlitePath) ? Path.Combine(options.DataDirectory, "jukebox.db") : options.Database.SqlitePath) : "")}
              Nodes:     {(string.IsNullOrWhiteSpace(redis) ? "this one only (no Redis)" : "shared through Redis")}
              Start at:  {baseUrl}/   (dashboard {baseUrl}/dashboard, web player {baseUrl}/player)
              Docs:      {baseUrl}/docs   (contracts: {baseUrl}/openapi/spotify.yml{(sandbox.Enabled ? $", sandbox API {baseUrl}/sandbox/openapi.json" : "")})
              Sandbox:   {(!sandbox.Enabled ? "off" : string.IsNullOrEmpty(sandbox.AdminKey) ? "on (no admin key: anyone who reaches this server may use it)" : "on, with an admin key")}
            """);
        if (demo.Enabled)
        {
            Console.WriteLine($"""
              Demo app:  client_id={demo.ClientId}
                         client_secret={demo.ClientSecret}
                         redirect_uri={demo.RedirectUri}
              Demo user: {demo.UserEmail} / {demo.UserPassword} (id {demo.UserId}, Premium)
              Try:       curl -s -u {demo.ClientId}:{demo.ClientSecret} -d grant_type=client_credentials {baseUrl}/api/token

            """);
        }
    }
}
