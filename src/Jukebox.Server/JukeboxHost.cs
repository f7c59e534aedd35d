using Jukebox.Accounts;
using Jukebox.Accounts.Apps;
using Jukebox.Accounts.RateLimits;
using Jukebox.Api;
using Jukebox.Api.Catalog;
using Jukebox.Api.Http;
using Jukebox.Api.Search;
using Jukebox.Data;
using Jukebox.Data.Postgres;
using Jukebox.Data.Seeding;
using Jukebox.Data.Sqlite;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

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
        builder.Configuration.AddEnvironmentVariables("JUKEBOX_");
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in overrides)
        {
            settings[key] = value; // the last one given wins
        }
        builder.Configuration.AddInMemoryCollection(settings);

        var options = builder.Configuration.Get<JukeboxOptions>() ?? new JukeboxOptions();
        builder.Services.AddSingleton(options);
        builder.WebHost.UseUrls(options.Urls.Split(';'));
        builder.Services.AddSingleton(TimeProvider.System);

        var (provider, connectionString) = ResolveStorage(options);
        builder.Services.AddDbContextPool<JukeboxDbContext>(db =>
        {
            if (provider == "postgres")
            {
                PostgresStorage.Configure(db, connectionString);
            }
            else
            {
                SqliteStorage.Configure(db, connectionString);
            }
        });
        if (provider != "postgres")
        {
            builder.Services.AddHostedService(sp => new SqliteCheckpoints(
                connectionString, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<SqliteCheckpoints>>()));
        }
        builder.Services.AddScoped<CatalogSeeder>();

        // The search index is kept next to the SQLite file unless Search:IndexDirectory says otherwise ("" = in memory).
        var searchIndex = builder.Configuration["Search:IndexDirectory"] ?? Path.Combine(options.DataDirectory, "search");
        var search = new SearchOptions();
        builder.Configuration.GetSection("Search").Bind(search);
        search.IndexDirectory = searchIndex.Length == 0 ? "" : Path.GetFullPath(searchIndex);
        builder.Services.AddJukeboxApi(options.EffectivePublicBaseUrl, search);
        builder.Services.AddJukeboxAccounts(builder.Configuration, options.EffectivePublicBaseUrl);
        builder.Services.AddCors();
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
            .AddCheck<CatalogHealthCheck>("catalog", tags: ["ready"])
            .AddCheck<SearchHealthCheck>("search", tags: ["ready"]);
        return builder;
    }

    public static WebApplication Build(WebApplicationBuilder builder)
    {
        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages(SpotifyStatusPages.WriteAsync);
        // Spotify answers cross-origin requests from any site (browser apps call the API directly).
        app.UseCors(cors => cors.AllowAnyOrigin().AllowAnyHeader().AllowAnyMethod());
        // Per-app request counts for the dashboard's chart (in memory, flushed every few seconds).
        app.UseAppRequestCounting();
        // The Web API authenticates through its authorization policy's own scheme; only the accounts
        // pages and endpoints need OpenIddict's and the cookie's per-request handling, which would
        // otherwise run on every API call too.
        app.UseWhen(context => !context.Request.Path.StartsWithSegments("/v1"), accounts => accounts.UseAuthentication());
        app.UseAuthorization();
        // Spotify's per-app limits over a rolling 30 s window; after authorization, which names the app.
        app.UseAppRateLimits();
        app.UseAntiforgery();

        app.MapJukeboxAccounts();
        app.MapJukeboxApi(AccountsSetup.ApiPolicy);
        app.MapHealthChecks("/healthz", new() { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new() { Predicate = check => check.Tags.Contains("ready") });
        return app;
    }

    /// <summary>Brings the database to the current schema, then seeds what a new one lacks.</summary>
    public static async Task InitializeAsync(WebApplication app, CancellationToken ct)
    {
        var options = app.Services.GetRequiredService<JukeboxOptions>();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JukeboxDbContext>();
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            await SqliteStorage.PrepareAsync(db, ct);
        }
        await scope.ServiceProvider.GetRequiredService<CatalogSeeder>().SeedAsync(options.CatalogSize, ct);
        await scope.ServiceProvider.GetRequiredService<DemoAccounts>().EnsureAsync(ct);
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

/// <summary>Ready only while the database answers.</summary>
internal sealed class DatabaseHealthCheck(IServiceScopeFactory scopes) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JukeboxDbContext>();
        return await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database does not answer.");
    }
}

/// <summary>Ready once the in-memory catalog is loaded.</summary>
internal sealed class CatalogHealthCheck(CatalogStore store) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(store.IsLoaded
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The catalog is still loading."));
}
