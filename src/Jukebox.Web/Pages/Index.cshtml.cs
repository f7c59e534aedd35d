using System.Reflection;
using Jukebox.Accounts;
using Jukebox.Api.Catalog;
using Jukebox.Api.Http;
using Jukebox.Data;
using Jukebox.Sandbox;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Jukebox.Web.Pages;

/// <summary>
/// The landing page at <c>/</c>: what is running, the demo app and user with their values, a first
/// request to paste, and where everything else is.
/// </summary>
public sealed class IndexModel(
    CatalogStore catalog, JukeboxDbContext db, IConfiguration configuration, PublicUrls urls,
    IOptions<DemoOptions> demo, IOptions<SandboxOptions> sandbox) : PageModel
{
    public string Version { get; } =
        typeof(IndexModel).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "unknown";

    public string Database => db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true ? "PostgreSQL" : "SQLite";
    public bool SharedThroughRedis => !string.IsNullOrWhiteSpace(configuration["Redis:Configuration"]);
    public string BaseUrl => urls.Base;
    public DemoOptions Demo => demo.Value;
    public SandboxOptions Sandbox => sandbox.Value;
    public (int Tracks, int Albums, int Artists, int Shows, int Audiobooks)? Catalog { get; private set; }

    public async Task OnGetAsync()
    {
        if (catalog.IsLoaded)
        {
            var snapshot = await catalog.GetAsync();
            Catalog = (snapshot.Tracks.Count, snapshot.Albums.Count, snapshot.Artists.Count, snapshot.Shows.Count, snapshot.Audiobooks.Count);
        }
    }
}
