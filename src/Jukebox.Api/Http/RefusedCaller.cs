namespace Jukebox.Api.Http;

/// <summary>
/// The app and user of a token that was refused because it expired, when this node had validated it
/// before: set by <see cref="BearerTokenHandler"/> so that the request is still counted as that app's
/// (the sandbox's request log). It grants nothing: only a <see cref="Caller"/> feature authorizes.
/// </summary>
public sealed record RefusedCaller(Caller Caller);
