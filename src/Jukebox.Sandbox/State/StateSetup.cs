using Microsoft.Extensions.DependencyInjection;

namespace Jukebox.Sandbox.State;

public static class StateSetup
{
    public static IServiceCollection AddUserState(this IServiceCollection services) =>
        services.AddScoped<UserStateStore>().AddScoped<SnapshotReader>().AddScoped<SnapshotWriter>().AddScoped<SandboxReset>();
}
