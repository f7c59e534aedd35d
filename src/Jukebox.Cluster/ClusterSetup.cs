using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Jukebox.Cluster;

public static class ClusterSetup
{
    /// <summary>
    /// With Redis configured, the node shares its rate-limit windows and change messages with the
    /// other nodes through Redis, and /readyz reports on Redis; without it, the windows are in memory
    /// and there is nobody to send messages to (one node).
    /// </summary>
    public static IServiceCollection AddJukeboxCluster(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Redis").Get<RedisOptions>() ?? new RedisOptions();
        if (string.IsNullOrWhiteSpace(options.Configuration))
        {
            services.TryAddSingleton<IClusterBus, LocalClusterBus>();
            services.TryAddSingleton<IRequestWindows, MemoryRequestWindows>();
            services.TryAddSingleton<IDailyCounts, MemoryDailyCounts>();
            return services;
        }
        services.AddSingleton(options);
        services.AddSingleton<RedisConnection>();
        services.Replace(ServiceDescriptor.Singleton<IClusterBus, RedisClusterBus>());
        services.Replace(ServiceDescriptor.Singleton<IRequestWindows, RedisRequestWindows>());
        services.Replace(ServiceDescriptor.Singleton<IDailyCounts, RedisDailyCounts>());
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: ["ready"]);
        return services;
    }
}
