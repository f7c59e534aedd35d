using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Jukebox.Api.Http;

/// <summary>A validated <c>limit</c>/<c>offset</c> pair and the paging objects built from it.</summary>
public readonly record struct Page(int Limit, int Offset)
{
    /// <summary>
    /// Reads limit and offset with the endpoint's bounds; out of bounds or not a number is a 400 with
    /// Spotify's message, as the real service answers.
    /// </summary>
    public static Page From(HttpRequest request, int defaultLimit = 20, int maxLimit = 50, int maxOffset = int.MaxValue)
    {
        var limit = defaultLimit;
        if (request.Query.TryGetValue("limit", out var rawLimit) &&
            (!int.TryParse(rawLimit, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > maxLimit))
        {
            throw SpotifyException.BadRequest(SpotifyErrors.InvalidLimit);
        }
        var offset = 0;
        if (request.Query.TryGetValue("offset", out var rawOffset) &&
            (!int.TryParse(rawOffset, NumberStyles.None, CultureInfo.InvariantCulture, out offset) || offset > maxOffset))
        {
            throw SpotifyException.BadRequest(SpotifyErrors.InvalidOffset);
        }
        return new Page(limit, offset);
    }

    /// <summary>A page of <paramref name="all"/> whose links point at the current request's URL.</summary>
    public PagingObject<TOut> ToPaging<TIn, TOut>(HttpRequest request, PublicUrls urls, IReadOnlyList<TIn> all, Func<TIn, TOut> map) =>
        ToPaging(urls, PageLink.Of(request), all, map);

    /// <summary>A page of <paramref name="all"/> whose links point at <paramref name="link"/>.</summary>
    public PagingObject<TOut> ToPaging<TIn, TOut>(PublicUrls urls, PageLink link, IReadOnlyList<TIn> all, Func<TIn, TOut> map) =>
        ToPaging(urls, link.Path, link.Parameters, all, map);

    /// <summary>A page of <paramref name="items"/> out of <paramref name="total"/> whose links point at <paramref name="link"/>.</summary>
    public PagingObject<T> ToPaging<T>(PublicUrls urls, PageLink link, IReadOnlyList<T> items, int total) =>
        ToPaging(urls, link.Path, link.Parameters, items, total);

    /// <summary>A page whose links point at <paramref name="path"/>, e.g. an album's tracks inside the album.</summary>
    public PagingObject<TOut> ToPaging<TIn, TOut>(PublicUrls urls, string path, IEnumerable<KeyValuePair<string, string>> parameters, IReadOnlyList<TIn> all, Func<TIn, TOut> map)
    {
        var items = new List<TOut>(Math.Min(Limit, Math.Max(0, all.Count - Offset)));
        for (var i = Offset; i < all.Count && i < Offset + Limit; i++)
        {
            items.Add(map(all[i]));
        }
        return ToPaging(urls, path, parameters, items, all.Count);
    }

    public PagingObject<T> ToPaging<T>(HttpRequest request, PublicUrls urls, IReadOnlyList<T> items, int total) =>
        ToPaging(urls, PageLink.Of(request), items, total);

    public PagingObject<T> ToPaging<T>(PublicUrls urls, string path, IEnumerable<KeyValuePair<string, string>> parameters, IReadOnlyList<T> items, int total)
    {
        var extra = Encode(parameters);
        return new(
            Href: LinkTo(urls, path, Offset, extra),
            Limit: Limit,
            Next: (long)Offset + Limit < total ? LinkTo(urls, path, Offset + Limit, extra) : null,
            Offset: Offset,
            Previous: Offset > 0 ? LinkTo(urls, path, Math.Max(0, Offset - Limit), extra) : null,
            Total: total,
            Items: items);
    }

    private static string Encode(IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var builder = new StringBuilder();
        foreach (var (key, value) in parameters)
        {
            builder.Append('&').Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value));
        }
        return builder.ToString();
    }

    /// <summary>The URL on the public base with the page moved and the other parameters kept.</summary>
    private string LinkTo(PublicUrls urls, string path, int offset, string extra) =>
        string.Create(CultureInfo.InvariantCulture, $"{urls.Base}{path}?offset={offset}&limit={Limit}{extra}");
}

/// <summary>
/// Where a page's links point: the request's path and its parameters other than offset and limit. Bound
/// as an endpoint parameter, so services build paging objects without seeing the request.
/// </summary>
public sealed record PageLink(string Path, IReadOnlyList<KeyValuePair<string, string>> Parameters)
{
    public static ValueTask<PageLink?> BindAsync(HttpContext context) => ValueTask.FromResult<PageLink?>(Of(context.Request));

    public static PageLink Of(HttpRequest request) => new(
        $"{request.PathBase}{request.Path}",
        [.. request.Query.Where(q => q.Key is not ("offset" or "limit"))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? "")))]);
}
