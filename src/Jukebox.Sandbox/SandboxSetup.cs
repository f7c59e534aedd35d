using Jukebox.Accounts.Tokens;
using Jukebox.Sandbox.Apps;
using Jukebox.Sandbox.Catalog;
using Jukebox.Sandbox.Faults;
using Jukebox.Sandbox.Requests;
using Jukebox.Sandbox.Users;
using Jukebox.Sandbox.State;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Jukebox.Sandbox;

public static class SandboxSetup
{
    public static IServiceCollection AddJukeboxSandbox(this IServiceCollection services)
    {
        services.AddOptions<SandboxOptions>().BindConfiguration("Sandbox").ValidateOnStart();
        services.AddSingleton<SandboxGuard>();
        services.AddScoped<IExtensionGrant, SandboxUserGrant>();
        services.AddScoped<UserRemoval>();
        services.AddScoped<SandboxApps>();
        services.AddUserState();
        services.AddSandboxOpenApi();
        services.AddSandboxFaults();
        services.AddSandboxRequestLog();
        services.AddCatalogFixtures();
        services.AddOpenIddict().AddServer(server =>
        {
            server.AllowCustomFlow(SandboxUserGrant.Type);
            server.AddEventHandler(SandboxGrantGuard.Descriptor);
        });
        return services;
    }

    public static void MapJukeboxSandbox(this IEndpointRouteBuilder app) => app.MapSandbox();

    /// <summary>Whether the request is for the sandbox API, which answers no CORS (see <see cref="SandboxGuard"/>).</summary>
    public static bool IsSandboxPath(Microsoft.AspNetCore.Http.PathString path) => path.StartsWithSegments(SandboxEndpoints.PathPrefix);
}
