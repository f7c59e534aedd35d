namespace Jukebox.Api.Http;

/// <summary>
/// Builds every absolute URL the API returns (href, next, previous, images, external URLs) from the
/// configured public base URL, so a server behind a proxy or on another port hands out working links.
/// </summary>
public sealed class PublicUrls
{
    public PublicUrls(string publicBaseUrl)
    {
        Base = publicBaseUrl.TrimEnd('/');
    }

    public string Base { get; }

    public string Api(string pathAndQuery) => $"{Base}/v1/{pathAndQuery.TrimStart('/')}";

    public string Resource(string collection, string id) => $"{Base}/v1/{collection}/{id}";

    public ExternalUrlObject External(string type, string id) => new($"{Base}/open/{type}/{id}");

    /// <summary>A stored address as the API hands it out: a path from this server's root gets the base URL in front.</summary>
    public string? Absolute(string? url) => url is not null && url.StartsWith('/') ? Base + url : url;

    public string Image(string kind, string id, int size) => $"{Base}/images/{kind}/{id}/{size}";

    /// <summary>The three sizes Spotify serves album, artist, show and audiobook art in, largest first.</summary>
    public IReadOnlyList<ImageObject> Images(string kind, string id) =>
    [
        new(Image(kind, id, 640), 640, 640),
        new(Image(kind, id, 300), 300, 300),
        new(Image(kind, id, 64), 64, 64),
    ];
}
