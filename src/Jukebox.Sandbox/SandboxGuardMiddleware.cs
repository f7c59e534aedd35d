using Jukebox.Api.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Jukebox.Sandbox;

/// <summary>Marks the routes of the sandbox API, which only <see cref="SandboxGuard"/> lets through.</summary>
public sealed class SandboxRoute
{
    public static readonly SandboxRoute Instance = new();

    private SandboxRoute()
    {
    }
}

/// <summary>
/// Applies <see cref="SandboxGuard"/> to every route marked <see cref="SandboxRoute"/>, before anything
/// of the request is read: a refused request is answered 404 (sandbox off), 403 (another origin's page)
/// or 401 (no or a wrong admin key) whatever its body, and the endpoint never runs.
/// </summary>
public static class SandboxGuardMiddleware
{
    public static IApplicationBuilder UseSandboxGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<SandboxRoute>() is not null)
        {
            var guard = context.RequestServices.GetRequiredService<SandboxGuard>();
            switch (guard.Check(context.Request))
            {
                case null:
                    break;
                case SandboxRefusal.Disabled:
                    throw SpotifyException.NotFound(SpotifyErrors.ServiceNotFound);
                case SandboxRefusal.CrossOrigin:
                    throw SpotifyException.Forbidden(SandboxGuard.CrossOriginMessage);
                case SandboxRefusal.InvalidAdminKey:
                    throw SpotifyException.Unauthorized(SandboxGuard.InvalidAdminKeyMessage);
                case var refusal:
                    throw new InvalidOperationException($"No answer for the sandbox refusal {refusal}.");
            }
        }
        await next(context);
    });
}
