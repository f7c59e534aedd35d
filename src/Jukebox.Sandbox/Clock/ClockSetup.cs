using Microsoft.Extensions.DependencyInjection;

namespace Jukebox.Sandbox.Clock;

public static class ClockSetup
{
    /// <summary>
    /// Makes the injected <see cref="TimeProvider"/> the <see cref="ServerClock"/> over
    /// <paramref name="baseClock"/>. A test host replaces the base (a keyed service,
    /// <see cref="ServerClock.BaseClockKey"/>) with its fake clock, and the sandbox's offset applies on top.
    /// </summary>
    public static IServiceCollection AddServerClock(this IServiceCollection services, TimeProvider baseClock)
    {
        services.AddKeyedSingleton(ServerClock.BaseClockKey, baseClock);
        services.AddSingleton(sp => new ServerClock(sp.GetRequiredKeyedService<TimeProvider>(ServerClock.BaseClockKey)));
        services.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<ServerClock>());
        services.AddSingleton<ServerClockSync>();
        services.AddHostedService(sp => sp.GetRequiredService<ServerClockSync>());
        return services;
    }
}
