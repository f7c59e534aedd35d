using Jukebox.Cluster;
using Jukebox.Sandbox.Requests;

namespace Jukebox.Sandbox.State;

/// <summary>
/// The server as freshly seeded (the catalog, the demo app and user), without a restart and on every
/// node: user-made rows (fault rules included) are deleted and the demo accounts seeded again, and
/// every node forgets the requests it logged. The server's clock keeps its offset: it only moves
/// forward, so that no token or window issued after an advance lives longer. Used by
/// <c>POST /sandbox/reset</c> and the dashboard's sandbox page.
/// </summary>
public sealed class SandboxReset(UserStateStore state, RequestLog requests, IClusterBus bus)
{
    public async Task RunAsync()
    {
        // Not a request's cancellation: a reset the client gave up on still completes on every node.
        await state.ResetAsync(CancellationToken.None);
        requests.Clear();
        bus.Publish(ClusterTopics.Reset, "");
    }
}
