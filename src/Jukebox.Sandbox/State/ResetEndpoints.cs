using Jukebox.Cluster;
using Jukebox.Sandbox.Requests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Jukebox.Sandbox.State;

/// <summary>
/// <c>POST /sandbox/reset</c>: the server as freshly seeded (the catalog, the demo app and user),
/// without a restart and on every node: user-made rows (fault rules included) are deleted and the demo
/// accounts seeded again, and every node forgets the requests it logged. The server's clock keeps its
/// offset: it only moves forward, so that no token or window issued after an advance lives longer.
/// </summary>
public static class ResetEndpoints
{
    public static void MapReset(this RouteGroupBuilder sandbox) => sandbox.MapPost("/reset", Reset)
        .WithSummary("Return the server to its freshly seeded state, on every node");

    private static async Task<NoContent> Reset(UserStateStore state, RequestLog requests, IClusterBus bus)
    {
        // Not the request's cancellation: a reset the client gave up on still completes on every node.
        await state.ResetAsync(CancellationToken.None);
        requests.Clear();
        bus.Publish(ClusterTopics.Reset, "");
        return TypedResults.NoContent();
    }
}
