using System.Text.Json.Serialization;
using Jukebox.Api.Catalog;
using Jukebox.Api.Episodes;
using Jukebox.Api.Http;

namespace Jukebox.Api.Shows;

public class SimplifiedShowObject
{
    [JsonConverter(typeof(MarketSetJsonConverter))]
    public required MarketSet AvailableMarkets { get; init; }
    public required IReadOnlyList<CopyrightObject> Copyrights { get; init; }
    public required string Description { get; init; }
    public required string HtmlDescription { get; init; }
    public required bool Explicit { get; init; }
    public required ExternalUrlObject ExternalUrls { get; init; }
    public required string Href { get; init; }
    public required string Id { get; init; }
    public required IReadOnlyList<ImageObject> Images { get; init; }
    public required bool IsExternallyHosted { get; init; }
    public required IReadOnlyList<string> Languages { get; init; }
    public required string MediaType { get; init; }
    public required string Name { get; init; }
    public required string Publisher { get; init; }
    public string Type { get; init; } = "show";
    public required string Uri { get; init; }
    public required int TotalEpisodes { get; init; }
}

public sealed class ShowObject : SimplifiedShowObject
{
    public required PagingObject<SimplifiedEpisodeObject> Episodes { get; init; }
}

public sealed record ShowsResponse(IReadOnlyList<SimplifiedShowObject?> Shows);
