namespace Jukebox.Cluster.Tests;

/// <summary>
/// Waits for what another node or the Redis server does on its own time (a message delivered, a
/// reconnection): polls the condition until it holds or the timeout passes.
/// </summary>
internal static class Eventually
{
    public static async Task HoldsAsync(Func<Task<bool>> condition, string what, int seconds = 30)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        while (!await condition())
        {
            if (timeout.IsCancellationRequested)
            {
                Assert.Fail($"Still not true after {seconds} s: {what}.");
            }
            await Task.Delay(50, CancellationToken.None);
        }
    }

    public static Task HoldsAsync(Func<bool> condition, string what, int seconds = 30) =>
        HoldsAsync(() => Task.FromResult(condition()), what, seconds);
}
