namespace Jukebox.Web;

/// <summary>
/// Endpoint metadata naming inline style blocks, by their CSP hash ("sha256-…"), that a page made by
/// a library needs and that cannot carry the response's nonce; <see cref="PageSecurityHeaders"/> adds
/// them to that endpoint's style-src only. A hash allows that exact text and nothing else, so a
/// changed block is refused again (and the page tests notice).
/// </summary>
public sealed record InlineStyleHashes(params string[] Hashes);
