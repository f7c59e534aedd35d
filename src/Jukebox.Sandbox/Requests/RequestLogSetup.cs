using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Jukebox.Sandbox.Requests;

public static class RequestLogSetup
{
    public static IServiceCollection AddSandboxRequestLog(this IServiceCollection services)
    {
        services.AddSingleton<RequestLog>();
        services.TryAddSingleton(new RequestLogConsole(Console.Out));
        return services;
    }
}
