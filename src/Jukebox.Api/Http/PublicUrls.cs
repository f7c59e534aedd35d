namespace Jukebox.Api.Http;

/// <summary>
/// Builds every absolute URL the API returns (href, next, previous, images, external URLs) from the
/// configured public base URL, so a server behind a proxy or on another port hands out working links.
/// </summary>
public sealed class PublicUrls
{
    private readonly Link.Prefixes _resources;
    private readonly Link.Prefixes _externals;
    private readonly Link.Prefixes _images;

    public PublicUrls(string publicBaseUrl)
    {
        Base = publicBaseUrl.TrimEnd('/');
        _resources = new(collection => $"{Base}/v1/{collection}/");
        _externals = new(type => $"{Base}/open/{type}/");
        _images = new(kind => $"{Base}/images/{kind}/");
    }

    public string Base { get; }

    public string Api(string pathAndQuery) => $"{Base}/v1/{pathAndQuery.TrimStart('/')}";

    public string Resource(string collection, string id) => $"{Base}/v1/{collection}/{id}";

    /// <summary><see cref="Resource"/> as a <see cref="Link"/>, for the objects a response is built of.</summary>
    public Link ResourceLink(string collection, string id) => new(_resources.For(collection), id);

    public ExternalUrlObject External(string type, string id) => new(new Link(_externals.For(type), id));

    /// <summary>A stored address as the API hands it out: a path from this server's root gets the base URL in front.</summary>
    public string? Absolute(string? url) => url is not null && url.StartsWith('/') ? Base + url : url;

    public string Image(string kind, string id, int size) => $"{Base}/images/{kind}/{id}/{size}";

    /// <summary>The three sizes Spotify serves album, artist, show and audiobook art in, largest first.</summary>
    public IReadOnlyList<ImageObject> Images(string kind, string id)
    {
        var prefix = _images.For(kind);
        return
        [
            new(new Link(prefix, id, "/640"), 640, 640),
            new(new Link(prefix, id, "/300"), 300, 300),
            new(new Link(prefix, id, "/64"), 64, 64),
        ];
    }
}
