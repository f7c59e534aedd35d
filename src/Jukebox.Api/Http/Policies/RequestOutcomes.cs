namespace Jukebox.Api.Http.Policies;

/// <summary>How many more requests the app's rate-limit window took when this request was counted (for the request log).</summary>
public sealed record RateLimitRemaining(int Remaining);

/// <summary>The API profile that refused this request's operation (for the request log).</summary>
public sealed record ProfileRefusal(string Profile);

/// <summary>The scopes the token lacked for this request's operation (for the request log).</summary>
public sealed record MissingScope(string Scopes);
