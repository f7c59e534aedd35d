using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Jukebox.Api.Http.Policies;

/// <summary>
/// The key every policy table uses for a Web API operation: "METHOD /route" as the route is declared
/// under /v1 (and as the spec names the path), e.g. "PUT /playlists/{playlist_id}/images".
/// </summary>
public static class RouteKey
{
    public static string Of(RouteEndpointBuilder route) =>
        Of(route.Metadata.OfType<HttpMethodMetadata>().FirstOrDefault()?.HttpMethods.FirstOrDefault(), route.RoutePattern.RawText);

    public static string Of(string? method, string? pattern)
    {
        pattern ??= "";
        return $"{method ?? "GET"} {(pattern.StartsWith("/v1/", StringComparison.Ordinal) ? pattern[3..] : pattern)}";
    }
}
