using Jukebox.Accounts.Tokens;
using Jukebox.Sandbox.State;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Jukebox.Sandbox;

public static class SandboxSetup
{
    public static IServiceCollection AddJukeboxSandbox(this IServiceCollection services)
    {
        services.AddOptions<SandboxOptions>().BindConfiguration("Sandbox").ValidateOnStart();
        services.AddScoped<IExtensionGrant, SandboxUserGrant>();
        services.AddUserState();
        services.AddOpenIddict().AddServer(server => server.AllowCustomFlow(SandboxUserGrant.Type));
        return services;
    }

    public static void MapJukeboxSandbox(this IEndpointRouteBuilder app) => app.MapSandbox();
}
