namespace Jukebox.Api.Http.Policies;

/// <summary>
/// What one Web API route demands beyond a valid token, read from the policy tables when the route is
/// mapped and kept as its endpoint metadata: the scopes it needs (<see cref="ScopeTable"/>), the
/// rate-limit window of its own, if it has one (<see cref="RateLimitOptions.Endpoints"/>; every route
/// also counts against its app's window), and its fate under each API profile (<see cref="ProfileTable"/>).
/// <see cref="RoutePolicies"/> enforces it.
/// </summary>
public sealed record RoutePolicy(string Route, ScopeTable.Requirement? Scopes, int? RouteLimit, ProfileTable.Row? Profile)
{
    /// <summary>Whether some profile refuses the route, so the app's profile must be looked up.</summary>
    public bool RefusedSomewhere { get; } = Profile is { Restricted2024: not null } or { Development2026: not null };
}
