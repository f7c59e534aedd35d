using System.Net;

namespace Jukebox.Sandbox.Tests;

/// <summary>
/// A test runner's start of one server per suite, as a real process: --ephemeral, a free port and a
/// ready file, then a clean stop that leaves nothing on disk.
/// </summary>
public sealed class ThrowawayRunTests
{
    [Fact]
    public async Task An_ephemeral_server_on_port_0_writes_its_url_when_ready_and_leaves_nothing_behind()
    {
        await using var server = await ThrowawayServer.StartAsync();
        Assert.Equal("127.0.0.1", server.Url.Host);
        Assert.NotEqual(0, server.Url.Port);
        Assert.Single(server.Folder.GetDirectories("jukebox-*"));

        using var token = await server.TokenAsync(ThrowawayServer.DemoClientId, ThrowawayServer.DemoClientSecret, ("grant_type", "client_credentials"));
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);

        await server.StopAsync();
        Assert.True(server.ExitCode == 0, $"The server exited with {server.ExitCode}.\n{server.Output}");
        // Read once the process has ended: its output arrives in its own time.
        Assert.Contains($"Jukebox is running at {server.Url.ToString().TrimEnd('/')}", server.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(server.ReadyFile), "The ready file outlived the server.");
        Assert.Empty(server.Folder.GetFileSystemInfos());
    }

    [Fact]
    public async Task A_stop_while_the_first_search_index_is_built_lets_it_end_and_still_leaves_nothing_behind()
    {
        // A catalog of its own (no demo template applies), large enough that its index is still being
        // built when the server is ready: the build runs beside the server, not before it.
        await using var server = await ThrowawayServer.StartAsync(new Dictionary<string, string> { ["JUKEBOX_CATALOGSIZE"] = "20000" });

        await server.StopAsync();

        Assert.True(server.ExitCode == 0, $"The server exited with {server.ExitCode}.\n{server.Output}");
        Assert.Contains("Search index built", server.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(server.ReadyFile), "The ready file outlived the server.");
        Assert.Empty(server.Folder.GetFileSystemInfos());
    }
}
