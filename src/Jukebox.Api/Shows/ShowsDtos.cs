using System.Text.Json.Serialization;
using Jukebox.Api.Catalog;
using Jukebox.Api.Episodes;
using Jukebox.Api.Http;

namespace Jukebox.Api.Shows;

public class SimplifiedShowObject
{
    public MarketSet AvailableMarkets { get; set; } = null!;
    public IReadOnlyList<CopyrightObject> Copyrights { get; set; } = null!;
    public string Description { get; set; } = null!;
    public string HtmlDescription { get; set; } = null!;
    public bool Explicit { get; set; }
    public ExternalUrlObject ExternalUrls { get; set; } = null!;
    public string Href { get; set; } = null!;
    public string Id { get; set; } = null!;
    public IReadOnlyList<ImageObject> Images { get; set; } = null!;
    public bool IsExternallyHosted { get; set; }
    public IReadOnlyList<string> Languages { get; set; } = null!;
    public string MediaType { get; set; } = null!;
    public string Name { get; set; } = null!;
    public string Publisher { get; set; } = null!;
    public string Type { get; set; } = "show";
    public string Uri { get; set; } = null!;
    public int TotalEpisodes { get; set; }
}

public sealed class ShowObject : SimplifiedShowObject
{
    public PagingObject<SimplifiedEpisodeObject> Episodes { get; set; } = null!;
}

public sealed record ShowsResponse(IReadOnlyList<SimplifiedShowObject?> Shows);
