using System.Reflection;
using Jukebox.Data.Entities;
using Microsoft.AspNetCore.Http;

namespace Jukebox.Api.Http;

/// <summary>
/// The API profile of the calling app (<see cref="ApiProfiles"/>). The route-policy middleware reads it
/// once per request (from <see cref="Accounts.Apps.AppAccess"/>'s cached policy) and leaves it in the
/// request's features when it is not <c>full</c>: responses are written with its serializers
/// (<see cref="Policies.ProfileFields"/>), and endpoints whose rules depend on the resource
/// (<see cref="Policies.ProfileTable"/>) bind it as a parameter.
/// </summary>
public sealed record AppProfile(string Name)
{
    public static readonly AppProfile Full = new(ApiProfiles.Full);
    private static readonly AppProfile Restricted2024 = new(ApiProfiles.Restricted2024);
    private static readonly AppProfile Development2026 = new(ApiProfiles.Development2026);

    public static AppProfile Of(string name) => name switch
    {
        ApiProfiles.Restricted2024 => Restricted2024,
        ApiProfiles.Development2026 => Development2026,
        ApiProfiles.Full => Full,
        _ => new AppProfile(name),
    };

    public static ValueTask<AppProfile> BindAsync(HttpContext context, ParameterInfo parameter) =>
        ValueTask.FromResult(context.Features.Get<AppProfile>() ?? Full);
}
