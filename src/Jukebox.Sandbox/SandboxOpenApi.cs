using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Jukebox.Sandbox;

/// <summary>
/// The sandbox API's own OpenAPI document, generated from its routes (Microsoft.AspNetCore.OpenApi)
/// and served under the sandbox, so the guard applies to it as to every sandbox endpoint.
/// </summary>
public static class SandboxOpenApi
{
    /// <summary>Where the document is served.</summary>
    public const string DocumentPath = SandboxEndpoints.PathPrefix + "/openapi.json";
    /// <summary>The document's name: MapOpenApi serves the default one at a path without a name in it.</summary>
    private const string DocumentName = "v1";

    public static IServiceCollection AddSandboxOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, options =>
        {
            options.ShouldInclude = endpoint => endpoint.RelativePath?.StartsWith(SandboxEndpoints.PathPrefix[1..] + "/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Jukebox sandbox API";
                document.Info.Version = "1";
                document.Info.Description =
                    "The control plane of a Jukebox server: users, apps, catalog fixtures, devices, the server clock, faults, " +
                    "the request log, reset and snapshots. Obeys Sandbox:Enabled; send X-Jukebox-Admin-Key when Sandbox:AdminKey is set.";
                return Task.CompletedTask;
            });
        });

    public static void MapSandboxOpenApi(this RouteGroupBuilder sandbox) =>
        sandbox.MapOpenApi(DocumentPath[SandboxEndpoints.PathPrefix.Length..]);
}
