using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.InteropServices;
using System.Text;

namespace Jukebox.Sandbox.Tests;

/// <summary>
/// A test runner's start of one server per suite, as a real process: --ephemeral, a free port and a
/// ready file, then a clean stop that leaves nothing on disk.
/// </summary>
public sealed class ThrowawayRunTests
{
    private const string DemoClientId = "6a756b65626f782d64656d6f2d617070";
    private const string DemoClientSecret = "6a756b65626f782d64656d6f2d736563";

    [Fact]
    public async Task An_ephemeral_server_on_port_0_writes_its_url_when_ready_and_leaves_nothing_behind()
    {
        var temp = Directory.CreateTempSubdirectory("jukebox-throwaway-test-");
        try
        {
            var readyFile = Path.Combine(temp.FullName, "ready");
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[] { ServerAssembly(), "--ephemeral", "--urls", "http://127.0.0.1:0", "--ready-file", readyFile })
            {
                start.ArgumentList.Add(argument);
            }
            // The temporary data folder goes under this test's own folder, so what is left can be seen.
            start.Environment["TMPDIR"] = temp.FullName;
            start.Environment["JUKEBOX_SANDBOX__ENABLED"] = "true";
            var output = new StringBuilder();
            var announced = "";
            using var server = Process.Start(start)!;
            server.OutputDataReceived += (_, line) => { lock (output) { output.AppendLine(line.Data); } };
            server.ErrorDataReceived += (_, line) => { lock (output) { output.AppendLine(line.Data); } };
            server.BeginOutputReadLine();
            server.BeginErrorReadLine();
            try
            {
                var url = await WaitForReadyFileAsync(readyFile, server, output);
                var uri = new Uri(url);
                Assert.Equal("127.0.0.1", uri.Host);
                Assert.NotEqual(0, uri.Port);
                announced = url;
                Assert.Single(temp.GetDirectories("jukebox-*"));

                using var http = new HttpClient { BaseAddress = uri };
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/token")
                {
                    Content = new FormUrlEncodedContent([new("grant_type", "client_credentials")]),
                };
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes($"{DemoClientId}:{DemoClientSecret}")));
                using var token = await http.SendAsync(request);
                Assert.Equal(HttpStatusCode.OK, token.StatusCode);
            }
            finally
            {
                if (!server.HasExited)
                {
                    Assert.Equal(0, Kill(server.Id, SigTerm));
                }
                await server.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            }
            Assert.Equal(0, server.ExitCode);
            // Read once the process has ended: its output arrives in its own time.
            Assert.Contains($"Jukebox is running at {announced}", output.ToString(), StringComparison.Ordinal);
            Assert.False(File.Exists(readyFile), "The ready file outlived the server.");
            Assert.Empty(temp.GetFileSystemInfos());
        }
        finally
        {
            temp.Delete(recursive: true);
        }
    }

    private static async Task<string> WaitForReadyFileAsync(string readyFile, Process server, StringBuilder output)
    {
        var waited = Stopwatch.StartNew();
        while (!File.Exists(readyFile))
        {
            if (server.HasExited || waited.Elapsed > TimeSpan.FromMinutes(3))
            {
                lock (output)
                {
                    throw new InvalidOperationException($"The server did not become ready.\n{output}");
                }
            }
            // Polls the process's work, not the clock: the file appears when start-up is done.
            await Task.Delay(100);
        }
        return (await File.ReadAllTextAsync(readyFile)).Trim();
    }

    private static string ServerAssembly()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        for (var directory = output; directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Jukebox.slnx")))
            {
                return Path.Combine(directory.FullName, "src", "Jukebox.Server", "bin", output.Parent!.Name, output.Name, "jukebox.dll");
            }
        }
        throw new InvalidOperationException($"No Jukebox.slnx above {AppContext.BaseDirectory}.");
    }

    private const int SigTerm = 15;

    // A graceful stop, as a test runner or CI sends it; Process.Kill would not let the server clean up.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
