using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Jukebox.Sandbox.State;

/// <summary>
/// <c>GET /sandbox/snapshot</c> downloads all user-made state as one <see cref="SnapshotFile"/>;
/// <c>PUT /sandbox/snapshot</c> with that file replaces all user-made state with it, all or nothing.
/// </summary>
public static class SnapshotEndpoints
{
    public static void MapSnapshots(this RouteGroupBuilder sandbox)
    {
        sandbox.MapGet("/snapshot", Download).WithSummary("Download all user-made state as one versioned JSON file");
        // A snapshot holds every uploaded image: larger than Kestrel's default limit of 30 MB on a busy server.
        sandbox.MapPut("/snapshot", Restore).WithMetadata(new DisableRequestSizeLimitAttribute())
            .WithSummary("Replace all user-made state with a snapshot file, all or nothing").Accepts<object>("application/json");
    }

    private static async Task<FileContentHttpResult> Download(SnapshotWriter writer, HttpContext context) =>
        TypedResults.File(await writer.WriteAsync(context.RequestAborted), "application/json", SnapshotFile.FileName);

    private static async Task<NoContent> Restore(HttpRequest request, SnapshotReader reader, UserStateStore state)
    {
        var snapshot = await reader.ReadAsync(request.Body, request.HttpContext.RequestAborted);
        await state.RestoreAsync(snapshot, CancellationToken.None);
        return TypedResults.NoContent();
    }
}
