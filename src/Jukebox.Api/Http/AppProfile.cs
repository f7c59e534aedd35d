using System.Reflection;
using Jukebox.Accounts.Apps;
using Jukebox.Data.Entities;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Jukebox.Api.Http;

/// <summary>
/// The API profile of the calling app (<see cref="ApiProfiles"/>), bound as an endpoint parameter for
/// the rules of <see cref="Policies.ProfileTable"/> that depend on the resource. Looked up only by the
/// endpoints that take it (from <see cref="AppAccess"/>'s cached policy).
/// </summary>
public readonly record struct AppProfile(string Name)
{
    public static readonly AppProfile Full = new(ApiProfiles.Full);

    public static async ValueTask<AppProfile> BindAsync(HttpContext context, ParameterInfo parameter) =>
        context.Features.Get<Caller>() is { } caller
            ? new AppProfile(await context.RequestServices.GetRequiredService<AppAccess>().ProfileAsync(caller.ClientId, context.RequestAborted))
            : Full;
}
