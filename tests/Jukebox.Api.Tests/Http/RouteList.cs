using Jukebox.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Jukebox.Api.Tests.Http;

/// <summary>The Web API routes a server maps, as the policy tables key them: "METHOD /route" without /v1.</summary>
public static class RouteList
{
    public static IEnumerable<string> Served(JukeboxTestServer server) =>
        server.Services.GetServices<EndpointDataSource>().SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/v1/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} {e.RoutePattern.RawText![3..]}"))
            .Distinct();
}
