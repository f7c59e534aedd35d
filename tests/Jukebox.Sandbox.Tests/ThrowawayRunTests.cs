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
}
