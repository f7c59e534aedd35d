using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Jukebox.Sandbox.State;

/// <summary>
/// <c>POST /sandbox/reset</c>: the server as freshly seeded (the catalog, the demo app and user),
/// without a restart and on every node.
/// </summary>
public static class ResetEndpoints
{
    public static void MapReset(this RouteGroupBuilder sandbox) => sandbox.MapPost("/reset", Reset);

    private static async Task<NoContent> Reset(UserStateStore state)
    {
        // Not the request's cancellation: a reset the client gave up on still completes on every node.
        await state.ResetAsync(CancellationToken.None);
        return TypedResults.NoContent();
    }
}
