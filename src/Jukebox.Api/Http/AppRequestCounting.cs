using Jukebox.Accounts.Apps;
using Jukebox.Api.Http.Policies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Jukebox.Api.Http;

public static class AppRequestCounting
{
    /// <summary>
    /// Counts each Web API request by the app whose token it carries, and by its status, when its response starts (so after
    /// authentication, including requests refused for scope or allowlist reasons). Counting when the
    /// response starts rather than after it is written means a client that has its answer finds the
    /// request counted.
    /// </summary>
    public static IApplicationBuilder UseAppRequestCounting(this IApplicationBuilder app)
    {
        var counter = app.ApplicationServices.GetRequiredService<AppRequestCounter>();
        return app.Use((context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<RoutePolicy>() is not null)
            {
                context.Response.OnStarting(static state =>
                {
                    var (context, counter) = ((HttpContext, AppRequestCounter))state;
                    if (context.Features.Get<Caller>() is { } caller)
                    {
                        counter.Count(caller.ClientId, context.Response.StatusCode);
                    }
                    return Task.CompletedTask;
                }, (context, counter));
            }
            return next(context);
        });
    }
}
