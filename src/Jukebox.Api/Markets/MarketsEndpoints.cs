using Jukebox.Api.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Jukebox.Api.Markets;

public static class MarketsEndpoints
{
    public static void MapMarkets(this IEndpointRouteBuilder api) => api.MapGet("/markets", GetMarkets);

    private static SpotifyJson<MarketsResponse> GetMarkets() =>
        SpotifyResults.Catalog(new MarketsResponse(Jukebox.Data.Markets.All), SpotifyJsonContext.Default.MarketsResponse);
}
