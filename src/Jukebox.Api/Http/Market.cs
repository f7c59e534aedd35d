using Microsoft.AspNetCore.Http;

namespace Jukebox.Api.Http;

/// <summary>
/// The <c>market</c> a request asks for, resolved the way Spotify documents it and bound as an endpoint
/// parameter. A null <see cref="Code"/> means no market: objects then carry available_markets and
/// nothing is relinked.
/// </summary>
public readonly struct Market
{
    private readonly string? _code;
    private readonly SpotifyException? _refusal;

    public Market(string? code) => _code = code;

    private Market(SpotifyException refusal) => _refusal = refusal;

    /// <summary>
    /// The market's code. A market the request may not ask for is refused here rather than when it is
    /// bound, so the checks a handler makes before it reads the market (the id, the page) still answer first.
    /// </summary>
    public string? Code => _refusal is null ? _code : throw _refusal;

    public static ValueTask<Market> BindAsync(HttpContext context)
    {
        try
        {
            return ValueTask.FromResult(new Market(Resolve(context)));
        }
        catch (SpotifyException refusal)
        {
            return ValueTask.FromResult(new Market(refusal));
        }
    }

    /// <summary>
    /// A user token's country wins over an explicit market; <c>from_token</c> means that country and
    /// needs a user token; anything else must be a known ISO 3166-1 alpha-2 code.
    /// </summary>
    public static string? Resolve(HttpContext context)
    {
        // Most requests have no query string: reading Query would still make its collection.
        var requested = context.Request.QueryString.HasValue ? context.Request.Query["market"].ToString() : "";
        var caller = Caller.From(context);
        if (requested.Length == 0)
        {
            return caller.Country;
        }
        if (requested == "from_token")
        {
            return caller.Country ?? throw SpotifyException.BadRequest("from_token requires a user access token");
        }
        if (requested.Length != 2 || !Jukebox.Data.Markets.IsKnown(requested.ToUpperInvariant()))
        {
            throw SpotifyException.BadRequest(SpotifyErrors.InvalidMarket);
        }
        return caller.Country ?? requested.ToUpperInvariant();
    }
}
