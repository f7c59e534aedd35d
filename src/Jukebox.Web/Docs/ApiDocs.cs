using Jukebox.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Jukebox.Web.Docs;

/// <summary>
/// The docs UI at <c>/docs</c>: swagger-ui (Swashbuckle's, its scripts and styles served from the
/// assembly, so it works offline) over the Web API's contract and, when the sandbox is enabled, the
/// sandbox API's own document.
/// </summary>
/// <remarks>
/// The page runs under the pages' Content-Security-Policy: swagger-ui's page is plain HTML with
/// scripts and stylesheets of this origin and no inline script, and its icons are data: URLs. The one
/// exception is the &lt;style&gt; block inside the top bar's logo (an inline SVG), which cannot carry a
/// nonce: its hash is allowed on this endpoint alone (<see cref="InlineStyleHashes"/>), so nothing
/// else inline is, here or on any other page. A swagger-ui upgrade that changes the block shows up as
/// a CSP violation in the docs page test, with the new hash in the message.
/// The sandbox document stays behind <see cref="SandboxGuard"/>: with an admin key set, the page (which
/// cannot send the key) still lists it, under a name that says so, and loading it answers 401.
/// </remarks>
public static class ApiDocs
{
    public const string Path = "/docs";

    public const string ContractName = "Spotify Web API (as Jukebox implements it)";

    public const string SandboxName = "Jukebox sandbox API";

    public const string SandboxNameWithKey = SandboxName + " (needs the X-Jukebox-Admin-Key header: not readable here)";

    /// <summary>The hash of swagger-ui's logo style block (<c>.logo_small_svg__cls-2{fill:#fff}…</c>).</summary>
    private const string LogoStyleHash = "sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w=";

    /// <remarks>
    /// swagger-ui's middleware is made on the first request to the page rather than at every start:
    /// making it loads Swashbuckle and reads its embedded files, which a server that never shows the
    /// docs (a test suite's) has no use for. The route is the one Swashbuckle's MapSwaggerUI maps.
    /// </remarks>
    public static IEndpointConventionBuilder MapApiDocs(this IEndpointRouteBuilder app)
    {
        var sandbox = app.ServiceProvider.GetRequiredService<IOptions<SandboxOptions>>().Value;
        var pipeline = app.CreateApplicationBuilder();
        var ui = new Lazy<RequestDelegate>(() => pipeline.UseSwaggerUI(ui =>
        {
            ui.RoutePrefix = Path[1..];
            ui.DocumentTitle = "API docs · Jukebox";
            ui.SwaggerEndpoint(ApiContract.Path, ContractName);
            if (sandbox.Enabled)
            {
                ui.SwaggerEndpoint(SandboxOpenApi.DocumentPath, sandbox.AdminKey.Length > 0 ? SandboxNameWithKey : SandboxName);
            }
        }).Build());
        RequestDelegate docs = context =>
        {
            // swagger-ui's files and its 404 come from middleware, which serves only a request whose endpoint
            // has nothing left to run: the same endpoint (its metadata, such as the style hash) without a delegate.
            if (context.GetEndpoint() is { } endpoint)
            {
                context.SetEndpoint(new Endpoint(null, endpoint.Metadata, endpoint.DisplayName));
            }
            return ui.Value(context);
        };
        return app.Map(Path + "/{**path}", docs)
            .WithMetadata(new InlineStyleHashes(LogoStyleHash));
    }
}
