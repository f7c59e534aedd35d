using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Jukebox.Sandbox.Faults;

public static class FaultsSetup
{
    public static IServiceCollection AddSandboxFaults(this IServiceCollection services)
    {
        services.AddSingleton(new FaultChance(Random.Shared));
        services.AddSingleton<FaultRules>();
        services.AddHostedService<FaultRulesLoader>();
        return services;
    }

    /// <summary>Loads the rules once the database is ready, before the node serves.</summary>
    private sealed class FaultRulesLoader(FaultRules rules) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => rules.ReloadAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
