using Jukebox.Accounts;
using Jukebox.Accounts.Apps;
using Jukebox.Accounts.Tokens;
using Jukebox.Cluster;
using Jukebox.Api;
using Jukebox.Api.Catalog;
using Jukebox.Api.Catalog.Stored;
using Jukebox.Api.Http;
using Jukebox.Api.Http.Policies;
using Jukebox.Api.Search;
using Jukebox.Data;
using Jukebox.Data.Seeding;
using Jukebox.Data.Sqlite;
using Jukebox.Sandbox;
using Jukebox.Sandbox.Faults;
using Jukebox.Sandbox.Requests;
using Jukebox.Sandbox.Clock;
using Jukebox.Web;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Jukebox.Server;

/// <summary>Composes the server: configuration, storage, the Accounts service and the Web API.</summary>
public static class JukeboxHost
{
    /// <param name="overrides">Settings that win over appsettings and JUKEBOX_ environment variables (the command line's).</param>
    public static WebApplicationBuilder CreateBuilder(IEnumerable<KeyValuePair<string, string?>> overrides, string? contentRoot = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = contentRoot ?? AppContext.BaseDirectory,
        });
        // Beneath everything else, appsettings.json as it was built in: a copy of the server without the
        // file beside it (a single-file build copied on its own) starts with the same defaults.
        builder.Configuration.Sources.Insert(0, BuiltInSettings());
        builder.Configuration.AddEnvironmentVariables("JUKEBOX_");
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in overrides)
        {
            settings[key] = value; // the last one given wins
        }
        builder.Configuration.AddInMemoryCollection(settings);

        var options = builder.Configuration.Get<JukeboxOptions>() ?? new JukeboxOptions();
        builder.Services.AddSingleton(ThrowawayRun.Prepare(options));
        builder.Services.AddSingleton(options);
        builder.WebHost.UseUrls(options.Urls.Split(';'));
        // The server's clock: the system's, moved ahead by the sandbox's offset (shared by every node).
        builder.Services.AddServerClock(TimeProvider.System);

        var (provider, connectionString) = ResolveStorage(options);
        builder.Services.AddDbContextPool<JukeboxDbContext>(db =>
        {
            if (provider == "postgres")
            {
                PostgresOnly.Configure(db, connectionString);
            }
            else
            {
                SqliteStorage.Configure(db, connectionString);
            }
            db.AddInterceptors(NulTextGuard.Instance);
            // Every failure EF Core reports here also reaches code that logs it once: the exception handler
            // (an error with its stack trace, or one warning line when the database is unreachable) or the
            // background work that tried. Logged here too, an outage would print stack traces per query.
            db.ConfigureWarnings(warnings => warnings.Log(
                (RelationalEventId.CommandError, LogLevel.Debug),
                (RelationalEventId.ConnectionError, LogLevel.Debug),
                (RelationalEventId.TransactionError, LogLevel.Debug),
                (CoreEventId.QueryIterationFailed, LogLevel.Debug),
                (CoreEventId.SaveChangesFailed, LogLevel.Debug)));
        });
        // First of the hosted services, so that it stops last: the work a start left running ends before the exit.
        builder.Services.AddHostedService<PendingWork>();
        // Which failures mean "the database is unreachable" (503, keep going) rather than a bug.
        builder.Services.AddSingleton<DatabaseOutages>(provider == "postgres" ? PostgresOnly.Outages() : new SqliteOutages());
        builder.Services.AddHostedService<DatabaseWatch>();
        if (provider != "postgres")
        {
            // On the wall clock, not the server's: copying the log is about the disk's time, and a test's fake
            // clock moved on by months would otherwise run this timer once per 250 ms of that leap.
            builder.Services.AddHostedService(sp => new SqliteCheckpoints(
                connectionString, TimeProvider.System, sp.GetRequiredService<ILogger<SqliteCheckpoints>>()));
        }
        builder.Services.AddScoped<CatalogSeeder>();
        if (options.GiveBackStartupMemory)
        {
            builder.Services.AddHostedService<StartupMemory>();
        }

        builder.Services.AddSingleton<DemoTemplate>();
        builder.Services.AddHostedService<DemoTemplateWriter>();

        // The search index is kept next to the SQLite file unless Search:IndexDirectory says otherwise ("" = in
        // memory). An ephemeral run keeps it in its temporary folder, removed with it.
        // The built catalog is kept beside them, in the same way (CatalogFile:Directory, "" = none).
        string InDataFolder(string setting, string folder)
        {
            var path = options.Ephemeral ? Path.Combine(options.DataDirectory, folder) : builder.Configuration[setting] ?? Path.Combine(options.DataDirectory, folder);
            return path.Length == 0 ? "" : Path.GetFullPath(path);
        }
        var searchIndex = InDataFolder("Search:IndexDirectory", "search");
        builder.Services.PostConfigure<SearchOptions>(search => search.IndexDirectory = searchIndex);
        var catalogFile = InDataFolder("CatalogFile:Directory", "catalog");
        builder.Services.PostConfigure<CatalogFileOptions>(file => file.Directory = catalogFile);
        builder.Services.AddJukeboxApi(options.EffectivePublicBaseUrl);
        builder.Services.AddJukeboxAccounts(builder.Configuration, options.EffectivePublicBaseUrl);
        builder.Services.AddJukeboxSandbox();
        builder.Services.AddJukeboxWeb();
        builder.Services.AddJukeboxCluster(builder.Configuration);
        builder.Services.AddCors();
        builder.Services.AddJukeboxProxies(builder.Configuration);
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
            .AddCheck<CatalogHealthCheck>("catalog", tags: ["ready"])
            .AddCheck<SearchHealthCheck>("search", tags: ["ready"]);
        return builder;
    }

    private static MemoryConfigurationSource BuiltInSettings()
    {
        using var stream = typeof(JukeboxHost).Assembly.GetManifestResourceStream("appsettings.json")
            ?? throw new InvalidOperationException("appsettings.json is not embedded in the server assembly.");
        return new MemoryConfigurationSource { InitialData = new ConfigurationBuilder().AddJsonStream(stream).Build().AsEnumerable() };
    }

    /// <summary>
    /// The marks UseAuthentication, UseAuthorization and UseAntiforgery leave on an application, which
    /// WebApplication looks for before it adds its own in front of the whole pipeline. A branch's calls
    /// leave them on the branch only.
    /// </summary>
    private static readonly string[] MiddlewareSetKeys = ["__AuthenticationMiddlewareSet", "__AuthorizationMiddlewareSet", "__AntiforgeryMiddlewareSet"];

    public static WebApplication Build(WebApplicationBuilder builder)
    {
        var app = builder.Build();
        // Before routing: the first request for a page maps the pages (see PagesOnFirstRequest).
        app.UsePagesOnFirstRequest();
        app.UseRouting();
        // First: everything after it sees the client's scheme and address (see ProxySetup). Without a
        // configured proxy nothing is believed, and the middleware would only cost every request time.
        if (app.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value.ForwardedHeaders != ForwardedHeaders.None)
        {
            app.UseForwardedHeaders();
        }
        app.UseHsts();
        app.UsePageSecurityHeaders();
        // Outside the exception handler: the request log records the status the client got.
        app.UseSandboxRequestLog();
        app.UseExceptionHandler();
        app.UseStatusCodePages(SpotifyStatusPages.WriteAsync);
        // A body over its endpoint's limit is refused (413) before anything reads it.
        app.UseBodyLimits();
        // Spotify answers cross-origin requests from any site (browser apps call the API and /api/token
        // directly). Not the sandbox: no browser page may drive it (see SandboxGuard).
        app.UseWhen(context => !SandboxSetup.IsSandboxPath(context.Request.Path),
            api => api.UseSpotifyCors());
        // The sandbox API's guard, before anything of a sandbox request is read or counted.
        app.UseSandboxGuard();
        // Per-app request counts for the dashboard's chart (in memory, flushed every few seconds).
        app.UseAppRequestCounting();
        // Endpoint rate-limit policies (the login page's attempts per client), before any work is done for them.
        app.UseRateLimiter();
        // Token requests sent with their parameters in the query string, as accounts.spotify.com takes them.
        app.UseTokenQueryParameters();
        // Inside the exception handler: OpenIddict reads the database while it handles /api/token and
        // /authorize, and a failure there (such as an outage) must become a proper error response. Called
        // here, WebApplication does not add one of its own in front of the whole pipeline (it looks for
        // the mark UseAuthentication leaves on the application, which a branch's call does not). Not for
        // /v1: its route policy authenticates with the bearer scheme, which prepares OpenIddict's
        // validation itself when a token is not already known (see BearerTokenHandler). Authorization
        // and antiforgery neither: no Web API route has their metadata (UseApiAuthentication enforces
        // the bearer token), and on the busiest path they only cost time.
        app.UseWhen(context => !ApiEndpoints.IsApiPath(context.Request.Path), other =>
        {
            other.UseAuthentication();
            other.UseAuthorization();
            other.UseAntiforgery();
        });
        foreach (var mark in MiddlewareSetKeys)
        {
            ((IApplicationBuilder)app).Properties[mark] = true;
        }
        // Every Web API route's bearer token: a token validated before costs one probe of the token cache.
        app.UseApiAuthentication();
        // Sandbox faults, once the caller is known and before the rate limits count the request.
        app.UseSandboxFaults();
        // Each Web API route's policy (rate limits, then scopes); after the bearer token named the app.
        app.UseRoutePolicies();

        app.MapJukeboxAccounts().WithMetadata(ErrorShape.OAuth);
        app.MapJukeboxWeb(pages => pages.WithMetadata(ErrorShape.Page));
        app.MapJukeboxSandbox();
        app.MapJukeboxApi();
        app.MapHealthChecks("/healthz", new() { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new() { Predicate = check => check.Tags.Contains("ready"), ResponseWriter = ReadinessResponse.WriteAsync });
        return app;
    }

    /// <summary>
    /// Brings the database to the current schema, then seeds what a new one lacks and makes the first
    /// Data Protection key. Nodes that start at once on one PostgreSQL database take turns (an advisory
    /// lock held by a connection of its own, released when it closes), so that only the first seeds and
    /// makes a key and the others find them; a SQLite file serves one machine, whose writes it serializes.
    /// </summary>
    /// <param name="serving">
    /// Whether the server is about to serve (false for a command that initializes the database and exits,
    /// such as `jukebox seed` or `jukebox import`, which has no use for the catalog in memory).
    /// </param>
    public static async Task InitializeAsync(WebApplication app, CancellationToken ct, bool serving = true)
    {
        if (serving)
        {
            // On the other core while the database is prepared; see SearchEngineWarmup.
            _ = SearchEngineWarmup.Start();
        }
        var options = app.Services.GetRequiredService<JukeboxOptions>();
        var template = app.Services.GetRequiredService<DemoTemplate>();
        template.TryRestore();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JukeboxDbContext>();
        // Asked of SQLite's provider: asking Npgsql's would load it (and its assemblies) on SQLite too.
        await using var turn = db.Database.IsSqlite()
            ? null
            : await PostgresOnly.LockInitializationAsync(db.Database.GetConnectionString()!, ct);
        await SchemaMigration.MigrateAsync(db.Database, ct);
        if (db.Database.IsSqlite())
        {
            await SqliteStorage.PrepareAsync(db, ct);
        }
        var seeded = await scope.ServiceProvider.GetRequiredService<CatalogSeeder>().SeedAsync(options.CatalogSize, options.DemoCatalog, ct);
        if (serving)
        {
            LoadCatalogAlongside(app.Services);
        }
        await scope.ServiceProvider.GetRequiredService<DemoAccounts>().EnsureAsync(ct);
        if (seeded && serving && db.Database.IsSqlite())
        {
            template.StageDatabase(db.Database.GetConnectionString()!);
        }
        EnsureDataProtectionKey(app.Services);
        if (seeded)
        {
            // Nodes already running (this may be `jukebox seed` beside them) load the new catalog.
            app.Services.GetRequiredService<IClusterBus>().Publish(ClusterTopics.Catalog, "");
        }
    }

    /// <summary>
    /// The catalog is final once seeded (what follows writes accounts, not the catalog): its load and its
    /// search index start now and run beside the rest of the start, instead of after the server started.
    /// The warm-ups (<see cref="CatalogWarmup"/>, <see cref="SearchWarmup"/>) wait for the same tasks, and
    /// report and retry what fails.
    /// </summary>
    private static void LoadCatalogAlongside(IServiceProvider services)
    {
        var store = services.GetRequiredService<CatalogStore>();
        var index = services.GetRequiredService<CatalogSearchIndex>();
        _ = Task.Run(async () =>
        {
            try
            {
                await index.ForAsync(await store.GetAsync());
            }
            catch (Exception)
            {
                // Reported by the warm-ups, which try again.
            }
        });
    }

    /// <summary>
    /// Without a key, Data Protection makes one on its first use, and nodes starting at once would each
    /// make their own; made here, under the initialization lock, there is one. Keys follow the system
    /// clock, as Data Protection's choice of the default key does, whatever clock the server runs on.
    /// </summary>
    private static void EnsureDataProtectionKey(IServiceProvider services)
    {
        var keys = services.GetRequiredService<IKeyManager>();
        var now = TimeProvider.System.GetUtcNow();
        if (!keys.GetAllKeys().Any(key => !key.IsRevoked && key.ActivationDate <= now && key.ExpirationDate > now))
        {
            var lifetime = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<KeyManagementOptions>>().Value.NewKeyLifetime;
            keys.CreateNewKey(now, now + lifetime);
        }
    }

    internal static (string Provider, string ConnectionString) ResolveStorage(JukeboxOptions options)
    {
        var provider = options.Database.Provider.Trim().ToLowerInvariant();
        switch (provider)
        {
            case "postgres" or "postgresql":
                if (string.IsNullOrWhiteSpace(options.Database.ConnectionString))
                {
                    throw new InvalidOperationException("Database:ConnectionString is required for the postgres provider.");
                }
                return ("postgres", options.Database.ConnectionString);
            case "sqlite":
                if (!string.IsNullOrWhiteSpace(options.Database.ConnectionString))
                {
                    return ("sqlite", options.Database.ConnectionString);
                }
                var path = string.IsNullOrWhiteSpace(options.Database.SqlitePath)
                    ? Path.Combine(options.DataDirectory, "jukebox.db")
                    : options.Database.SqlitePath;
                path = Path.GetFullPath(path);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                return ("sqlite", SqliteStorage.ConnectionStringFor(path));
            default:
                throw new InvalidOperationException($"Unknown database provider '{options.Database.Provider}' (use sqlite or postgres).");
        }
    }
}

/// <summary>Bodies for responses no endpoint wrote, such as unknown paths, in Spotify's error shape.</summary>
internal static class SpotifyStatusPages
{
    public static Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var message = http.Response.StatusCode switch
        {
            StatusCodes.Status404NotFound => SpotifyErrors.ServiceNotFound,
            StatusCodes.Status405MethodNotAllowed => "Method not allowed",
            _ => ReasonPhrases.GetReasonPhrase(http.Response.StatusCode),
        };
        return SpotifyErrors.WriteAsync(http, http.Response.StatusCode, message);
    }
}

/// <summary>
/// Ready only while the database answers. A balancer polls often and must learn of an outage sooner
/// than a connection attempt gives up (Npgsql waits 15 s by default), so the check has its own bound.
/// </summary>
internal sealed class DatabaseHealthCheck(IServiceScopeFactory scopes, DatabaseOutages outages) : IHealthCheck
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // Wall-clock time on purpose: this bounds a wait on the network, not anything the server's clock decides.
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(Timeout);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<JukeboxDbContext>();
            // EF Core opens a connection of its own for this (not a pooled one, which may be dead), so a
            // returning database is seen at once.
            if (await db.Database.CanConnectAsync(bounded.Token))
            {
                return HealthCheckResult.Healthy();
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception e) when (outages.Recognize(e))
        {
            return HealthCheckResult.Unhealthy($"The database cannot be reached ({DatabaseOutages.Describe(e)}).");
        }
        outages.DropPooledConnections();
        return HealthCheckResult.Unhealthy("The database does not answer.");
    }
}

/// <summary>Ready once the in-memory catalog is loaded.</summary>
internal sealed class CatalogHealthCheck(CatalogStore store) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(store.IsLoaded
            ? HealthCheckResult.Healthy(store.LoadedFrom)
            : HealthCheckResult.Unhealthy("The catalog is still loading."));
}
