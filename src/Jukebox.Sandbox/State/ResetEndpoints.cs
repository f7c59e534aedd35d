using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Jukebox.Sandbox.State;

/// <summary><c>POST /sandbox/reset</c>: see <see cref="SandboxReset"/>.</summary>
public static class ResetEndpoints
{
    public static void MapReset(this RouteGroupBuilder sandbox) => sandbox.MapPost("/reset", Reset)
        .WithSummary("Return the server to its freshly seeded state, on every node");

    private static async Task<NoContent> Reset(SandboxReset reset)
    {
        await reset.RunAsync();
        return TypedResults.NoContent();
    }
}
