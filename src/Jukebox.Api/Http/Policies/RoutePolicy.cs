namespace Jukebox.Api.Http.Policies;

/// <summary>
/// What one Web API route demands beyond a valid token, read from the policy tables when the route is
/// mapped and kept as its endpoint metadata: the scopes it needs (<see cref="ScopeTable"/>) and the
/// rate-limit window of its own, if it has one (<see cref="RateLimitOptions.Endpoints"/>; every route
/// also counts against its app's window). <see cref="RoutePolicies"/> enforces it.
/// </summary>
public sealed record RoutePolicy(string Route, ScopeTable.Requirement? Scopes, int? RouteLimit);
